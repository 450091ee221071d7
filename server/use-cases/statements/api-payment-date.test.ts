// One date rule for the payments API and the ledger (1990–2200, real calendar days): "0000-00-00"
// used to throw a RangeError deep in the check (500) and "0000-01-01" was accepted.
import { describe, expect, it } from 'vitest'
import { parseApiPayment } from './receive-api-payment.ts'
import { assertDay, isLedgerDay } from '../../domain/receivables/validate.ts'

const TODAY = '2026-12-06'
const parse = (paidOn: string) => () => parseApiPayment({ reference: 'PP-1', amount: 100, paidOn }, TODAY)

describe('paidOn', () => {
  it.each(['0000-00-00', '0000-01-01', '1989-12-31', '2026-02-29', '2026-13-01', '2026-00-10', '+02026-01-01'])(
    '%s is refused as invalid input, like the ledger refuses it',
    (d) => {
      expect(parse(d)).toThrow(expect.objectContaining({ code: 'payment.invalid' }))
      expect(isLedgerDay(d)).toBe(false)
      expect(() => assertDay(d, 'paidOn')).toThrow(expect.objectContaining({ code: 'receivable.invalid-date' }))
    },
  )

  it.each(['1990-01-01', '2024-02-29', TODAY])('%s is accepted by both', (d) => {
    expect(parse(d)().paidOn).toBe(d)
    expect(assertDay(d, 'paidOn')).toBe(d)
  })
})
