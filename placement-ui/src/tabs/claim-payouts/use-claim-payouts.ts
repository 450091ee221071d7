// State of the claim tab: the claim view (tranches, totals, recovery data) and the tranche edits.
import { ref, shallowRef } from 'vue'
import { ApiCallError, type Api } from '../../app/api.ts'
import type { ClaimTrancheDto, ClaimTrancheRequest, ClaimViewDto } from '../../../../contracts/claims.ts'

/** The default tranche deadline: the last day of the month of `day`. */
export function lastDayOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`
}

/** Schedule total minus the agreed compensation: 0 = matches, > 0 = over, < 0 = short; null = nothing agreed. */
export function differenceToAgreed(tranches: readonly ClaimTrancheDto[], agreed: number | null): number | null {
  if (agreed === null) return null
  return tranches.reduce((s, t) => s + t.amount, 0) - agreed
}

export function useClaimPayouts(api: Api, itemId: number) {
  const view = shallowRef<ClaimViewDto | null>(null)
  const missing = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load() {
    loading.value = true
    try {
      view.value = await api<ClaimViewDto>(`/claims/item/${itemId}`)
      missing.value = false
      error.value = null
    } catch (e) {
      if (e instanceof ApiCallError && e.status === 404) missing.value = true
      else error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }
  const base = () => `/claims/${view.value!.id}`
  const apply = async (p: Promise<ClaimViewDto>) => {
    view.value = await p
    error.value = null
  }

  return {
    view,
    missing,
    loading,
    error,
    load,
    addTranche: (body: ClaimTrancheRequest) => apply(api<ClaimViewDto>(`${base()}/tranches`, { body })),
    editTranche: (id: string, body: ClaimTrancheRequest) =>
      apply(api<ClaimViewDto>(`${base()}/tranches/${encodeURIComponent(id)}`, { method: 'PUT', body })),
    deleteTranche: (id: string) =>
      apply(api<ClaimViewDto>(`${base()}/tranches/${encodeURIComponent(id)}`, { method: 'DELETE' })),
    regenerateLetter: () => apply(api<ClaimViewDto>(`${base()}/letter`, { method: 'POST', body: {} })),
  }
}
