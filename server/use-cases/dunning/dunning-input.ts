// Ledger + dunning rows -> the planner's input for one receivable.
import type { DunningOverride, ReceivableDunning } from '../../domain/dunning/index.ts'
import type { DunningRow, LogRow } from '../../storage/repositories/dunning.ts'

export function dunningInput(row: DunningRow, logs: LogRow[], counterpartyDebt: number): ReceivableDunning {
  const done: ReceivableDunning['done'] = {}
  for (const l of logs)
    if (l.receivableId === row.receivableId && l.kind !== 'manual') done[l.stepKey] = { on: l.onDate, status: l.status }
  return {
    receivableId: row.receivableId,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    amount: row.amount,
    remaining: row.remaining,
    riskSegment: row.riskSegment ?? row.cpRiskSegment ?? 'normal',
    counterpartySegment: row.cpSegment,
    legalEntity: row.legalEntity,
    counterpartyDebt,
    doNotDun: row.doNotDun || row.cpDoNotDun,
    pause: row.pausedUntil ? { until: row.pausedUntil, reason: row.pauseReason ?? '' } : null,
    promise:
      row.promisedDate && row.promisedAmount
        ? {
            date: row.promisedDate,
            amount: row.promisedAmount,
            recordedOn: row.promiseRecordedOn ?? row.promisedDate,
            remainingAtRecord: row.remainingAtPromise ?? row.remaining,
          }
        : null,
    claimSentOn: row.claimSentOn,
    counterpartyOverride: (row.cpOverride as DunningOverride | null) ?? null,
    receivableOverride: (row.override as DunningOverride | null) ?? null,
    done,
  }
}

export function debtByCounterparty(rows: DunningRow[]): Map<number, number> {
  const m = new Map<number, number>()
  for (const r of rows) m.set(r.counterpartyId, (m.get(r.counterpartyId) ?? 0) + r.remaining)
  return m
}
