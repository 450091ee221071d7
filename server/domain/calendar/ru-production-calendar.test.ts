import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addDays, isoWeekday } from './local-date.ts'
import { calendarYearsPresent, productionDay } from './production-calendar.ts'

const referencePath = new URL('../../../tests/fixtures/reference/ru-production-calendar.json', import.meta.url)

interface ReferenceYear {
  holidays: string[]
  workingWeekends: string[]
  shortened: string[]
  daysOff: string[]
  workingDays: number
  decreeNonWorking?: string[]
  workingDaysExclDecree?: number
}

function daysOf(year: number): string[] {
  const out: string[] = []
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) out.push(d)
  return out
}

function countWorking(year: number, decree: boolean): number {
  return daysOf(year).filter((d) => productionDay(d, decree)?.working).length
}

describe('ru production calendar data', () => {
  it('covers 2016-2027 and nothing else', () => {
    expect(calendarYearsPresent()).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
    expect(productionDay('2015-12-31')).toBeUndefined()
    expect(productionDay('2028-01-03')).toBeUndefined()
  })

  it('gives the known number of working days per year', () => {
    const expected: Record<number, number> = {
      2016: 247,
      2017: 247,
      2018: 247,
      2019: 247,
      2020: 219,
      2021: 240,
      2022: 247,
      2023: 247,
      2024: 248,
      2025: 247,
      2026: 247,
      2027: 247,
    }
    for (const year of calendarYearsPresent()) expect([year, countWorking(year, true)]).toEqual([year, expected[year]])
    expect(countWorking(2020, false)).toBe(248)
    expect(countWorking(2021, false)).toBe(247)
  })

  it('keeps the standard-calendar shortening of days the decrees took away', () => {
    expect(productionDay('2020-04-30', true)).toMatchObject({ working: false, reason: 'decree' })
    expect(productionDay('2020-04-30', false)).toMatchObject({ working: true, shortened: true })
    expect(productionDay('2021-11-03', false)).toMatchObject({ working: true, shortened: true })
  })
})

describe('cross-check against the reference calendar (tests/fixtures/reference, a copy of shared/reference/data)', () => {
  const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as Record<string, ReferenceYear>

  it('has the same years', () => {
    expect(calendarYearsPresent().map(String)).toEqual(Object.keys(reference))
  })

  for (const [yearKey, ref] of Object.entries(reference)) {
    it(`agrees on every day of ${yearKey}`, () => {
      const off = new Set(ref.daysOff)
      const workingWeekends = new Set(ref.workingWeekends)
      const shortened = new Set(ref.shortened)
      const mismatches: string[] = []
      for (const d of daysOf(Number(yearKey))) {
        const working = workingWeekends.has(d) || (!off.has(d) && isoWeekday(d) <= 5)
        const got = productionDay(d, true)
        if (got?.working !== working || got.shortened !== shortened.has(d)) mismatches.push(d)
      }
      expect(mismatches).toEqual([])
      expect(countWorking(Number(yearKey), true)).toBe(ref.workingDays)
      expect(ref.holidays.every((d) => productionDay(d)?.working === false && isoWeekday(d) <= 5)).toBe(true)
    })

    if (ref.decreeNonWorking) {
      it(`counts ${yearKey} without the decree days as the standard calendar does`, () => {
        const decree = new Set(ref.decreeNonWorking)
        for (const d of ref.decreeNonWorking ?? []) {
          if (isoWeekday(d) <= 5) expect([d, productionDay(d, false)?.working]).toEqual([d, true])
        }
        expect(
          ref.holidays.filter((d) => !decree.has(d)).every((d) => productionDay(d, false)?.working === false),
        ).toBe(true)
        expect(countWorking(Number(yearKey), false)).toBe(ref.workingDaysExclDecree)
      })
    }
  }
})
