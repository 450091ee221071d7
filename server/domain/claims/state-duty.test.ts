import { describe, expect, it } from 'vitest'
import { StateDutyError, calculateStateDuty, describeDutyRow, parseCourt } from './state-duty.ts'
import type { Court } from './state-duty.ts'

const rub = (r: number, k = 0) => r * 100 + k
const duty = (claim: number, court: Court = 'arbitration') => calculateStateDuty(claim, court).duty / 100

describe('state duty, arbitration courts (art. 333.21 p. 1 sub. 1, from 09.09.2024)', () => {
  it.each([
    [rub(0, 1), 10_000],
    [rub(50_000), 10_000],
    [rub(100_000), 10_000],
    [rub(100_000, 1), 10_000],
    [rub(100_001), 10_000], // 10 000.05
    [rub(100_009, 99), 10_000], // 10 000.4995: under 50 kopecks dropped
    [rub(100_010), 10_001], // 10 000.50: 50 kopecks round up
    [rub(500_000), 30_000],
    [rub(1_000_000), 55_000],
    [rub(1_000_001), 55_000], // 55 000.03
    [rub(1_000_017), 55_001], // 55 000.51
    [rub(10_000_000), 325_000],
    [rub(10_000_001), 325_000],
    [rub(10_000_050), 325_001], // 325 000.50
    [rub(50_000_000), 725_000],
    [rub(50_000_001), 725_000], // 725 000.005
    [rub(50_000_100), 725_001], // 725 000.50
    [rub(1_905_000_000), 10_000_000], // the cap reached exactly
    [rub(1_905_000_100), 10_000_000], // 10 000 000.50 capped
    [rub(5_000_000_000), 10_000_000],
  ])('claim %i kopecks -> %i rubles', (claim, expected) => {
    expect(duty(claim)).toBe(expected)
  })

  it('names the row it used and whether the cap applied', () => {
    const r = calculateStateDuty(rub(1_000_000, 1))
    expect(r.row).toMatchObject({ over: 1_000_000, upTo: 10_000_000, baseRub: 55_000, rateCentiPct: 300 })
    expect(r.capped).toBe(false)
    expect(calculateStateDuty(rub(1_000_000)).row.upTo).toBe(1_000_000)
    expect(calculateStateDuty(rub(1_905_000_100)).capped).toBe(true)
    expect(calculateStateDuty(rub(1_905_000_000)).capped).toBe(false)
  })
})

describe('state duty, general courts (art. 333.19 p. 1 sub. 1, from 09.09.2024)', () => {
  it.each([
    [rub(1), 4_000],
    [rub(100_000), 4_000],
    [rub(100_001), 4_000], // 4 000.03
    [rub(100_017), 4_001], // 4 000.51
    [rub(300_000), 10_000],
    [rub(300_020), 10_001], // 10 000.50
    [rub(500_000), 15_000],
    [rub(500_001), 15_000], // 15 000.02
    [rub(1_000_000), 25_000],
    [rub(1_000_050), 25_001], // 25 000.50
    [rub(3_000_000), 45_000],
    [rub(3_000_001), 45_000], // 45 000.007
    [rub(8_000_000), 80_000],
    [rub(8_000_143), 80_001], // 80 000.5005
    [rub(24_000_000), 136_000],
    [rub(24_000_167), 136_001], // 136 000.501
    [rub(50_000_000), 214_000],
    [rub(50_000_334), 214_001], // 214 000.501
    [rub(507_333_333), 900_000], // 899 999.9995 rounds to the cap
    [rub(508_000_000), 900_000], // 901 000 capped
  ])('claim %i kopecks -> %i rubles', (claim, expected) => {
    expect(duty(claim, 'general')).toBe(expected)
  })

  it('every row joins the next one without a jump', () => {
    for (const court of ['arbitration', 'general'] as const) {
      const bounds = [100_000, 1_000_000, 10_000_000, 50_000_000]
      const general = [100_000, 300_000, 500_000, 1_000_000, 3_000_000, 8_000_000, 24_000_000, 50_000_000]
      for (const b of court === 'general' ? general : bounds) {
        const at = calculateStateDuty(rub(b), court)
        const after = calculateStateDuty(rub(b + 100), court)
        expect(after.row.over).toBe(b)
        expect(at.row.upTo).toBe(b)
        expect(after.duty - at.duty).toBe(100 * Math.round((100 * after.row.rateCentiPct) / 10_000))
      }
    }
  })
})

describe('state duty input', () => {
  it('refuses a zero, negative or fractional claim and an unknown court', () => {
    expect(() => calculateStateDuty(0)).toThrow(StateDutyError)
    expect(() => calculateStateDuty(-100)).toThrow(/positive/)
    expect(() => calculateStateDuty(1.5)).toThrow(StateDutyError)
    expect(() => parseCourt('supreme')).toThrow(/arbitration, general/)
    expect(parseCourt(undefined)).toBe('arbitration')
  })

  it('describes the row in ru and en', () => {
    const r = calculateStateDuty(rub(200_000)).row
    expect(describeDutyRow(r, 'en')).toBe('from 100,001 to 1,000,000 ₽: 10,000 ₽ + 5 % of the amount over 100,000 ₽')
    expect(describeDutyRow(r, 'ru')).toBe(
      'от 100\u00a0001 до 1\u00a0000\u00a0000 ₽: 10\u00a0000 ₽ + 5 % суммы свыше 100\u00a0000 ₽',
    )
    const top = calculateStateDuty(rub(60_000_000), 'general').row
    expect(describeDutyRow(top, 'ru')).toBe(
      'свыше 50\u00a0000\u00a0000 ₽: 214\u00a0000 ₽ + 0,15 % суммы свыше 50\u00a0000\u00a0000 ₽, но не более 900\u00a0000 ₽',
    )
    expect(describeDutyRow(calculateStateDuty(rub(9_000_000), 'general').row, 'en')).toContain('+ 0.35 %')
    expect(describeDutyRow(calculateStateDuty(rub(5_000_000), 'general').row, 'en')).toContain('+ 0.7 %')
    expect(describeDutyRow(calculateStateDuty(rub(5)).row, 'en')).toBe('up to 100,000 ₽: 10,000 ₽')
  })
})
