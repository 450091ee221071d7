import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseXmlCalendar, yearFromTransfers } from './official-year.ts'
import { ruProductionCalendar } from './ru-production-calendar.ts'
import { createWorkingCalendar } from './working-calendar.ts'
import { describeDay, provisionalYears } from './working-days.ts'
import { CalendarError } from './calendar-error.ts'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return e instanceof CalendarError ? e.code : 'other'
  }
  return undefined
}

// written by hand from the xmlcalendar format (shared/reference/data/README.md): a made-up 2028 decree
const xml2028 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2028" lang="ru" date="2027.09.15" country="ru">
  <holidays>
    <holiday id="1" title="Новогодние каникулы"/>
    <holiday id="8" title="День народного единства"/>
  </holidays>
  <days>
    <day d="01.01" t="1" h="1"/>
    <day d="01.03" t="1" h="1"/>
    <day d="01.04" t="1" h="1"/>
    <day d="01.05" t="1" h="1"/>
    <day d="01.06" t="1" h="1"/>
    <day d="01.07" t="1" h="2"/>
    <day d="02.22" t="2"/>
    <day d="11.03" t="2"/>
    <day d="11.04" t="1" h="8"/>
    <day d="11.06" t="1" f="01.01"/>
    <day d="12.30" t="3"/>
  </days>
</calendar>
`

describe('parseXmlCalendar', () => {
  it('reads a year: weekday days off, shortened days, working weekend days', () => {
    expect(parseXmlCalendar(xml2028)).toEqual({
      year: 2028,
      data: { off: '0103 0104 0105 0106 0107 1106', work: '1230', short: '0222 1103' },
    })
  })

  it('gives back the built-in data for the years the reference files cover (decree days aside)', () => {
    const reference = JSON.parse(
      readFileSync(new URL('../../../tests/fixtures/reference/ru-production-calendar.json', import.meta.url), 'utf8'),
    ) as Record<string, { daysOff: string[]; shortened: string[]; workingWeekends: string[] }>
    for (const [year, ref] of Object.entries(reference)) {
      if (year === '2020' || year === '2021') continue
      const md = (d: string) => `${d.slice(5, 7)}.${d.slice(8, 10)}`
      const lines = [
        ...ref.daysOff.map((d) => `<day d="${md(d)}" t="1"/>`),
        ...ref.shortened.map((d) => `<day d="${md(d)}" t="2"/>`),
        ...ref.workingWeekends.filter((d) => !ref.shortened.includes(d)).map((d) => `<day d="${md(d)}" t="3"/>`),
      ]
      const file = `<calendar year="${year}" lang="ru"><days>${lines.join('\n')}</days></calendar>`
      const { data } = parseXmlCalendar(file)
      const built = ruProductionCalendar[Number(year)]
      expect([year, data]).toEqual([year, { off: built.off, work: built.work, short: built.short }])
    }
  })

  it.each([
    ['not xml', 'hello'],
    ['no days', '<calendar year="2028"></calendar>'],
    ['bad day', '<calendar year="2028"><days><day d="02.30" t="1"/></days></calendar>'],
    ['bad type', '<calendar year="2028"><days><day d="02.03" t="7"/></days></calendar>'],
    ['t=3 on a weekday', '<calendar year="2028"><days><day d="02.02" t="3"/></days></calendar>'],
  ])('refuses %s with calendar.invalid-year-file', (_, text) => {
    expect(codeOf(() => parseXmlCalendar(text))).toBe('calendar.invalid-year-file')
  })

  it('a loaded year counts as official', () => {
    const cal = createWorkingCalendar({
      timezone: 'Europe/Moscow',
      missingYear: 'art-112',
      officialYears: { 2028: parseXmlCalendar(xml2028).data },
    })
    expect(describeDay(cal, '2028-11-06')).toMatchObject({ working: false, reason: 'holiday' })
    expect(describeDay(cal, '2028-12-30')).toMatchObject({ working: true, reason: 'working-weekend' })
    expect(provisionalYears(cal, '2028-01-01', '2028-12-31')).toEqual([])
  })
})

describe('yearFromTransfers', () => {
  it('applies the transfers on top of art. 112', () => {
    const y = yearFromTransfers(2028, [
      { from: '2028-01-01', to: '2028-11-06' },
      { from: '2028-01-08', to: '2028-05-08' },
      { from: '2028-02-26', to: '2028-02-24' },
    ])
    expect(y.off.split(' ')).toEqual(
      expect.arrayContaining([
        '0103',
        '0104',
        '0105',
        '0106',
        '0223',
        '0224',
        '0308',
        '0501',
        '0508',
        '0509',
        '0612',
        '1106',
      ]),
    )
    expect(y.work).toBe('0226') // 1 and 8 January stay holidays; Saturday 26.02 is worked
    expect(y.short.split(' ')).toContain('0222')
  })

  it('refuses a transfer that does not make sense', () => {
    expect(codeOf(() => yearFromTransfers(2028, [{ from: '2028-03-01', to: '2028-03-02' }]))).toBe(
      'calendar.invalid-year-file',
    )
    expect(codeOf(() => yearFromTransfers(2028, [{ from: '2029-01-06', to: '2028-03-02' }]))).toBe(
      'calendar.invalid-year-file',
    )
  })
})
