import { describe, expect, it } from 'vitest'
import { headerStatus } from './read-dunning-plan.ts'
import type { DunningReceivablePlanDto } from '../../../contracts/dunning.ts'

const r = (daysOverdue: number, remaining = 100) => ({ daysOverdue, remaining }) as DunningReceivablePlanDto

describe('collection plan header status', () => {
  it('never says "ok" while an invoice is overdue (97 days overdue is "overdue")', () => {
    expect(headerStatus('ok', [r(0), r(97)])).toBe('overdue')
    expect(headerStatus('ok', [r(0), r(-3)])).toBe('ok')
    expect(headerStatus('claim', [r(97)])).toBe('claim')
    expect(headerStatus('ok', [r(5, 0)])).toBe('ok')
  })
})
