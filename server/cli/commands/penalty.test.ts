import { describe, expect, it } from 'vitest'
import { run } from './penalty.ts'

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const reference = [
  '--principal',
  '500000.00',
  '--due',
  '2024-07-10',
  '--payment',
  '2024-11-15:200000.00',
  '--payment',
  '2025-06-20:300000.00',
  '--to',
  '2025-06-20',
]

describe('cli penalty', () => {
  it('prints the art. 395 table of the reference example', async () => {
    const r = await cli(...reference, '--method', '395')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/2024-07-11–2024-07-28\s+18\s+500,000\.00\s+16\.00\s+366\s+3,934\.43/)
    expect(r.out).toMatch(/Total\s+345\s+69,670\.54/)
    expect(r.err).toBe('')
  })

  it('prints JSON with the table, amounts in kopecks', async () => {
    const r = await cli(...reference, '--method', '395', '--json')
    const json = JSON.parse(r.out)
    expect(json.total).toBe(6_967_054)
    expect(json.rows).toHaveLength(7)
    expect(json.rows[4]).toMatchObject({
      from: '2024-11-16',
      to: '2024-12-31',
      days: 46,
      base: 30_000_000,
      yearDays: 366,
      amount: 791_803,
    })
  })

  it('computes the capped per-day penalty and the 1/300 fraction', async () => {
    const capped = JSON.parse(
      (await cli(...reference, '--method', 'per-day', '--rate', '0.1', '--cap-pct', '10', '--json')).out,
    )
    expect([capped.uncapped, capped.total, capped.cap.applied]).toEqual([12_910_000, 5_000_000, true])
    const fixedCap = JSON.parse(
      (await cli(...reference, '--method', 'per-day', '--rate', '0.1', '--cap', '100000.00', '--json')).out,
    )
    expect(fixedCap.total).toBe(10_000_000)
    const fraction = await cli(
      '--principal',
      '300000',
      '--due',
      '2025-05-21',
      '--payment',
      '2025-06-20:300000',
      '--to',
      '2025-06-20',
      '--method',
      'key-rate-fraction',
      '--fraction',
      '300',
      '--rate-mode',
      'payment-date',
      '--lang',
      'ru',
    )
    expect(fraction.out).toContain('К взысканию: 6 000,00')
    const fixed = JSON.parse(
      (
        await cli(
          '--principal',
          '300000',
          '--due',
          '2025-05-21',
          '--to',
          '2025-06-20',
          '--method',
          'key-rate-fraction',
          '--rate-mode',
          'fixed',
          '--rate',
          '9.5',
          '--fraction',
          '130',
          '--json',
        )
      ).out,
    )
    expect(fixed.total).toBe(657_692)
  })

  it('takes a fine, admin key rates and the moratorium opt-out', async () => {
    expect(JSON.parse((await cli(...reference, '--method', 'fine', '--amount', '5000', '--json')).out).total).toBe(
      500_000,
    )
    const admin = JSON.parse(
      (
        await cli(
          '--principal',
          '300000',
          '--due',
          '2026-10-20',
          '--to',
          '2026-10-30',
          '--method',
          '395',
          '--key-rate',
          '2026-10-26:13',
          '--json',
        )
      ).out,
    )
    expect(admin.rows.map((x: { ratePercent: string }) => x.ratePercent)).toEqual(['14.00', '13.00'])
    const mor = ['--principal', '100000', '--due', '2022-03-10', '--to', '2022-10-31', '--method', '395', '--json']
    expect(JSON.parse((await cli(...mor)).out).total).toBe(176_712)
    expect(JSON.parse((await cli(...mor, '--no-moratorium')).out).total).toBeGreaterThan(176_712)
    const charged = JSON.parse(
      (
        await cli(
          '--principal',
          '100000',
          '--due',
          '2024-01-09',
          '--charge',
          '2024-02-01:50000',
          '--to',
          '2024-02-10',
          '--method',
          '395',
          '--json',
        )
      ).out,
    )
    expect(charged.rows.map((x: { base: number }) => x.base)).toEqual([10_000_000, 15_000_000])
  })

  it.each([
    [['--method', '395'], 2, '--principal is required'],
    [[...reference, '--method', 'usury'], 2, '--method must be one of'],
    [[...reference, '--method', 'per-day'], 2, 'needs --rate'],
    [[...reference, '--method', '395', '--rate', '5'], 2, 'takes no --rate'],
    [[...reference, '--method', 'key-rate-fraction', '--rate', '5'], 2, 'goes with --rate-mode fixed'],
    [[...reference, '--method', '395', '--bogus'], 2, "Unknown option '--bogus'"],
    [[...reference, '--method', 'per-day', '--rate', '0.1', '--cap', '1', '--cap-pct', '1'], 2, 'not both'],
    [
      ['--principal', '500000.001', '--due', '2024-07-10', '--to', '2025-06-20', '--method', '395'],
      1,
      'money.invalid-amount',
    ],
    [
      [
        '--principal',
        '1000',
        '--due',
        '2024-07-10',
        '--payment',
        '2024-08-01:2000',
        '--to',
        '2025-06-20',
        '--method',
        '395',
      ],
      1,
      'penalty.overpayment',
    ],
    [
      [
        '--principal',
        '1000',
        '--due',
        '2024-07-10',
        '--payment',
        '2024-08-01',
        '--to',
        '2025-06-20',
        '--method',
        '395',
      ],
      2,
      'DATE:VALUE',
    ],
    [
      ['--principal', '1000', '--due', '2024-13-10', '--to', '2025-06-20', '--method', '395'],
      1,
      'penalty.invalid-date',
    ],
    [
      [
        '--principal',
        '1000',
        '--due',
        '2024-07-10',
        '--to',
        '2025-06-20',
        '--method',
        '395',
        '--key-rate',
        '2026-10-26:250',
      ],
      1,
      'penalty.rate-out-of-range',
    ],
  ])('%j -> exit %i with "%s"', async (args, code, message) => {
    const r = await cli(...args)
    expect(r.code).toBe(code)
    expect(r.err).toContain(message)
    expect(r.out).toBe('')
  })

  it('prints usage on --help', async () => {
    const r = await cli('--help')
    expect([r.code, r.out.startsWith('usage: npm run cli -- penalty')]).toEqual([0, true])
  })
})
