import { describe, expect, it } from 'vitest'
import {
  builtinKeyRateTable,
  checkPenaltyDefaults,
  defaultPenaltyDefaults,
  MORATORIUM_2022,
} from '../../domain/penalties/index.ts'
import { accrualTitle, letterAccruals, type LetterDebt } from './claim-letter-accruals.ts'
import type { Logger } from '../../lib/logger.ts'

const warnings: string[] = []
const log = { warn: (_: unknown, msg: string) => warnings.push(msg) } as unknown as Logger
const rates = builtinKeyRateTable()
const debt = (o: Partial<LetterDebt> = {}): LetterDebt => ({
  receivableId: 1,
  invoiceNumber: 'A-1',
  invoiceDate: '2024-06-10',
  dueDate: '2024-07-10',
  amount: 50_000_000,
  remaining: 30_000_000,
  debtor: { entityType: 'company', entityId: 5 },
  contract: null,
  payments: [{ date: '2024-11-15', amount: 20_000_000 }],
  ...o,
})

describe('claim letter accruals', () => {
  it('art. 395 by default: the reference interest of domain-rules 1.5 in one table per invoice', () => {
    const a = letterAccruals([debt()], '2025-06-20', rates, defaultPenaltyDefaults(), 'ru', log)
    expect(a).toMatchObject({ interest: 6_967_054, penalty: 0 })
    expect(a.tables).toHaveLength(1)
    expect(a.tables[0]).toMatchObject({
      title: 'Расчёт процентов по ст. 395 ГК РФ — счёт № A-1',
      kind: 'interest',
      perYear: true,
      total: 6_967_054,
    })
  })

  it("the contract's terms win over the default; the cap of domain-rules 1.5 is shown with the uncapped sum", () => {
    const contract = {
      number: 'K-1',
      penaltyTerms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } },
    }
    const a = letterAccruals([debt({ contract })], '2025-06-20', rates, defaultPenaltyDefaults(), 'ru', log)
    expect(a).toMatchObject({ interest: 0, penalty: 5_000_000 })
    expect(a.tables[0]).toMatchObject({
      title: 'Расчёт неустойки по договору № K-1 (0,1 % в день) — счёт № A-1',
      kind: 'penalty',
      perYear: false,
      uncapped: 12_910_000,
      cap: { label: 'не более 10 % от долга', limit: 5_000_000, applied: true },
    })
    expect(a.tables[0].rows[0].ratePercent).toBe('0,1 % в день')
  })

  it('a payment by the due date lowers the debt the delay starts with; a paid invoice has no table', () => {
    const early = letterAccruals(
      [debt({ payments: [{ date: '2024-07-01', amount: 20_000_000 }] })],
      '2025-06-20',
      rates,
      { ...defaultPenaltyDefaults(), terms: { method: 'per-day', percentPerDay: '0.1' } },
      'en',
      log,
    )
    expect(early.tables[0].rows).toEqual([
      expect.objectContaining({
        from: '2024-07-11',
        to: '2025-06-20',
        days: 345,
        base: 30_000_000,
        ratePercent: '0.1 % a day',
      }),
    ])
    expect(early.tables[0].title).toBe('Contractual penalty (0.1 % a day) — invoice A-1')
    expect(
      letterAccruals([debt({ remaining: 0 })], '2025-06-20', rates, defaultPenaltyDefaults(), 'ru', log).tables,
    ).toEqual([])
  })

  it('a debt from before the moratorium shows its days as not accrued, unless the debtor opted out; a later obligation is not covered', () => {
    const old = debt({
      invoiceDate: '2022-02-01',
      dueDate: '2022-03-01',
      amount: 10_000_000,
      remaining: 10_000_000,
      payments: [],
    })
    const d = checkPenaltyDefaults({
      terms: { method: 'per-day', percentPerDay: '0.1' },
      windows: [MORATORIUM_2022],
      optOuts: [{ entityType: 'company', entityId: 9, windowIds: ['moratorium-2022'] }],
    })
    const skipped = letterAccruals([old], '2022-10-31', rates, d, 'ru', log)
    expect(skipped.penalty).toBe(60 * 10_000)
    expect(skipped.tables[0].rows[1]).toMatchObject({
      from: '2022-04-01',
      to: '2022-10-01',
      days: 184,
      amount: 0,
      accrues: false,
      note: 'мораторий (постановление Правительства РФ № 497 от 28.03.2022)',
    })
    expect(
      letterAccruals([{ ...old, debtor: { entityType: 'company', entityId: 9 } }], '2022-10-31', rates, d, 'ru', log)
        .penalty,
    ).toBe(244 * 10_000)
    expect(
      letterAccruals(
        [{ ...old, invoiceDate: '2022-04-05', dueDate: '2022-04-05' }],
        '2022-10-31',
        rates,
        d,
        'ru',
        log,
      ).tables[0].rows.every((r) => r.accrues !== false),
    ).toBe(true)
  })

  it('stored contract terms the engine cannot apply fall back to the default, with a warning', () => {
    warnings.length = 0
    const a = letterAccruals(
      [debt({ contract: { number: 'K-2', penaltyTerms: { method: 'per-day', percentPerDay: 'lots' } } })],
      '2025-06-20',
      rates,
      defaultPenaltyDefaults(),
      'ru',
      log,
    )
    expect(a.interest).toBe(6_967_054)
    expect(warnings).toEqual(['penalty.contract-terms-invalid'])
  })

  it('titles say the method', () => {
    expect(
      accrualTitle({ method: 'key-rate-fraction', fraction: 300, rateMode: 'payment-date' }, 'ru', 'B-2', 'K-9'),
    ).toBe('Расчёт неустойки по договору № K-9 (1/300 ключевой ставки) — счёт № B-2')
    expect(accrualTitle({ method: 'fine', amount: 100 }, 'en', 'B-2', null)).toBe('Fine — invoice B-2')
  })
})
