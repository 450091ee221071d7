// What happens to a debt-recovery case whose 30-day pre-trial period has passed: it goes on to
// court preparation unless the debt is paid, the debtor paid part of it since the claim was sent,
// or a promise to pay is still running (its date not yet passed). Pure: the caller reads the lines.
import type { LocalDate } from '../calendar/index.ts'

export type PretrialAction = 'move' | 'task' | 'off'
export const PRETRIAL_ACTIONS: readonly PretrialAction[] = ['move', 'task', 'off']

export interface PretrialLine {
  remaining: number
  lastPaymentOn: LocalDate | null
  promisedDate: LocalDate | null
}

export type PretrialDecision =
  | { kind: 'wait' }
  | { kind: 'paid' }
  | { kind: 'hold'; reason: 'partial-payment'; paidOn: LocalDate }
  | { kind: 'hold'; reason: 'promise'; until: LocalDate }
  | { kind: 'escalate' }

export function decidePretrialExpiry(o: {
  today: LocalDate
  deadline: LocalDate | null
  sentOn: LocalDate | null
  lines: readonly PretrialLine[]
}): PretrialDecision {
  // the deadline day itself still belongs to the debtor
  if (!o.deadline || o.today <= o.deadline) return { kind: 'wait' }
  if (o.lines.length > 0 && o.lines.every((l) => l.remaining <= 0)) return { kind: 'paid' }
  const open = o.lines.filter((l) => l.remaining > 0)
  const promise = open
    .map((l) => l.promisedDate)
    .filter((d): d is LocalDate => d !== null && d >= o.today)
    .sort()
    .pop()
  if (promise) return { kind: 'hold', reason: 'promise', until: promise }
  const paid = o.lines
    .map((l) => l.lastPaymentOn)
    .filter((d): d is LocalDate => d !== null && (o.sentOn === null || d >= o.sentOn))
    .sort()
    .pop()
  if (paid) return { kind: 'hold', reason: 'partial-payment', paidOn: paid }
  return { kind: 'escalate' }
}
