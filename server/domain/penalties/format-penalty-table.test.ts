import { describe, expect, it } from 'vitest'
import { calculatePenalty } from './calculate-penalty.ts'
import { formatPenaltyTable } from './format-penalty-table.ts'
import type { PenaltyInput } from './types.ts'

const reference: Omit<PenaltyInput, 'terms'> = {
  principal: 50_000_000,
  dueDate: '2024-07-10',
  payments: [
    { date: '2024-11-15', amount: 20_000_000 },
    { date: '2025-06-20', amount: 30_000_000 },
  ],
  to: '2025-06-20',
}

describe('formatPenaltyTable', () => {
  it('renders every row and the total in Russian', () => {
    const text = formatPenaltyTable(calculatePenalty({ ...reference, terms: { method: '395' } }), 'ru')
    const lines = text.split('\n')
    expect(lines[0]).toBe('Проценты по ст. 395 ГК РФ')
    expect(lines[1]).toMatch(/^Период\s+Дней\s+Долг, руб\.\s+Ставка, %\s+Год\s+Сумма, руб\.$/)
    expect(lines[3]).toMatch(/^11\.07\.2024–28\.07\.2024\s+18\s+500 000,00\s+16\.00\s+366\s+3 934,43$/)
    expect(lines[9]).toMatch(/^09\.06\.2025–20\.06\.2025\s+12\s+300 000,00\s+20\.00\s+365\s+1 972,60$/)
    expect(lines[10]).toMatch(/^Итого\s+345\s+69 670,54$/)
    expect(lines[11]).toBe('К взысканию: 69 670,54')
    expect(new Set(lines.slice(1, 11).map((l) => l.length)).size).toBeLessThanOrEqual(2) // aligned columns
  })

  it('shows the cap and the uncapped figure in English', () => {
    const r = calculatePenalty({
      ...reference,
      terms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } },
    })
    const text = formatPenaltyTable(r, 'en')
    expect(text).toContain('Cap: 10 % of the debt = 50,000.00; Uncapped: 129,100.00')
    expect(text.split('\n').at(-1)).toBe('Claimed: 50,000.00')
    expect(formatPenaltyTable(r, 'ru')).toContain(
      'Ограничение: 10 % от суммы долга = 50 000,00; Без ограничения: 129 100,00',
    )
  })

  it('marks no-accrual rows and says when there is no delay', () => {
    const r = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2022-03-10',
      to: '2022-10-31',
      terms: { method: '395' },
    })
    expect(formatPenaltyTable(r, 'en')).toMatch(
      /2022-04-01–2022-10-01\s+184\s+100,000.00\s+20.00\s+365\s+0 \(no accrual\)/,
    )
    const none = calculatePenalty({ principal: 100, dueDate: '2025-01-10', to: '2025-01-10', terms: { method: '395' } })
    expect(formatPenaltyTable(none, 'ru')).toBe('Проценты по ст. 395 ГК РФ\nПросрочки нет, начислений нет.')
  })
})
