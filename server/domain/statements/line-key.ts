// The identity of a bank document across imports: our account, number, date, amount and payer INN
// (domain-rules §4.1). The same file imported twice gives the same keys, so nothing is recorded twice.
import type { StatementDocument } from './types.ts'

export function lineKey(d: StatementDocument): string {
  return [
    d.ourAccount ?? '',
    d.number.trim(),
    d.date ?? d.valueDate ?? '',
    String(d.amount),
    d.payer.inn ?? d.payer.account ?? '',
    d.direction,
  ].join('|')
}
