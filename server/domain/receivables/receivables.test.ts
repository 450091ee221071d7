import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar/index.ts'
import {
  ReceivableError,
  ageDebts,
  bucketOf,
  computeBalance,
  daysOverdue,
  decideStage,
  effectiveDueDate,
  isOverdue,
  renderTotalsComment,
  totalsTitles,
  reversalOf,
  summarizeCounterparty,
  validateReceivableTerms,
  type StageInput,
} from './index.ts'

const cal = createWorkingCalendar({ timezone: 'Europe/Moscow' })
const entry = (id: number, amount: number, paidOn = '2025-03-01', reversalOf: number | null = null) => ({
  id,
  amount,
  paidOn,
  reversalOf,
})

describe('balance from ledger entries', () => {
  it('partial payment leaves a remainder', () => {
    expect(computeBalance(100_000, [entry(1, 30_000)])).toMatchObject({ paid: 30_000, remaining: 70_000, advance: 0 })
  })
  it('overpayment becomes an advance, never dropped', () => {
    const b = computeBalance(100_000, [entry(1, 60_000), entry(2, 55_000, '2025-03-02')])
    expect(b).toMatchObject({
      paid: 115_000,
      remaining: 0,
      advance: 15_000,
      lastPayment: { amount: 55_000, paidOn: '2025-03-02' },
    })
  })
  it('a reversal is a negative entry that restores the balance and hides the reversed payment as last', () => {
    const b = computeBalance(100_000, [
      entry(1, 40_000, '2025-03-01'),
      entry(2, 60_000, '2025-03-05'),
      entry(3, -60_000, '2025-03-06', 2),
    ])
    expect(b).toMatchObject({ paid: 40_000, remaining: 60_000, lastPayment: { amount: 40_000, paidOn: '2025-03-01' } })
  })
  it('refuses to reverse a reversal or the same payment twice', () => {
    expect(reversalOf(entry(1, 500), false)).toEqual({ amount: -500 })
    expect(reversalOf(entry(1, 500), true)).toHaveProperty('error')
    expect(reversalOf(entry(2, -500, '2025-03-01', 1), false)).toHaveProperty('error')
  })
})

describe('due dates (art. 193)', () => {
  it('a due date on a holiday moves to the next working day', () => {
    expect(effectiveDueDate(cal, '2025-01-04')).toBe('2025-01-09')
    expect(effectiveDueDate(cal, '2025-03-04')).toBe('2025-03-04')
  })
  it('is not overdue on the moved day, overdue the day after', () => {
    const due = effectiveDueDate(cal, '2025-01-04')
    expect(isOverdue(due, '2025-01-09', 100)).toBe(false)
    expect(isOverdue(due, '2025-01-10', 100)).toBe(true)
    expect(daysOverdue(due, '2025-01-10', 100)).toBe(1)
    expect(daysOverdue(due, '2025-01-10', 0)).toBe(0)
  })
})

describe('stage decision', () => {
  const base: StageInput = {
    current: 'AWAITING',
    manual: false,
    paid: 0,
    remaining: 100,
    overdue: false,
    trigger: 'money',
  }
  it.each<[string, Partial<StageInput>, string | null]>([
    ['partial payment', { paid: 30, remaining: 70 }, 'PARTIAL'],
    ['full payment', { paid: 100, remaining: 0 }, 'SUCCESS'],
    ['overpayment', { paid: 120, remaining: 0 }, 'SUCCESS'],
    ['partial payment on an overdue invoice', { paid: 30, remaining: 70, overdue: true, current: 'OVERDUE' }, null],
    ['reversal of a full payment', { current: 'SUCCESS', paid: 0, remaining: 100 }, 'AWAITING'],
    [
      'reversal of a full payment when overdue',
      { current: 'SUCCESS', paid: 0, remaining: 100, overdue: true },
      'OVERDUE',
    ],
    [
      'partial payment during manual negotiations is respected',
      { current: 'NEGOTIATION', manual: true, paid: 30, remaining: 70 },
      null,
    ],
    [
      'full payment closes even negotiations',
      { current: 'NEGOTIATION', manual: true, paid: 100, remaining: 0 },
      'SUCCESS',
    ],
    ['a written-off invoice is never moved', { current: 'FAIL', paid: 100, remaining: 0 }, null],
    ['due date passed', { trigger: 'due-passed', overdue: true }, 'OVERDUE'],
    [
      'due date passed while negotiating',
      { trigger: 'due-passed', overdue: true, current: 'NEGOTIATION', manual: true },
      null,
    ],
    ['due date not passed yet', { trigger: 'due-passed', overdue: false }, null],
    [
      'due date passed but paid',
      { trigger: 'due-passed', overdue: true, paid: 100, remaining: 0, current: 'SUCCESS' },
      null,
    ],
  ])('%s', (_n, patch, expected) => {
    expect(decideStage({ ...base, ...patch })?.stage ?? null).toBe(expected)
  })
})

describe('ageing buckets', () => {
  it('puts days overdue on the bucket edges', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91].map(bucketOf)).toEqual([
      'current',
      'd1_30',
      'd1_30',
      'd31_60',
      'd31_60',
      'd61_90',
      'd61_90',
      'd90_plus',
    ])
  })
  it('sums per portal and per counterparty, skipping closed debt', () => {
    const r = ageDebts(
      [
        { counterpartyId: 1, remaining: 100, effectiveDueDate: '2025-03-10' },
        { counterpartyId: 1, remaining: 200, effectiveDueDate: '2025-02-01' },
        { counterpartyId: 2, remaining: 300, effectiveDueDate: '2024-11-01' },
        { counterpartyId: 2, remaining: 0, effectiveDueDate: '2024-11-01' },
      ],
      '2025-03-10',
    )
    expect(r.portal.current).toEqual({ amount: 100, count: 1 })
    expect(r.portal.d31_60).toEqual({ amount: 200, count: 1 })
    expect(r.portal.d90_plus).toEqual({ amount: 300, count: 1 })
    expect(r.portal.total).toEqual({ amount: 600, count: 3 })
    expect(r.byCounterparty.get(1)?.total.amount).toBe(300)
  })
  it('sums per legal entity of ours, debts without one under the empty name', () => {
    const r = ageDebts(
      [
        { counterpartyId: 1, remaining: 100, effectiveDueDate: '2025-03-10', legalEntity: 'ООО Альфа' },
        { counterpartyId: 2, remaining: 200, effectiveDueDate: '2025-02-01', legalEntity: ' ООО Альфа ' },
        { counterpartyId: 2, remaining: 300, effectiveDueDate: '2024-11-01', legalEntity: 'ООО Бета' },
        { counterpartyId: 3, remaining: 400, effectiveDueDate: '2024-11-01', legalEntity: null },
        { counterpartyId: 3, remaining: 50, effectiveDueDate: '2025-03-01' },
      ],
      '2025-03-10',
    )
    expect([...r.byLegalEntity.keys()].sort()).toEqual(['', 'ООО Альфа', 'ООО Бета'])
    expect(r.byLegalEntity.get('ООО Альфа')).toMatchObject({
      current: { amount: 100, count: 1 },
      d31_60: { amount: 200, count: 1 },
      total: { amount: 300, count: 2 },
    })
    expect(r.byLegalEntity.get('')).toMatchObject({
      d1_30: { amount: 50, count: 1 },
      d90_plus: { amount: 400, count: 1 },
      total: { amount: 450, count: 2 },
    })
  })
})

describe('counterparty summary colour', () => {
  const line = (remaining: number, due: string, amount = 1000, paid = amount - remaining) => ({
    remaining,
    paid,
    amount,
    effectiveDueDate: due,
    closed: false,
  })
  it('red with overdue debt, amber when due soon, green otherwise, grey when closed', () => {
    expect(summarizeCounterparty([line(500, '2025-03-01'), line(1000, '2025-04-01')], '2025-03-11')).toMatchObject({
      colour: 'red',
      overdueDebt: 500,
      oldestOverdueDays: 10,
      totalDebt: 1500,
    })
    expect(summarizeCounterparty([line(500, '2025-03-13')], '2025-03-11')).toMatchObject({
      colour: 'amber',
      dueInDays: 2,
    })
    expect(summarizeCounterparty([line(500, '2025-04-13')], '2025-03-11')).toMatchObject({
      colour: 'green',
      dueInDays: null,
    })
    expect(summarizeCounterparty([line(0, '2025-03-01', 1000, 1200)], '2025-03-11')).toMatchObject({
      colour: 'grey',
      advance: 200,
    })
  })
})

describe('validation', () => {
  const ok = { invoiceNumber: 'INV-1', invoiceDate: '2025-03-01', dueDate: '2025-03-11', amount: 100, currency: 'RUB' }
  it('accepts good terms', () => expect(validateReceivableTerms(ok)).toEqual(ok))
  it.each([
    [{ amount: 0 }, 'receivable.invalid-amount'],
    [{ amount: -5 }, 'receivable.invalid-amount'],
    [{ amount: '100' }, 'receivable.invalid-amount'],
    [{ amount: 1.5 }, 'receivable.invalid-amount'],
    [{ amount: 10 ** 13 }, 'receivable.invalid-amount'],
    [{ dueDate: '2025-02-28' }, 'receivable.due-before-invoice'],
    [{ invoiceDate: '2025-02-30' }, 'receivable.invalid-date'],
    [{ currency: 'rub' }, 'receivable.invalid-currency'],
    [{ invoiceNumber: '' }, 'receivable.invalid-text'],
  ])('refuses %o', (patch, code) => {
    expect(() => validateReceivableTerms({ ...ok, ...patch })).toThrow(
      expect.objectContaining({ code }) as ReceivableError,
    )
  })
})

it('renders the totals comment for a person: words, ₽, dd.mm.yyyy, no technical marker', () => {
  const view = {
    total: 100_000,
    paid: 30_000,
    remaining: 70_000,
    advance: 0,
    currency: 'RUB',
    lastPayment: { amount: 30_000, paidOn: '2025-03-01' },
  }
  const ru = renderTotalsComment('receivable', view, 'ru').replace(/\u00a0/g, ' ')
  expect(ru.split('\n')[0]).toBe('[b]Итоги по счёту[/b]')
  expect(ru).toContain('Остаток: 700,00 ₽')
  expect(ru).toContain('Последняя оплата: 300,00 ₽, 01.03.2025')
  expect(ru).not.toMatch(/RUB|#rc-|\[i\]/)
  const en = renderTotalsComment('receivable', view, 'en')
  expect(en).toContain('Remaining: RUB 700.00')
  expect(en).not.toContain('#rc-')
  expect(totalsTitles('receivable')).toContain(en.split('\n')[0])
})
