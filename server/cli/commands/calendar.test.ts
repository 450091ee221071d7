import { describe, expect, it } from 'vitest'
import { run } from './calendar.ts'

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('calendar workdays', () => {
  it('counts and lists working days with holidays, as JSON', async () => {
    const r = await cli('workdays', '--from', '2025-10-30', '--to', '2025-11-05', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({
      from: '2025-10-30',
      to: '2025-11-05',
      timezone: 'Europe/Moscow',
      count: 4,
      workingDays: ['2025-10-30', '2025-10-31', '2025-11-01', '2025-11-05'],
      holidays: [
        { date: '2025-11-03', reason: 'holiday' },
        { date: '2025-11-04', reason: 'holiday' },
      ],
      workingWeekends: ['2025-11-01'],
      shortened: ['2025-11-01'],
    })
  })

  it('prints a readable summary', async () => {
    const r = await cli('workdays', '--from', '2025-06-01', '--to', '2025-06-30')
    expect(r.code).toBe(0)
    expect(r.out).toContain('19 working day(s) of 30')
    expect(r.out).toContain('2025-06-13 Fri  holiday')
    expect(r.out).toContain('shortened (pre-holiday) days: 2025-06-11 Wed')
  })
})

describe('calendar add', () => {
  it('subtracts working days (reference example)', async () => {
    const r = await cli('add', '--from', '2025-06-16', '--working-days', '-5')
    expect(r).toMatchObject({ code: 0, out: '2025-06-16 Mon - 5 working day(s) = 2025-06-05 Thu' })
  })

  it('adds working hours to a local datetime in the given zone', async () => {
    const msk = JSON.parse((await cli('add', '--from', '2026-02-20T17:30', '--working-hours', '4', '--json')).out)
    expect(msk).toMatchObject({
      from: '2026-02-20T14:30:00.000Z',
      result: '2026-02-24T09:30:00.000Z',
      resultLocal: '2026-02-24T12:30:00.000+03:00',
    })
    const kgd = JSON.parse(
      (await cli('add', '--from', '2026-02-20T17:30', '--working-hours', '4', '--tz', 'Europe/Kaliningrad', '--json'))
        .out,
    )
    expect(kgd.result).toBe('2026-02-24T10:30:00.000Z')
    const human = await cli('add', '--from', '2026-02-20T14:30:00Z', '--working-hours', '4')
    expect(human.out).toBe(
      '2026-02-20 17:30 Fri + 4 working hour(s) = 2026-02-24 12:30 Tue Europe/Moscow (2026-02-24T09:30:00.000Z)',
    )
  })

  it('reports domain errors with their code and usage errors with exit 2', async () => {
    expect(await cli('add', '--from', '2028-01-03', '--working-days', '1')).toMatchObject({
      code: 1,
      err: expect.stringContaining('calendar.year-missing'),
    })
    expect(await cli('add', '--from', '2025-06-16', '--working-days', '1', '--tz', 'Nowhere/City')).toMatchObject({
      code: 1,
      err: expect.stringContaining('calendar.invalid-timezone'),
    })
    expect((await cli('add', '--from', '2025-06-16')).code).toBe(2)
    expect((await cli('add', '--from', '2025-06-16', '--working-days', '1', '--working-hours', '2')).code).toBe(2)
    expect((await cli('add', '--from', '2025-06-16', '--working-days', 'abc')).code).toBe(2)
    expect((await cli('frobnicate')).code).toBe(2)
    expect((await cli('workdays', '--from', '2025-06-16', '--bogus')).code).toBe(2)
  })
})

describe('calendar years', () => {
  it('lists the bundled years', async () => {
    const r = await cli('years', '--json', '--today', '2026-12-09')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({
      present: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027],
      missing: [],
    })
  })

  it('names a year without data from 60 days ahead of it, by the day it is given', async () => {
    expect(JSON.parse((await cli('years', '--json', '--today', '2027-11-01')).out).missing).toEqual([])
    expect(JSON.parse((await cli('years', '--json', '--today', '2027-11-02')).out).missing).toEqual([2028])
    expect((await cli('years', '--today', '2028-01-10')).out).toContain('MISSING: 2028')
    expect((await cli('years', '--today', '31.12.2027')).code).toBe(2)
  })
})
