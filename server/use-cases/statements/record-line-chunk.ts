// The fast path of the matching job: a chunk of decided lines is written with a few set-based
// statements in one short transaction (the same rows recordPayment would write: payments once by
// reference, balances by the domain rule, audit, the lines' decisions), then one insert of the mirror
// jobs. Anything unusual (a receivable twice in the chunk, a missing receivable, a reference already
// used for another payment, any error) rolls the chunk back and the caller records it line by line.
import type { MatchDecision } from '../../domain/statements/index.ts'
import { computeBalance } from '../../domain/receivables/index.ts'
import { jobKeys } from '../effect-keys.ts'
import { inTransaction } from '../../storage/transaction.ts'
import { statementBatchQueries, type LineDecisionRow } from '../../storage/repositories/statement-batch.ts'
import type { LineAllocation, StatementLine } from '../../storage/repositories/statements.ts'
import type { NewPayment } from '../../storage/repositories/payments.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { RECEIVABLE_MIRROR_JOB, type MirrorJobData } from '../receivables/enqueue-mirror.ts'
import { paymentComment, statementPaymentRef } from './statement-payment.ts'
import { STATEMENT_AUTO_ACTOR } from './statement-payments-digest.ts'

export interface DecidedLine {
  line: StatementLine
  decision: MatchDecision
}

class NotBatchable extends Error {}

/** Records the chunk at once; false when it must be recorded line by line (nothing was written). */
export async function recordLineChunk(
  ports: DunningPorts,
  memberId: string,
  chunk: DecidedLine[],
  today: string,
  lang: 'ru' | 'en',
): Promise<boolean> {
  const matched = chunk.filter((c) => c.decision.status === 'matched')
  const recIds = matched
    .flatMap((c) => (c.decision.status === 'matched' ? c.decision.allocations : []))
    .map((a) => a.receivableId)
  if (new Set(recIds).size !== recIds.length) return false
  const actor = STATEMENT_AUTO_ACTOR
  let mirrors: { data: MirrorJobData; key: string }[]
  try {
    mirrors = await inTransaction(ports.db, async (trx) => {
      const q = statementBatchQueries(trx)
      const decisions: LineDecisionRow[] = []
      const planned: { line: StatementLine; d: Extract<MatchDecision, { status: 'matched' }>; refs: NewPayment[] }[] =
        []
      for (const { line, decision: d } of chunk) {
        if (d.status === 'review') {
          decisions.push({
            id: line.id,
            status: 'review',
            rule: null,
            reason: d.reason,
            counterpartyId: d.counterpartyId,
            candidates: d.candidates,
            allocations: [],
          })
          continue
        }
        const paidOn = line.valueDate && line.valueDate <= today ? line.valueDate : today
        const comment = paymentComment(line, lang)
        const refs = d.allocations.map((a) => {
          if (!Number.isSafeInteger(a.amount) || a.amount <= 0) throw new NotBatchable('amount')
          return {
            receivableId: a.receivableId,
            amount: a.amount,
            paidOn,
            source: 'bank-statement' as const,
            sourceRef: `bank-statement:${statementPaymentRef(line.id, a.receivableId)}`,
            comment,
            actor,
          }
        })
        planned.push({ line, d, refs })
      }
      const out: MirrorJobData[] = []
      const keys: string[] = []
      if (planned.length) {
        const recs = await q.lockReceivables(memberId, recIds)
        if (recs.size !== recIds.length) throw new NotBatchable('receivable not found')
        const stored = await q.insertPayments(
          memberId,
          planned.flatMap((p) => p.refs),
        )
        const fresh = new Map<number, { paymentId: number; payment: NewPayment }>()
        for (const p of planned) {
          const allocations: LineAllocation[] = []
          for (const ref of p.refs) {
            const s = stored.get(ref.sourceRef)
            if (!s || s.receivableId !== ref.receivableId || s.amount !== ref.amount)
              throw new NotBatchable('reference reused')
            if (s.inserted) fresh.set(ref.receivableId, { paymentId: s.id, payment: ref })
            allocations.push({ receivableId: ref.receivableId, amount: ref.amount, paymentId: s.id })
          }
          decisions.push({
            id: p.line.id,
            status: 'matched',
            rule: p.d.rule,
            reason: null,
            counterpartyId: p.d.counterpartyId,
            candidates: [],
            allocations,
          })
        }
        const changed = [...fresh.keys()]
        if (changed.length) {
          const entries = await q.entries(memberId, changed)
          const after = await q.setBalances(
            memberId,
            changed.map((id) => ({ id, ...computeBalance(recs.get(id)!.amount, entries.get(id) ?? []) })),
          )
          await q.auditMany(
            changed.map((id) => {
              const f = fresh.get(id)!
              const a = after.get(id)!
              out.push({ memberId, receivableId: id, trigger: 'money', paymentId: f.paymentId })
              keys.push(jobKeys.receivableMirror(memberId, id, a.version, 'money'))
              return {
                memberId,
                actor,
                source: 'statement',
                action: 'payment.recorded',
                entity: 'receivable',
                entityId: String(id),
                details: {
                  paymentId: f.paymentId,
                  amount: f.payment.amount,
                  paidOn: f.payment.paidOn,
                  source: 'bank-statement',
                  sourceRef: f.payment.sourceRef,
                  paid: a.paid,
                  remaining: a.remaining,
                },
              }
            }),
          )
        }
      }
      await q.decideMany(memberId, decisions)
      return out.map((data, i) => ({ data, key: keys[i] }))
    })
  } catch (e) {
    if (!(e instanceof NotBatchable))
      ports.log.warn({ memberId, err: (e as Error).message }, 'statement.chunk-line-by-line')
    return false
  }
  if (ports.sendMany)
    await ports.sendMany(
      RECEIVABLE_MIRROR_JOB,
      mirrors.map((m) => ({ data: m.data, options: { key: m.key, memberId } })),
    )
  else for (const m of mirrors) await ports.send(RECEIVABLE_MIRROR_JOB, m.data, { key: m.key, memberId })
  return true
}
