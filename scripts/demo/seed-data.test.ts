import { describe, expect, it } from 'vitest'
import { demoContracts, demoCounterparties, demoInvoices } from './seed-data.ts'
import { isValidOrgInn } from './inn.ts'

describe('demo seed data', () => {
  const cps = demoCounterparties()
  const invoices = demoInvoices(demoContracts(cps), '2026-11-22')

  it('has 20 counterparties with valid, unique INNs', () => {
    expect(cps).toHaveLength(20)
    expect(cps.every((c) => isValidOrgInn(c.inn))).toBe(true)
    expect(new Set(cps.map((c) => c.inn)).size).toBe(20)
    expect(isValidOrgInn('7707083893')).toBe(true) // a real, well-known INN
    expect(isValidOrgInn('7707083894')).toBe(false)
  })

  it('has 200 invoices across stages, with partial payments and overdue ones, amounts in kopecks', () => {
    expect(invoices).toHaveLength(200)
    const stages = new Set(invoices.map((i) => i.stage))
    for (const s of ['SUCCESS', 'OVERDUE', 'PARTIAL', 'AWAITING', 'NEW']) expect(stages.has(s)).toBe(true)
    expect(invoices.every((i) => Number.isSafeInteger(i.amount) && i.amount > 0 && i.dueDate >= i.date)).toBe(true)
    expect(invoices.some((i) => i.paid.length && i.paid[0] < i.amount)).toBe(true)
  })

  it('is the same on every run', () => {
    expect(demoInvoices(demoContracts(demoCounterparties()), '2026-11-22')).toEqual(invoices)
  })
})
