// Reverse a payment: a new negative entry referencing the original, never a delete.
import { ReceivableError, reversalOf } from '../../domain/receivables/index.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import type { Actor } from './create-receivable.ts'
import type { PaymentOutcome } from './record-payment.ts'
import { LedgerError } from './ledger-error.ts'
import { inLedgerTx, rebalance } from './ledger-tx.ts'
import { enqueueMirror } from './enqueue-mirror.ts'

export async function reversePayment(
  ports: ReceivablesPorts,
  who: Actor,
  paymentId: number,
  reason: string | null,
  paidOn: string,
): Promise<PaymentOutcome> {
  const outcome = await inLedgerTx(ports.db, async (r) => {
    const original = await r.payments.get(who.memberId, paymentId)
    if (!original) throw new LedgerError('not-found', 'payment.not-found', `payment ${paymentId} not found`)
    const rec = await r.receivables.get(who.memberId, original.receivableId, { forUpdate: true })
    if (!rec)
      throw new LedgerError('not-found', 'receivable.not-found', `receivable ${original.receivableId} not found`)
    const current = (await r.payments.get(who.memberId, paymentId))!
    const rev = reversalOf(current, current.reversedBy !== null)
    if ('error' in rev) throw new ReceivableError('receivable.not-reversible', rev.error, 'paymentId')
    const { payment } = await r.payments.insertOnce(who.memberId, {
      receivableId: rec.id,
      amount: rev.amount,
      paidOn,
      source: 'reversal',
      sourceRef: `reversal:${current.id}`,
      reversalOf: current.id,
      comment: reason,
      actor: who.actor,
    })
    await rebalance(r, who.memberId, rec.id, rec.amount)
    const after = (await r.receivables.get(who.memberId, rec.id))!
    await r.audit.record({
      memberId: who.memberId,
      actor: who.actor,
      source: who.source,
      action: 'payment.reversed',
      entity: 'receivable',
      entityId: String(rec.id),
      details: {
        paymentId: current.id,
        reversalId: payment.id,
        amount: rev.amount,
        reason,
        paid: after.paid,
        remaining: after.remaining,
      },
    })
    return { payment, receivable: after, duplicate: false }
  })
  await enqueueMirror(
    ports,
    { memberId: who.memberId, receivableId: outcome.receivable.id, trigger: 'money' },
    outcome.receivable.version,
  )
  return outcome
}
