import { describe, expect, it } from 'vitest'
import { buildMatchIndex, matchPayment, type MatchReceivable } from './index.ts'

const cps = [
  { id: 1, inn: '7705000010', kpp: '770501001' },
  { id: 2, inn: '7705000002', kpp: null },
  { id: 3, inn: '7705000027', kpp: '770301001' },
  { id: 4, inn: '7705000027', kpp: '781001001' }, // a company and its branch
]
const rec = (
  id: number,
  counterpartyId: number,
  invoiceNumber: string,
  invoiceDate: string,
  remaining: number,
  contractNumber: string | null = null,
): MatchReceivable => ({ id, counterpartyId, invoiceNumber, invoiceDate, remaining, contractNumber })
const recs = [
  rec(10, 1, '101', '2024-10-01', 100_000),
  rec(11, 1, '102', '2024-11-01', 50_000),
  rec(12, 1, '103', '2024-11-15', 70_000, '15/2024'),
  rec(20, 2, '7', '2024-11-20', 30_000),
  rec(21, 2, '8', '2024-11-21', 20_000),
  rec(30, 3, 'A-1', '2024-11-01', 5_000),
  rec(40, 4, 'B-1', '2024-11-01', 5_000),
  rec(50, 1, '104', '2024-12-10', 9_999), // issued after the payments below
]
const line = (amount: number, payerInn: string | null, purpose: string, payerKpp: string | null = null) => ({
  amount,
  date: '2024-12-03',
  payerInn,
  payerKpp,
  purpose,
})

describe('matching incoming payments', () => {
  it('an invoice named in the purpose takes the money, partly if less', () => {
    const ix = buildMatchIndex(cps, recs)
    expect(matchPayment(ix, line(30_000, '7705000010', 'Оплата по счету № 102 от 01.11.2024'))).toEqual({
      status: 'matched',
      rule: 'invoice-number',
      counterpartyId: 1,
      allocations: [{ receivableId: 11, amount: 30_000 }],
    })
    // the rest of 102 is 20 000 now: a second line in the same file cannot take more
    expect(matchPayment(ix, line(25_000, '7705000010', 'Оплата по счету № 102'))).toMatchObject({
      status: 'review',
      reason: 'overpayment',
      candidates: [11],
    })
  })

  it('a payment split over two named invoices goes oldest first', () => {
    const ix = buildMatchIndex(cps, recs)
    expect(matchPayment(ix, line(40_000, '7705000002', 'Оплата по сч. №8, 7 от 20.11.2024'))).toMatchObject({
      status: 'matched',
      allocations: [
        { receivableId: 20, amount: 30_000 },
        { receivableId: 21, amount: 10_000 },
      ],
    })
    // without the payer's INN only the exact total of the named invoices is trusted
    expect(matchPayment(buildMatchIndex(cps, recs), line(50_000, null, 'Оплата по сч. №7, 8'))).toMatchObject({
      status: 'matched',
      counterpartyId: 2,
    })
  })

  it('by contract, by exact amount, and by a run of invoices oldest first', () => {
    const ix = buildMatchIndex(cps, recs)
    expect(matchPayment(ix, line(70_000, '7705000010', 'По дог. № 15/2024'))).toMatchObject({
      rule: 'contract-number',
      allocations: [{ receivableId: 12, amount: 70_000 }],
    })
    expect(matchPayment(ix, line(50_000, '7705000010', 'Оплата за товар'))).toMatchObject({
      rule: 'exact-amount',
      allocations: [{ receivableId: 11, amount: 50_000 }],
    })
    const ix2 = buildMatchIndex(cps, recs)
    expect(matchPayment(ix2, line(150_000, '7705000010', 'Оплата за товар'))).toMatchObject({
      rule: 'oldest-first',
      allocations: [
        { receivableId: 10, amount: 100_000 },
        { receivableId: 11, amount: 50_000 },
      ],
    })
  })

  it('uncertain lines go to review with the reason and the candidates', () => {
    const ix = buildMatchIndex(cps, recs)
    expect(matchPayment(ix, line(12_345, '7705000010', 'Оплата за товар'))).toEqual({
      status: 'review',
      reason: 'amount-mismatch',
      counterpartyId: 1,
      candidates: [10, 11, 12],
    })
    expect(matchPayment(ix, line(1_000_000, '7705000010', 'Оплата'))).toMatchObject({ reason: 'overpayment' })
    expect(matchPayment(ix, line(5_000, '7707083893', 'Оплата'))).toEqual({
      status: 'review',
      reason: 'unknown-payer',
      counterpartyId: null,
      candidates: [],
    })
    // a known debtor's INN with one wrong control digit is never matched by it (7705000010 is valid)
    expect(matchPayment(ix, line(1_000, '7705000011', 'Оплата по счету A-1'))).toMatchObject({
      status: 'review',
      reason: 'inn-invalid',
      counterpartyId: null,
    })
    // an unknown payer naming an invoice is trusted only when the amount is exactly what is due
    expect(matchPayment(ix, line(4_000, null, 'Оплата по счету A-1'))).toMatchObject({
      status: 'review',
      reason: 'unknown-payer',
      candidates: [30],
    })
    expect(matchPayment(ix, line(5_000, null, 'Оплата по счету A-1'))).toMatchObject({
      status: 'matched',
      counterpartyId: 3,
    })
  })

  it('branches with one INN are told apart by KPP; without it the line waits for a person', () => {
    const ix = buildMatchIndex(cps, recs)
    expect(matchPayment(ix, line(5_000, '7705000027', 'Оплата', '781001001'))).toMatchObject({
      status: 'matched',
      counterpartyId: 4,
      allocations: [{ receivableId: 40, amount: 5_000 }],
    })
    expect(matchPayment(buildMatchIndex(cps, recs), line(5_000, '7705000027', 'Оплата'))).toMatchObject({
      status: 'review',
      reason: 'ambiguous-payer',
    })
  })

  it('invoices issued after the payment date are not candidates; a debtor with nothing open is an advance for review', () => {
    const ix = buildMatchIndex(
      cps,
      recs.filter((r) => r.counterpartyId !== 1 || r.id === 50),
    )
    expect(matchPayment(ix, line(9_999, '7705000010', 'Оплата по счету 104'))).toEqual({
      status: 'review',
      reason: 'no-open-invoices',
      counterpartyId: 1,
      candidates: [],
    })
  })
})
