// State of the approval tab: the route view of one request card and the actions on it.
import { ref, shallowRef } from 'vue'
import { ApiCallError, type Api } from '../../app/api.ts'
import { actorUserId, loadUserNames } from '../../app/user-names.ts'
import { journalUserIds } from '../../app/journal.ts'
import type { PortalFrame } from '../../app/portal-frame/portal-frame.ts'
import type {
  ApprovalDecisionResultDto,
  ApprovalStartResultDto,
  ApprovalViewDto,
  TelegramLinkCodeDto,
} from '../../../../contracts/approvals.ts'

/** CRM_DYNAMIC_<entityTypeId>_DETAIL_TAB + options.ID -> the request card. */
export function requestOf(placement: string, entityId: string | null): { entityTypeId: number; itemId: number } | null {
  const m = /^CRM_DYNAMIC_(\d+)_DETAIL_TAB$/.exec(placement)
  const itemId = Number(entityId)
  if (!m || !Number.isInteger(itemId) || itemId <= 0) return null
  return { entityTypeId: Number(m[1]), itemId }
}

/** An ISO instant in the viewer's local time, short. */
export function formatInstant(iso: string | null, lang: 'ru' | 'en'): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
}

export function useApprovalRoute(api: Api, req: { entityTypeId: number; itemId: number }, frame?: PortalFrame) {
  const names = shallowRef<Map<number, string>>(new Map())
  const view = shallowRef<ApprovalViewDto | null>(null)
  const notStarted = ref(false)
  const loading = ref(false)
  const busy = ref(false)
  const error = ref<string | null>(null)
  const notice = ref<string | null>(null)
  const link = shallowRef<TelegramLinkCodeDto | null>(null)
  const linked = ref<boolean | null>(null)

  /** Look up the names of people not seen yet (assignees, deciders, audit actors). */
  async function resolveNames(v: ApprovalViewDto | null) {
    if (!v) return
    const ids = [
      ...v.steps.flatMap((s) => [s.assigneeId, s.decidedBy]),
      ...v.audit.map((a) => actorUserId(a.actor)),
      ...journalUserIds(v.audit),
    ].filter((id): id is number => id !== null && !names.value.has(id))
    if (!ids.length) return
    const found = await loadUserNames(frame, ids)
    if (found.size) names.value = new Map([...names.value, ...found])
  }

  async function load() {
    loading.value = true
    try {
      view.value = await api<ApprovalViewDto>(`/approvals/item/${req.entityTypeId}/${req.itemId}`)
      void resolveNames(view.value)
      notStarted.value = false
      error.value = null
    } catch (e) {
      if (e instanceof ApiCallError && e.status === 404) {
        notStarted.value = true
        view.value = null
        error.value = null
      } else error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  async function act(run: () => Promise<void>) {
    busy.value = true
    notice.value = null
    try {
      await run()
      error.value = null
      void resolveNames(view.value)
    } catch (e) {
      const missing = e instanceof ApiCallError ? (e.details as { missing?: string[] } | undefined)?.missing : undefined
      error.value = missing?.length ? `${(e as Error).message} (${missing.join(', ')})` : (e as Error).message
      throw e
    } finally {
      busy.value = false
    }
  }

  const start = () =>
    act(async () => {
      const out = await api<ApprovalStartResultDto>(`/approvals/item/${req.entityTypeId}/${req.itemId}/start`, {
        method: 'POST',
        body: {},
      })
      view.value = out.approval
      notStarted.value = false
    })
  const take = () =>
    act(async () => {
      view.value = await api<ApprovalViewDto>(`/approvals/${view.value!.id}/take`, { method: 'POST', body: {} })
    })
  const decide = (decision: 'approve' | 'reject', reason?: string) =>
    act(async () => {
      const v = view.value!
      const out = await api<ApprovalDecisionResultDto>(`/approvals/${v.id}/decision`, {
        body: { round: v.round, stepIndex: v.currentStep ?? 0, decision, ...(reason ? { reason } : {}) },
      })
      view.value = out.approval
      if (out.status === 'already-decided') notice.value = 'alreadyDecided'
    })

  async function loadLink() {
    try {
      linked.value = (await api<{ linked: boolean }>('/approvals/telegram/link')).linked
    } catch {
      linked.value = null
    }
  }
  const requestCode = () =>
    act(async () => {
      link.value = await api<TelegramLinkCodeDto>('/approvals/telegram/link-code', { method: 'POST', body: {} })
      linked.value = link.value.linked
    })

  return {
    view,
    names,
    notStarted,
    loading,
    busy,
    error,
    notice,
    link,
    linked,
    load,
    start,
    take,
    decide,
    loadLink,
    requestCode,
  }
}
