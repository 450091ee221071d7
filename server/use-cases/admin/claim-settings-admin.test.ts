import { describe, expect, it } from 'vitest'
import { parseClaimSettings } from './claim-settings-admin.ts'
import { LedgerError } from '../receivables/ledger-error.ts'

const ok = { accountantId: 7, taskDaysBefore: 2, specialistId: null }
const problem = (body: unknown) => {
  try {
    parseClaimSettings(body)
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError)
    expect((e as LedgerError).code).toBe('settings.invalid')
    return (e as LedgerError).message
  }
  throw new Error(`accepted ${JSON.stringify(body)}`)
}

describe('claim settings validation', () => {
  it('takes ids or null and 0..30 working days', () => {
    expect(parseClaimSettings(ok)).toEqual(ok)
    expect(parseClaimSettings({ accountantId: null, taskDaysBefore: 0, specialistId: 12 })).toEqual({
      accountantId: null,
      taskDaysBefore: 0,
      specialistId: 12,
    })
    expect(
      parseClaimSettings({ accountantId: Number.MAX_SAFE_INTEGER, taskDaysBefore: 30, specialistId: null })
        .taskDaysBefore,
    ).toBe(30)
  })

  it('refuses what is not the form, naming the field', () => {
    for (const body of [null, [], 'x', 5]) expect(problem(body)).toMatch(/body must be an object/)
    expect(problem({ ...ok, accountant: 5 })).toBe(
      'unknown field "accountant"; expected accountantId, taskDaysBefore, specialistId',
    )
    expect(problem({ ...ok, __proto__x: 1, b: 2 })).toMatch(/^unknown fields "__proto__x", "b"/)
    expect(problem({ accountantId: 7, taskDaysBefore: 2 })).toMatch(/^missing specialistId/)
  })

  it('refuses ids that are not positive safe integers and days outside 0..30', () => {
    for (const id of [0, -3, 1.5, '7', true, [7], {}, 2 ** 53, Number.NaN])
      expect(problem({ ...ok, accountantId: id })).toMatch(/^accountantId must be a portal user id/)
    expect(problem({ ...ok, specialistId: -1 })).toMatch(/^specialistId/)
    for (const d of [31, -1, 2.5, '2', null, 1e300])
      expect(problem({ ...ok, taskDaysBefore: d })).toBe(
        'taskDaysBefore must be a whole number of working days from 0 to 30',
      )
  })
})
