// The interaction history panel: loads on demand, pings once per item per session.
import { reactive, ref, shallowRef } from 'vue'
import type { Api } from '../../app/api.ts'
import type { CounterpartyType } from '../../../../contracts/receivables.ts'
import type { InteractionDto, InteractionHistoryDto, PingResultDto } from '../../../../contracts/interactions.ts'

export function useInteractions(api: Api, cp: { type: CounterpartyType; id: number }) {
  const items = shallowRef<InteractionDto[] | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const pinged = reactive(new Set<string>())

  async function load() {
    loading.value = true
    try {
      items.value = (await api<InteractionHistoryDto>(`/counterparties/${cp.type}/${cp.id}/interactions`)).items
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  /** After a hand-over: reload until the new task shows (the portal's task list may lag a moment behind). */
  async function loadUntilTask(taskId: number, tries = 4, pauseMs = 700) {
    for (let i = 0; i < tries; i++) {
      if (i) await new Promise((r) => setTimeout(r, pauseMs))
      await load()
      if (items.value?.some((x) => x.kind === 'task' && x.id === taskId)) return
    }
  }

  async function ping(i: InteractionDto) {
    const key = `${i.kind}-${i.id}`
    if (pinged.has(key)) return
    await api<PingResultDto>('/interactions/ping', {
      body: { kind: i.kind, id: i.id, requestId: `ping-${crypto.randomUUID()}` },
    })
    pinged.add(key)
  }

  return { items, loading, error, pinged, load, loadUntilTask, ping }
}
