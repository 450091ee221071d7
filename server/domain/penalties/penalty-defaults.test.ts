import { describe, expect, it } from 'vitest'
import { calculatePenalty } from './calculate-penalty.ts'
import { MORATORIUM_2022 } from './no-accrual-windows.ts'
import {
  MAX_OPT_OUTS,
  MAX_WINDOWS,
  checkPenaltyDefaults,
  defaultPenaltyDefaults,
  windowsFor,
} from './penalty-defaults.ts'
import { PenaltyError } from './penalty-error.ts'
import { penaltyTermsOf } from './terms-input.ts'

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn()
  } catch (e) {
    if (e instanceof PenaltyError) return { code: e.code, message: e.message }
    throw e
  }
  return { code: 'no error', message: '' }
}
const base = () => ({ terms: { method: '395' }, windows: [{ ...MORATORIUM_2022 }], optOuts: [] as unknown[] })

describe('penalty terms from a form', () => {
  it('keeps only the fields of the method and normalises the decimal comma', () => {
    expect(penaltyTermsOf({ method: '395', percentPerDay: '0.1', junk: 1 })).toEqual({ method: '395' })
    expect(
      penaltyTermsOf({
        method: 'per-day',
        percentPerDay: '0,1',
        cap: { kind: 'percent', percent: '10' },
        fraction: 300,
      }),
    ).toEqual({ method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } })
    expect(
      penaltyTermsOf({ method: 'key-rate-fraction', fraction: '150', rateMode: 'periodised', fixedRateBp: 1600 }),
    ).toEqual({ method: 'key-rate-fraction', fraction: 150, rateMode: 'periodised' })
    expect(
      penaltyTermsOf({ method: 'key-rate-fraction', fraction: 300, rateMode: 'fixed', fixedRateBp: '16,5' }),
    ).toEqual({ method: 'key-rate-fraction', fraction: 300, rateMode: 'fixed', fixedRateBp: 1650 })
    expect(penaltyTermsOf({ method: 'fine', amount: 500_000, percent: '' })).toEqual({
      method: 'fine',
      amount: 500_000,
    })
  })

  it.each<[string, unknown, string, RegExp]>([
    ['no object', null, 'penalty.invalid-method', /must be an object/],
    ['unknown method', { method: 'usury' }, 'penalty.invalid-method', /unknown method: usury/],
    ['per-day without a rate', { method: 'per-day' }, 'penalty.invalid-method', /% per day is required/],
    ['per-day of 0 %', { method: 'per-day', percentPerDay: '0' }, 'penalty.rate-out-of-range', /accrues nothing/],
    ['per-day above 100 %', { method: 'per-day', percentPerDay: '150' }, 'penalty.rate-out-of-range', /above 100/],
    [
      'a rate that is not a number',
      { method: 'per-day', percentPerDay: 'ten' },
      'penalty.invalid-rate',
      /not a percentage/,
    ],
    [
      'a cap of 0 %',
      { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '0' } },
      'penalty.invalid-cap',
      /0 %/,
    ],
    [
      'a cap in roubles as a float',
      { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'fixed', amount: 10.5 } },
      'penalty.invalid-cap',
      /kopecks/,
    ],
    [
      'fraction 1/200',
      { method: 'key-rate-fraction', fraction: 200, rateMode: 'periodised' },
      'penalty.invalid-fraction',
      /1\/300, 1\/150 or 1\/130/,
    ],
    [
      'unknown rate mode',
      { method: 'key-rate-fraction', fraction: 300, rateMode: 'judgment' },
      'penalty.invalid-method',
      /unknown rate mode/,
    ],
    [
      'fixed mode without a rate',
      { method: 'key-rate-fraction', fraction: 300, rateMode: 'fixed' },
      'penalty.rate-out-of-range',
      /fixed key rate/,
    ],
    [
      'a fine with both a sum and a percent',
      { method: 'fine', amount: 100, percent: '5' },
      'penalty.invalid-method',
      /exactly one/,
    ],
    ['a fine with neither', { method: 'fine' }, 'penalty.invalid-method', /exactly one/],
  ])('refuses %s', (_, raw, code, message) => {
    const f = failure(() => penaltyTermsOf(raw))
    expect(f.code).toBe(code)
    expect(f.message).toMatch(message)
  })
})

describe('penalty defaults', () => {
  it('default: art. 395 interest and the 2022 moratorium, nobody opted out', () => {
    expect(defaultPenaltyDefaults()).toEqual({ terms: { method: '395' }, windows: [MORATORIUM_2022], optOuts: [] })
    expect(checkPenaltyDefaults(defaultPenaltyDefaults())).toEqual(defaultPenaltyDefaults())
  })

  it('accepts edited windows and opt-outs (an id given as text), trimmed', () => {
    const d = checkPenaltyDefaults({
      terms: { method: 'per-day', percentPerDay: '0.1' },
      windows: [
        { ...MORATORIUM_2022, label: '  Мораторий 2022  ' },
        {
          id: 'covid-2020',
          label: 'Мораторий 2020',
          from: '2020-04-06',
          to: '2021-01-07',
          appliesToObligationsBefore: '',
        },
      ],
      optOuts: [
        { entityType: 'company', entityId: '42', windowIds: ['moratorium-2022', 'moratorium-2022'] },
        { entityType: 'contact', entityId: 7, windowIds: ['covid-2020'] },
      ],
    })
    expect(d.windows[0].label).toBe('Мораторий 2022')
    expect(d.windows[1]).toEqual({ id: 'covid-2020', label: 'Мораторий 2020', from: '2020-04-06', to: '2021-01-07' })
    expect(d.optOuts).toEqual([
      { entityType: 'company', entityId: 42, windowIds: ['moratorium-2022'] },
      { entityType: 'contact', entityId: 7, windowIds: ['covid-2020'] },
    ])
    expect(checkPenaltyDefaults({ terms: { method: '395' }, windows: [], optOuts: [] }).windows).toEqual([]) // every window may be removed
  })

  it.each<[string, (b: ReturnType<typeof base>) => unknown, string, RegExp]>([
    ['not an object', () => [], 'penalty.invalid-defaults', /must be an object/],
    ['windows not a list', (b) => ({ ...b, windows: {} }), 'penalty.invalid-defaults', /windows must be a list/],
    [
      'no windows at all (the moratorium is not dropped by omission)',
      (b) => ({ terms: b.terms, optOuts: [] }),
      'penalty.invalid-defaults',
      /windows must be a list \(an empty list: no windows\)/,
    ],
    [
      'no opt-outs list',
      (b) => ({ terms: b.terms, windows: b.windows }),
      'penalty.invalid-defaults',
      /optOuts must be a list/,
    ],
    [
      'a bad date',
      (b) => ({ ...b, windows: [{ ...MORATORIUM_2022, to: '2022-02-30' }] }),
      'penalty.invalid-date',
      /to is not a YYYY-MM-DD date/,
    ],
    [
      'a date in another century',
      (b) => ({ ...b, windows: [{ ...MORATORIUM_2022, from: '1922-04-01' }] }),
      'penalty.invalid-window',
      /outside 2000-01-01/,
    ],
    [
      'end before start',
      (b) => ({ ...b, windows: [{ ...MORATORIUM_2022, from: '2022-10-02' }] }),
      'penalty.invalid-window',
      /ends \(2022-10-01\) before it starts \(2022-10-02\)/,
    ],
    [
      'a repeated id',
      (b) => ({ ...b, windows: [MORATORIUM_2022, { ...MORATORIUM_2022, label: 'again' }] }),
      'penalty.invalid-window',
      /used twice/,
    ],
    [
      'an id with spaces',
      (b) => ({ ...b, windows: [{ ...MORATORIUM_2022, id: 'my window' }] }),
      'penalty.invalid-window',
      /lowercase latin/,
    ],
    [
      'an empty name',
      (b) => ({ ...b, windows: [{ ...MORATORIUM_2022, label: ' ' }] }),
      'penalty.invalid-window',
      /name of 1-200/,
    ],
    [
      'a bad "obligations before" date',
      (b) => ({ ...b, windows: [{ ...MORATORIUM_2022, appliesToObligationsBefore: '01.04.2022' }] }),
      'penalty.invalid-date',
      /applies to obligations before/,
    ],
    [
      'too many windows',
      (b) => ({
        ...b,
        windows: Array.from({ length: MAX_WINDOWS + 1 }, (_, i) => ({ ...MORATORIUM_2022, id: `w-${i}` })),
      }),
      'penalty.invalid-defaults',
      /at most 20/,
    ],
    [
      'an opt-out of an unknown window',
      (b) => ({ ...b, optOuts: [{ entityType: 'company', entityId: 5, windowIds: ['covid-2020'] }] }),
      'penalty.invalid-opt-out',
      /unknown window "covid-2020"; known: moratorium-2022/,
    ],
    [
      'an opt-out of no window',
      (b) => ({ ...b, optOuts: [{ entityType: 'company', entityId: 5, windowIds: [] }] }),
      'penalty.invalid-opt-out',
      /at least one window/,
    ],
    [
      'an opt-out without a debtor',
      (b) => ({ ...b, optOuts: [{ entityType: 'company', entityId: 0, windowIds: ['moratorium-2022'] }] }),
      'penalty.invalid-opt-out',
      /positive whole number/,
    ],
    [
      'a debtor of another kind',
      (b) => ({ ...b, optOuts: [{ entityType: 'lead', entityId: 5, windowIds: ['moratorium-2022'] }] }),
      'penalty.invalid-opt-out',
      /"company" or a "contact"/,
    ],
    [
      'a debtor twice',
      (b) => ({
        ...b,
        optOuts: [1, 2].map(() => ({ entityType: 'company', entityId: 5, windowIds: ['moratorium-2022'] })),
      }),
      'penalty.invalid-opt-out',
      /company 5 is listed twice/,
    ],
    [
      'too many opt-outs',
      (b) => ({
        ...b,
        optOuts: Array.from({ length: MAX_OPT_OUTS + 1 }, (_, i) => ({
          entityId: i + 1,
          windowIds: ['moratorium-2022'],
        })),
      }),
      'penalty.invalid-defaults',
      /at most 500/,
    ],
    [
      'bad default terms',
      (b) => ({ ...b, terms: { method: 'per-day', percentPerDay: '-1' } }),
      'penalty.invalid-rate',
      /not a percentage/,
    ],
  ])('refuses %s', (_, make, code, message) => {
    const f = failure(() => checkPenaltyDefaults(make(base())))
    expect(f.code).toBe(code)
    expect(f.message).toMatch(message)
  })

  it('gives each debtor the portal windows and its own opt-outs; the engine skips the window only for the others', () => {
    const d = checkPenaltyDefaults({
      ...base(),
      optOuts: [{ entityType: 'company', entityId: 42, windowIds: ['moratorium-2022'] }],
    })
    expect(windowsFor(d, { entityType: 'company', entityId: 42 }).optOutWindowIds).toEqual(['moratorium-2022'])
    expect(windowsFor(d, { entityType: 'contact', entityId: 42 }).optOutWindowIds).toEqual([])
    expect(windowsFor(d, null)).toEqual({ windows: d.windows, optOutWindowIds: [] })
    const debt = {
      principal: 10_000_000,
      dueDate: '2022-03-01',
      obligationDate: '2022-02-01',
      to: '2022-10-31',
      terms: { method: 'per-day', percentPerDay: '0.1' },
    } as const
    const protectedDebtor = calculatePenalty({ ...debt, ...windowsFor(d, { entityType: 'company', entityId: 7 }) })
    const optedOut = calculatePenalty({ ...debt, ...windowsFor(d, { entityType: 'company', entityId: 42 }) })
    // 02.03-31.03 (30 days) and 02.10-31.10 (30 days) accrue; the 184 days of the moratorium do not
    expect(protectedDebtor.days).toBe(60)
    expect(protectedDebtor.rows.find((r) => !r.accrues)).toMatchObject({
      from: '2022-04-01',
      to: '2022-10-01',
      amount: 0,
      windowId: 'moratorium-2022',
    })
    expect(protectedDebtor.total).toBe(60 * 10_000)
    expect(optedOut.days).toBe(244)
    expect(optedOut.total).toBe(244 * 10_000)
    // an obligation that arose on or after 01.04.2022 is not covered
    expect(calculatePenalty({ ...debt, obligationDate: '2022-04-01', ...windowsFor(d, null) }).days).toBe(244)
  })
})
