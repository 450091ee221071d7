import { describe, expect, it } from 'vitest'
import { formOf, kopecksOf, newWindowId, termsOf, windowsProblem, type Terms } from './penalty-form.ts'
import { penaltyT } from './penalty-i18n.ts'

const ru = penaltyT('ru')
const en = penaltyT('en')

describe('penalty defaults form', () => {
  it('reads amounts in the page language into kopecks', () => {
    expect(kopecksOf('50 000,00', 'ru')).toBe(5_000_000)
    expect(kopecksOf('50\u00a0000,5', 'ru')).toBe(5_000_050)
    expect(kopecksOf('50,000.00', 'en')).toBe(5_000_000)
    expect(kopecksOf('12.345', 'en')).toBeNull()
    expect(kopecksOf('-5', 'ru')).toBeNull()
    expect(kopecksOf('', 'ru')).toBeNull()
  })

  it.each<[Terms, 'ru' | 'en']>([
    [{ method: '395' }, 'ru'],
    [{ method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } }, 'ru'],
    [{ method: 'per-day', percentPerDay: '0.05', cap: { kind: 'fixed', amount: 5_000_000 } }, 'en'],
    [{ method: 'key-rate-fraction', fraction: 130, rateMode: 'fixed', fixedRateBp: 1650 }, 'ru'],
    [{ method: 'fine', amount: 1_234_567 }, 'ru'],
    [{ method: 'fine', percent: '5' }, 'en'],
  ])('round-trips %j through the form (%s)', (terms, lang) => {
    expect(termsOf(formOf(terms, lang), lang, lang === 'ru' ? ru : en)).toEqual({ terms })
  })

  it('shows decimals with a comma in Russian and names the field it cannot read', () => {
    const f = formOf({ method: 'per-day', percentPerDay: '0.1', cap: { kind: 'fixed', amount: 5_000_000 } }, 'ru')
    expect(f).toMatchObject({ percentPerDay: '0,1', capKind: 'fixed' })
    expect(f.capValue.replace(/\s/g, ' ')).toBe('50 000,00')
    expect(termsOf({ ...f, percentPerDay: 'десять' }, 'ru', ru)).toEqual({
      problem: '«Ставка, % в день»: число, например 0,1',
    })
    expect(termsOf({ ...f, capValue: '50 000 руб.' }, 'ru', ru)).toEqual({
      problem: '«Предел»: сумма в рублях, например 50 000,00',
    })
    expect(termsOf({ ...f, method: '395', capValue: 'junk' }, 'ru', ru)).toEqual({ terms: { method: '395' } }) // a cap only where the method has one
  })

  it('names a period without a name or a date before asking the server', () => {
    const w = { id: 'period-2', label: 'Мораторий 2020', from: '2020-04-06', to: '' }
    expect(windowsProblem([w], ru)).toBe('«Мораторий 2020: По (включительно)»: укажите дату')
    expect(windowsProblem([{ ...w, label: ' ' }], en)).toBe('A period has no name')
    expect(windowsProblem([{ ...w, to: '2021-01-07' }], ru)).toBeNull()
  })

  it('gives a new period an id no other period has', () => {
    expect(newWindowId([])).toBe('period-1')
    expect(
      newWindowId([
        { id: 'moratorium-2022', label: '', from: '', to: '' },
        { id: 'period-2', label: '', from: '', to: '' },
      ]),
    ).toBe('period-3')
  })
})
