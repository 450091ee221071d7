// The interaction history panel: loads on demand, pings once per item per session.
import { reactive, ref, shallowRef } from 'vue'
import type { Api } from '../../app/api.ts'
import type { CounterpartyType } from '../../../../server/http/contracts/receivables.ts'
import type { InteractionDto, InteractionHistoryDto, PingResultDto } from '../../../../server/http/contracts/interactions.ts'

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

  async function ping(i: InteractionDto) {
    const key = `${i.kind}-${i.id}`
    if (pinged.has(key)) return
    await api<PingResultDto>('/interactions/ping', { body: { kind: i.kind, id: i.id, requestId: `ping-${crypto.randomUUID()}` } })
    pinged.add(key)
  }

  return { items, loading, error, pinged, load, ping }
}
