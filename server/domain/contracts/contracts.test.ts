import { describe, expect, it } from 'vitest'
import { contractStatusOf, validateContractClose, worstContractStatus, type ContractInvoice } from './index.ts'

const today = '2026-03-10'
const inv = (p: Partial<ContractInvoice>): ContractInvoice => ({
  remaining: 1000,
  effectiveDueDate: '2026-03-20',
  writtenOff: false,
  inClaim: false,
  ...p,
})

describe('contractStatusOf', () => {
  it('is active while nothing is overdue, and with no invoices at all', () => {
    expect(contractStatusOf([inv({})], null, today)).toEqual({ status: 'active', oldestDays: 0 })
    expect(contractStatusOf([], null, today)).toEqual({ status: 'active', oldestDays: 0 })
    // due today is not overdue yet
    expect(contractStatusOf([inv({ effectiveDueDate: today })], null, today).status).toBe('active')
  })
  it('is overdue with the oldest days of its open invoices', () => {
    const v = contractStatusOf(
      [inv({ effectiveDueDate: '2026-03-01' }), inv({ effectiveDueDate: '2026-02-08' }), inv({})],
      null,
      today,
    )
    expect(v).toEqual({ status: 'overdue', oldestDays: 30 })
  })
  it('ignores paid and written-off invoices for overdue', () => {
    const v = contractStatusOf(
      [
        inv({ effectiveDueDate: '2026-02-01', remaining: 0 }),
        inv({ effectiveDueDate: '2026-02-01', writtenOff: true }),
      ],
      null,
      today,
    )
    expect(v.status).toBe('settled')
  })
  it('is in claim work when a case is open on any open invoice, keeping the oldest days', () => {
    const v = contractStatusOf([inv({ effectiveDueDate: '2026-03-05', inClaim: true })], null, today)
    expect(v).toEqual({ status: 'claim', oldestDays: 5 })
    expect(contractStatusOf([inv({ remaining: 0, inClaim: true })], null, today).status).toBe('settled')
  })
  it('is closed once a person closed it, whatever the money', () => {
    expect(contractStatusOf([inv({ effectiveDueDate: '2026-01-01' })], '2026-03-01', today).status).toBe('closed')
  })
})

describe('worstContractStatus', () => {
  it('picks claim over overdue over active over settled over closed', () => {
    expect(worstContractStatus(['closed', 'settled', 'active'])).toBe('active')
    expect(worstContractStatus(['overdue', 'claim', 'active'])).toBe('claim')
    expect(worstContractStatus(['closed', 'settled'])).toBe('settled')
    expect(worstContractStatus([])).toBeNull()
  })
})

describe('validateContractClose', () => {
  it('takes a past date and a reason', () => {
    expect(validateContractClose({ closedOn: '2026-03-01', reason: ' terminated ' }, today, '2025-01-01')).toEqual({
      closedOn: '2026-03-01',
      reason: 'terminated',
    })
  })
  it('lists every problem: a future or impossible date, a date before the contract, no reason', () => {
    expect(() => validateContractClose({ closedOn: '2026-04-01', reason: '' }, today, null)).toThrow(
      /after today.*reason/,
    )
    expect(() => validateContractClose({ closedOn: '2026-02-30', reason: 'x' }, today, null)).toThrow(/YYYY-MM-DD/)
    expect(() => validateContractClose({ closedOn: '2024-12-31', reason: 'x' }, today, '2025-01-01')).toThrow(
      /before the contract/,
    )
    expect(() => validateContractClose(null, today, null)).toThrow(/closedOn.*reason/)
  })
})
