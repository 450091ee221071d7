// A year without a production calendar: 60 days ahead the admin page names it; until the admin loads
// it (the xmlcalendar file or the decree's transfers) its days count by art. 112 and the deadlines
// people read say they are provisional; a bad file is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { readCalendarSettings, saveCalendarSettings } from '../../../server/use-cases/admin/company-settings.ts'
import { loadCalendarYear } from '../../../server/use-cases/admin/calendar-year-admin.ts'
import {
  isProvisionalDeadline,
  withProvisionalNote,
} from '../../../server/use-cases/receivables/provisional-deadline.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { addWorkingDays, nextWorkingDayOnOrAfter } from '../../../server/domain/calendar/index.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const who = { memberId: 'member-a', actor: 'user:1', source: 'admin' }
const ports = () => receivablesPorts(t.ctx)

beforeAll(async () => {
  // 10.11.2027: 52 days before 2028, which the built-in calendar does not have
  t = await createTestContext({}, undefined, { now: '2027-11-10T09:00:00+03:00' })
  await seedPortal(t.ctx)
}, 60_000)
afterAll(async () => t?.dispose())

const xml2028 = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="2028" lang="ru" date="2027.11.01" country="ru">
  <holidays><holiday id="1" title="Новогодние каникулы"/></holidays>
  <days>
    <day d="01.01" t="1" h="1"/><day d="01.03" t="1" h="1"/><day d="01.04" t="1" h="1"/>
    <day d="01.05" t="1" h="1"/><day d="01.06" t="1" h="1"/><day d="01.07" t="1" h="2"/>
    <day d="01.10" t="1" f="01.01"/>
  </days>
</calendar>`

describe('a year without a production calendar', () => {
  it('is named 60 days ahead and counted by art. 112, its deadlines marked provisional', async () => {
    const view = await readCalendarSettings(ports(), who.memberId)
    expect(view).toMatchObject({ today: '2027-11-10', missingYears: [2028], loadedYears: [] })
    const { calendar, today } = await portalDay(ports(), who.memberId)
    expect(today).toBe('2027-11-10')
    // due 31.12.2027 (a day off): the next working day is 10.01.2028 by art. 112
    const due = nextWorkingDayOnOrAfter(calendar, '2027-12-31')
    expect(due).toBe('2028-01-10')
    const text = await withProvisionalNote(ports(), who.memberId, due, 'Срок ответа на претензию')
    expect(text).toContain('Срок предварительный: на 2028 г. нет производственного календаря')
    expect(await withProvisionalNote(ports(), who.memberId, '2027-12-30T18:00:00+03:00', 'x')).toBe('x')
    // the flag the approval route and the claim tab show beside an SLA moment or the pre-trial deadline
    expect(isProvisionalDeadline(calendar, today, '2028-01-10T18:00:00+03:00')).toBe(true)
    expect(isProvisionalDeadline(calendar, today, due)).toBe(true)
    expect(isProvisionalDeadline(calendar, today, '2027-12-30')).toBe(false)
    expect(isProvisionalDeadline(calendar, today, null)).toBe(false)
  })

  it('a bad file or transfer list is refused with the reason and changes nothing', async () => {
    for (const body of [
      { xml: '<calendar year="2028"><days><day d="02.30" t="1"/></days></calendar>' },
      { xml: 'not a calendar' },
      { year: 2028, transfers: '01.03.2028 -> 02.03.2028' },
      { year: 2026, transfers: '03.01.2026 -> 09.01.2026' },
      { year: 2028 },
    ])
      await expect(loadCalendarYear(ports(), who, body)).rejects.toMatchObject({ code: 'settings.invalid' })
    expect((await readCalendarSettings(ports(), who.memberId)).loadedYears).toEqual([])
  })

  it('the loaded file makes the year official: no warning, no provisional mark, its transfers count', async () => {
    const view = await loadCalendarYear(ports(), who, { xml: xml2028 })
    expect(view).toMatchObject({ missingYears: [], loadedYears: [2028] })
    const { calendar } = await portalDay(ports(), who.memberId)
    expect(nextWorkingDayOnOrAfter(calendar, '2027-12-31')).toBe('2028-01-11') // 10.01 off by the decree
    expect(addWorkingDays(calendar, '2028-01-11', 1)).toBe('2028-01-12')
    expect(await withProvisionalNote(ports(), who.memberId, '2028-01-11', 'x')).toBe('x')
    // saving the other calendar settings keeps the loaded year
    await saveCalendarSettings(ports(), who, { timezone: 'Europe/Moscow', workStart: '09:00', workEnd: '18:00' })
    expect((await readCalendarSettings(ports(), who.memberId)).loadedYears).toEqual([2028])
  })

  it('the transfer list replaces a loaded year', async () => {
    const view = await loadCalendarYear(ports(), who, { year: 2028, transfers: '08.01.2028 -> 10.01.2028' })
    expect(view.loadedYears).toEqual([2028])
    const { calendar } = await portalDay(ports(), who.memberId)
    expect(nextWorkingDayOnOrAfter(calendar, '2027-12-31')).toBe('2028-01-11')
    expect(nextWorkingDayOnOrAfter(calendar, '2028-11-04')).toBe('2028-11-06') // no decree transfer for 04.11
  })
})
