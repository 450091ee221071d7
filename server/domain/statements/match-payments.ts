// Matching incoming payments to open receivables, in file order, so that two lines never take the
// same money: payer INN (+ KPP among branches) -> the debtor; invoice or contract numbers from the
// purpose; else the exact amount of one invoice, or a run of invoices oldest first. Anything not
// certain goes to review with its reason and the candidates an accountant would look at. A payer
// INN whose control digits are wrong is never matched by (nor trusted without) it: review.
import { findDocumentNumbers, normalizeDocNumber } from './purpose-numbers.ts'
import { isValidInn } from '../parties/inn.ts'

export interface MatchCounterparty {
  id: number
  inn: string | null
  kpp: string | null
}
export interface MatchReceivable {
  id: number
  counterpartyId: number
  invoiceNumber: string
  contractNumber: string | null
  invoiceDate: string
  remaining: number
}
export interface MatchLine {
  amount: number
  date: string
  payerInn: string | null
  payerKpp: string | null
  purpose: string
}
export interface Allocation {
  receivableId: number
  amount: number
}

export type MatchRule = 'invoice-number' | 'contract-number' | 'exact-amount' | 'oldest-first'
export type ReviewReason =
  | 'unknown-payer'
  | 'ambiguous-payer'
  | 'no-open-invoices'
  | 'overpayment'
  | 'amount-mismatch'
  | 'inn-invalid'
  | 'balance-mismatch'
export type MatchDecision =
  | { status: 'matched'; rule: MatchRule; counterpartyId: number; allocations: Allocation[] }
  | { status: 'review'; reason: ReviewReason; counterpartyId: number | null; candidates: number[] }

export interface MatchIndex {
  byInn: Map<string, MatchCounterparty[]>
  open: Map<number, MatchReceivable[]>
  byNumber: Map<string, MatchReceivable[]>
  left: Map<number, number>
}

const older = (a: MatchReceivable, b: MatchReceivable) =>
  a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.id - b.id

export function buildMatchIndex(
  counterparties: readonly MatchCounterparty[],
  receivables: readonly MatchReceivable[],
): MatchIndex {
  const byInn = new Map<string, MatchCounterparty[]>()
  // a counterparty INN with wrong control digits is no ground for matching by INN
  for (const c of counterparties) if (c.inn && isValidInn(c.inn)) byInn.set(c.inn, [...(byInn.get(c.inn) ?? []), c])
  const open = new Map<number, MatchReceivable[]>()
  const byNumber = new Map<string, MatchReceivable[]>()
  const left = new Map<number, number>()
  for (const r of receivables) {
    if (r.remaining <= 0) continue
    left.set(r.id, r.remaining)
    const list = open.get(r.counterpartyId)
    if (list) list.push(r)
    else open.set(r.counterpartyId, [r])
    const n = normalizeDocNumber(r.invoiceNumber)
    byNumber.set(n, [...(byNumber.get(n) ?? []), r])
  }
  for (const list of open.values()) list.sort(older)
  return { byInn, open, byNumber, left }
}

/** Oldest first over `recs`: every kopeck placed, or null when the amount exceeds what is due. */
function allocate(ix: MatchIndex, recs: readonly MatchReceivable[], amount: number): Allocation[] | null {
  const out: Allocation[] = []
  let rest = amount
  for (const r of [...recs].sort(older)) {
    if (rest === 0) break
    const due = ix.left.get(r.id) ?? 0
    if (due <= 0) continue
    const take = Math.min(due, rest)
    out.push({ receivableId: r.id, amount: take })
    rest -= take
  }
  return rest === 0 ? out : null
}

function take(ix: MatchIndex, d: MatchDecision): MatchDecision {
  if (d.status === 'matched')
    for (const a of d.allocations) ix.left.set(a.receivableId, (ix.left.get(a.receivableId) ?? 0) - a.amount)
  return d
}

const stillOpen = (ix: MatchIndex, recs: readonly MatchReceivable[], day: string) =>
  recs.filter((r) => (ix.left.get(r.id) ?? 0) > 0 && r.invoiceDate <= day)

/** Decides one incoming line and reserves the money it takes in the index. */
export function matchPayment(ix: MatchIndex, line: MatchLine): MatchDecision {
  const numbers = findDocumentNumbers(line.purpose)
  if (line.payerInn && !isValidInn(line.payerInn)) {
    const named = numbers.invoices.flatMap((n) => stillOpen(ix, ix.byNumber.get(n) ?? [], line.date))
    return { status: 'review', reason: 'inn-invalid', counterpartyId: null, candidates: named.map((r) => r.id) }
  }
  let parties = line.payerInn ? (ix.byInn.get(line.payerInn) ?? []) : []
  if (parties.length > 1 && line.payerKpp) {
    const exact = parties.filter((p) => p.kpp === line.payerKpp)
    if (exact.length) parties = exact
  }
  if (parties.length === 0) {
    // an unknown payer: only invoice numbers naming exactly the amount are trusted
    const named = numbers.invoices.flatMap((n) => stillOpen(ix, ix.byNumber.get(n) ?? [], line.date))
    const owners = new Set(named.map((r) => r.counterpartyId))
    const sum = named.reduce((s, r) => s + (ix.left.get(r.id) ?? 0), 0)
    if (named.length && owners.size === 1 && sum === line.amount) {
      return take(ix, {
        status: 'matched',
        rule: 'invoice-number',
        counterpartyId: named[0].counterpartyId,
        allocations: allocate(ix, named, line.amount)!,
      })
    }
    return { status: 'review', reason: 'unknown-payer', counterpartyId: null, candidates: named.map((r) => r.id) }
  }
  const open = stillOpen(
    ix,
    parties.flatMap((p) => ix.open.get(p.id) ?? []),
    line.date,
  ).sort(older)
  const pick = (recs: MatchReceivable[], rule: MatchRule): MatchDecision | null => {
    if (!recs.length) return null
    const cps = new Set(recs.map((r) => r.counterpartyId))
    if (cps.size > 1)
      return { status: 'review', reason: 'ambiguous-payer', counterpartyId: null, candidates: recs.map((r) => r.id) }
    const allocations = allocate(ix, recs, line.amount)
    if (!allocations)
      return {
        status: 'review',
        reason: 'overpayment',
        counterpartyId: recs[0].counterpartyId,
        candidates: recs.map((r) => r.id),
      }
    return take(ix, { status: 'matched', rule, counterpartyId: recs[0].counterpartyId, allocations })
  }
  const invoiceSet = new Set(numbers.invoices)
  const byInvoice = pick(
    open.filter((r) => invoiceSet.has(normalizeDocNumber(r.invoiceNumber))),
    'invoice-number',
  )
  if (byInvoice) return byInvoice
  const contractSet = new Set(numbers.contracts)
  const byContract = pick(
    open.filter((r) => r.contractNumber !== null && contractSet.has(normalizeDocNumber(r.contractNumber))),
    'contract-number',
  )
  if (byContract) return byContract
  const cpId = parties.length === 1 ? parties[0].id : null
  if (!open.length) return { status: 'review', reason: 'no-open-invoices', counterpartyId: cpId, candidates: [] }
  if (new Set(open.map((r) => r.counterpartyId)).size > 1)
    return { status: 'review', reason: 'ambiguous-payer', counterpartyId: null, candidates: open.map((r) => r.id) }
  const exact = open.find((r) => ix.left.get(r.id) === line.amount)
  if (exact)
    return take(ix, {
      status: 'matched',
      rule: 'exact-amount',
      counterpartyId: exact.counterpartyId,
      allocations: [{ receivableId: exact.id, amount: line.amount }],
    })
  let run = 0
  for (let k = 0; k < open.length && run < line.amount; k++) {
    run += ix.left.get(open[k].id) ?? 0
    if (run === line.amount)
      return take(ix, {
        status: 'matched',
        rule: 'oldest-first',
        counterpartyId: open[0].counterpartyId,
        allocations: allocate(ix, open.slice(0, k + 1), line.amount)!,
      })
  }
  const total = open.reduce((s, r) => s + (ix.left.get(r.id) ?? 0), 0)
  return {
    status: 'review',
    reason: line.amount > total ? 'overpayment' : 'amount-mismatch',
    counterpartyId: open[0].counterpartyId,
    candidates: open.map((r) => r.id),
  }
}
