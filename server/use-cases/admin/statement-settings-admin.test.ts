import { describe, expect, it } from 'vitest'
import { parseStatementSettings } from './statement-settings-admin.ts'
import { LedgerError } from '../receivables/ledger-error.ts'

const problem = (body: unknown) => {
  try {
    parseStatementSettings(body)
  } catch (e) {
    expect(e).toBeInstanceOf(LedgerError)
    expect((e as LedgerError).code).toBe('settings.invalid')
    return (e as LedgerError).message
  }
  throw new Error(`accepted ${JSON.stringify(body)}`)
}

describe('statement settings validation', () => {
  it('takes a list of up to 20 portal user ids (repeats count once; [] means the default)', () => {
    expect(parseStatementSettings({ notifyIds: [7, 3, 7] })).toEqual({ notifyIds: [7, 3] })
    expect(parseStatementSettings({ notifyIds: [] })).toEqual({ notifyIds: [] })
    expect(parseStatementSettings({ notifyIds: Array.from({ length: 20 }, (_, i) => i + 1) }).notifyIds).toHaveLength(
      20,
    )
  })

  it('refuses what is not the form, naming the field', () => {
    for (const body of [null, [], 'x', 5]) expect(problem(body)).toMatch(/body must be an object/)
    expect(problem({ notifyIds: [1], ids: [2] })).toBe('unknown field "ids"; expected notifyIds')
    expect(problem({})).toMatch(/^missing notifyIds/)
    for (const v of [null, 5, '1,2', { 0: 1 }])
      expect(problem({ notifyIds: v })).toMatch(/^notifyIds must be a list of up to 20/)
    expect(problem({ notifyIds: Array.from({ length: 21 }, (_, i) => i + 1) })).toMatch(/up to 20/)
    for (const id of [0, -3, 1.5, '7', true, [7], {}, 2 ** 53, Number.NaN, null])
      expect(problem({ notifyIds: [1, id] })).toBe('notifyIds[1] must be a portal user id (a positive integer)')
  })
})
