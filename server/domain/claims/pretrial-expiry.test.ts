import { describe, expect, it } from 'vitest'
import { decidePretrialExpiry, type PretrialLine } from './pretrial-expiry.ts'

const line = (o: Partial<PretrialLine> = {}): PretrialLine => ({
  remaining: 100_000,
  lastPaymentOn: null,
  promisedDate: null,
  ...o,
})
const at = (today: string, lines: PretrialLine[] = [line()]) =>
  decidePretrialExpiry({ today, deadline: '2026-11-09', sentOn: '2026-10-09', lines })

describe('decidePretrialExpiry', () => {
  it('waits through the deadline day and escalates the day after', () => {
    expect(at('2026-11-09')).toEqual({ kind: 'wait' })
    expect(at('2026-11-10')).toEqual({ kind: 'escalate' })
    expect(decidePretrialExpiry({ today: '2026-12-01', deadline: null, sentOn: null, lines: [line()] })).toEqual({
      kind: 'wait',
    })
  })

  it('leaves a paid case alone', () => {
    expect(at('2026-11-10', [line({ remaining: 0 })])).toEqual({ kind: 'paid' })
  })

  it('holds for a partial payment made since the claim was sent, not before it', () => {
    expect(at('2026-11-10', [line({ lastPaymentOn: '2026-10-20' })])).toEqual({
      kind: 'hold',
      reason: 'partial-payment',
      paidOn: '2026-10-20',
    })
    expect(at('2026-11-10', [line({ lastPaymentOn: '2026-10-08' })])).toEqual({ kind: 'escalate' })
  })

  it('holds while a promise runs, and escalates once its day has passed unpaid', () => {
    const promised = [line({ promisedDate: '2026-11-15' }), line({ remaining: 0, promisedDate: '2026-12-31' })]
    expect(at('2026-11-15', promised)).toEqual({ kind: 'hold', reason: 'promise', until: '2026-11-15' })
    expect(at('2026-11-16', promised)).toEqual({ kind: 'escalate' })
  })
})
