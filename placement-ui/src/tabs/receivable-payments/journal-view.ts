// The receivable card's history in words: people by name (user.get through the frame), the app as
// "приложение", how it happened, to whom a hand-over went; payment references without technical ids.
import { shallowRef, watch, type ShallowRef } from 'vue'
import type { PortalFrame } from '../../app/portal-frame/portal-frame.ts'
import type { PaymentDto, ReceivableDetailDto } from '../../../../contracts/receivables.ts'
import { loadUserNames } from '../../app/user-names.ts'
import { journalUserIds } from '../../app/journal.ts'

/** Names of everyone the detail mentions, looked up once per new id. */
export function useJournalNames(frame: PortalFrame | undefined, detail: ShallowRef<ReceivableDetailDto | null>) {
  const names = shallowRef<Map<number, string>>(new Map())
  watch(detail, async (d) => {
    if (!d) return
    const ids = journalUserIds([...d.audit, ...d.payments.map((p) => ({ actor: p.actor, details: null }))]).filter(
      (id) => !names.value.has(id),
    )
    if (!ids.length) return
    const found = await loadUserNames(frame, ids)
    if (found.size) names.value = new Map([...names.value, ...found])
  })
  return names
}

/** The payment's reference as a person reads it: the comment, else the reference an API caller gave;
 *  request ids (ui-…), statement line links, robot tokens and reversal links say nothing to a person. */
export function paymentReference(p: Pick<PaymentDto, 'comment' | 'sourceRef' | 'source'>): string {
  if (p.comment) return p.comment
  return p.source === 'api' ? p.sourceRef.replace(/^api:/, '') : '—'
}
