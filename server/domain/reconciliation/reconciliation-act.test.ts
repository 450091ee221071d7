import { describe, expect, it } from 'vitest'
import { ReconciliationError, buildReconciliationAct } from './reconciliation-act.ts'
import type { ActInvoice, ActPayment } from './reconciliation-act.ts'

// Hand-computed: before the period invoice 1 (120 000,00) paid 50 000,00 -> opening 70 000,00.
// In the period: invoice 2 (33 333,33), part payment of 1 (20 000,01), a payment of 2 reversed
// (-10 000,00 after +10 000,00), the rest of 1 (49 999,99) and an overpayment of 2 (45 000,00,
// 11 666,67 of it an advance). After the period: a payment that must not count.
const invoices: ActInvoice[] = [
  { date: '2025-12-20', number: 'INV-1', amount: 12_000_000, contract: 'Д-7' },
  { date: '2026-01-15', number: 'INV-2', amount: 3_333_333, contract: 'Д-7' },
  { date: '2026-04-01', number: 'INV-3', amount: 500_000, contract: null },
]
const payments: ActPayment[] = [
  { date: '2025-12-28', amount: 5_000_000, invoiceNumber: 'INV-1', document: 'п/п 11', contract: 'Д-7' },
  { date: '2026-01-10', amount: 2_000_001, invoiceNumber: 'INV-1', document: 'п/п 12', contract: 'Д-7' },
  { date: '2026-01-20', amount: 1_000_000, invoiceNumber: 'INV-2', document: null, contract: 'Д-7' },
  { date: '2026-01-22', amount: -1_000_000, invoiceNumber: 'INV-2', document: null, contract: 'Д-7' },
  { date: '2026-02-05', amount: 4_999_999, invoiceNumber: 'INV-1', document: 'п/п 13', contract: 'Д-7' },
  { date: '2026-03-31', amount: 4_500_000, invoiceNumber: 'INV-2', document: 'п/п 14', contract: 'Д-7' },
  { date: '2026-04-02', amount: 500_000, invoiceNumber: 'INV-3', document: null, contract: null },
]

describe('reconciliation act', () => {
  it('matches the hand-computed act: partial payments, a reversal and an advance', () => {
    const act = buildReconciliationAct('2026-01-01', '2026-03-31', invoices, payments)
    expect(act.opening).toBe(7_000_000)
    expect(act.rows.map((r) => [r.date, r.kind, r.invoiceNumber, r.debit, r.credit])).toEqual([
      ['2026-01-10', 'payment', 'INV-1', 0, 2_000_001],
      ['2026-01-15', 'invoice', 'INV-2', 3_333_333, 0],
      ['2026-01-20', 'payment', 'INV-2', 0, 1_000_000],
      ['2026-01-22', 'reversal', 'INV-2', 0, -1_000_000],
      ['2026-02-05', 'payment', 'INV-1', 0, 4_999_999],
      ['2026-03-31', 'payment', 'INV-2', 0, 4_500_000],
    ])
    expect(act.debit).toBe(3_333_333)
    expect(act.credit).toBe(11_500_000) // 20 000,01 + 10 000 - 10 000 + 49 999,99 + 45 000
    // 70 000,00 + 33 333,33 - 115 000,00 = -11 666,67: the counterparty's advance
    expect(act.closing).toBe(-1_166_667)
  })

  it('closing balance equals the ledger: invoices minus payments to the end of the period', () => {
    const act = buildReconciliationAct('2026-01-01', '2026-12-31', invoices, payments)
    const invoiced = invoices.reduce((s, i) => s + i.amount, 0)
    const paid = payments.reduce((s, p) => s + p.amount, 0)
    expect(act.closing).toBe(invoiced - paid)
    expect(act.opening + act.debit - act.credit).toBe(act.closing)
  })

  it('an invoice and its payment on the same day: the invoice first', () => {
    const act = buildReconciliationAct('2026-04-01', '2026-04-01', invoices, [
      ...payments.filter((p) => p.date < '2026-04-01'),
      { date: '2026-04-01', amount: 100, invoiceNumber: 'INV-3', document: null, contract: null },
    ])
    expect(act.rows.map((r) => r.kind)).toEqual(['invoice', 'payment'])
    expect(act.opening).toBe(-1_166_667)
  })

  it('an empty period carries the balance', () => {
    const act = buildReconciliationAct('2026-06-01', '2026-06-30', invoices, payments)
    expect(act.rows).toEqual([])
    expect(act.opening).toBe(act.closing)
    expect(act.closing).toBe(-1_166_667)
  })

  it('refuses a period that is not one', () => {
    expect(() => buildReconciliationAct('2026-03-01', '2026-02-01', [], [])).toThrow(ReconciliationError)
    expect(() => buildReconciliationAct('2026-02-30', '2026-03-01', [], [])).toThrow(/no such day/)
    expect(() => buildReconciliationAct('01.02.2026', '2026-03-01', [], [])).toThrow(/YYYY-MM-DD/)
  })
})
