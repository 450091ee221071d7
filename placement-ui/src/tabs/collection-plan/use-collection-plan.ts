// State of the collection plan tab: the dunning plan of one counterparty and the actions on it.
import { ref, shallowRef } from 'vue'
import type { Api } from '../../app/api.ts'
import type { CounterpartyType } from '../../../../contracts/receivables.ts'
import type {
  DunningPauseRequest,
  DunningPlanDto,
  DunningPreviewResponse,
  DunningPromiseRequest,
  DunningSendNowRequest,
  DunningSendNowResponse,
  DunningStepDto,
} from '../../../../contracts/dunning.ts'

/** How a step reads to a person: done, waiting, overdue, skipped (and the rarer states as they are). */
export function stepTone(s: DunningStepDto): 'done' | 'waiting' | 'overdue' | 'skipped' | 'other' {
  if (s.status === 'done') return 'done'
  if (s.status === 'skipped') return 'skipped'
  if (s.overdue || s.status === 'missed') return 'overdue'
  if (s.status === 'waiting' || s.status === 'due') return 'waiting'
  return 'other'
}

/** A step can be skipped while it has not happened yet. */
export function canSkip(s: DunningStepDto): boolean {
  return s.status === 'waiting' || s.status === 'due' || s.status === 'missed'
}

export function useCollectionPlan(api: Api, cp: { type: CounterpartyType; id: number }) {
  const plan = shallowRef<DunningPlanDto | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load() {
    loading.value = true
    try {
      plan.value = await api<DunningPlanDto>(`/dunning/counterparties/${cp.type}/${cp.id}/plan`)
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }
  const post = async <T>(id: number, action: string, body: unknown): Promise<T> => {
    const out = await api<T>(`/dunning/receivables/${id}/${action}`, { body })
    await load()
    return out
  }

  return {
    plan,
    loading,
    error,
    load,
    pause: (id: number, body: DunningPauseRequest) => post(id, 'pause', body),
    promise: (id: number, body: DunningPromiseRequest) => post(id, 'promise', body),
    skip: (id: number, stepKey: string) => post(id, 'skip', { stepKey }),
    sendNow: (id: number, body: DunningSendNowRequest) => post<DunningSendNowResponse>(id, 'send-now', body),
    preview: (receivableId: number, lang: 'ru' | 'en') =>
      api<DunningPreviewResponse>('/dunning/templates/preview', { body: { receivableId, lang } }),
  }
}
