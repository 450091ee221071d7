// A year's official production calendar as a portal admin loads it: the xmlcalendar file
// (`<calendar year=…><days><day d="MM.DD" t="1|2|3" …/></days></calendar>`: t=1 day off, t=2 shortened
// working day (on a weekend also a working day), t=3 working weekend day; unlisted weekends are off,
// unlisted weekdays working), or the decree's list of transfers on top of art. 112. Both become the
// built-in data's shape (ProductionYear), so the year then counts as official.
import { CalendarError } from './calendar-error.ts'
import type { LocalDate } from './local-date.ts'
import { addDays, assertLocalDate, isoWeekday, yearOf } from './local-date.ts'
import { art112Day, isArt112Holiday } from './art-112.ts'
import type { ProductionYear } from './ru-production-calendar.ts'

const bad = (message: string, details: Record<string, unknown> = {}) =>
  new CalendarError('calendar.invalid-year-file', message, details)
const mmdd = (d: LocalDate) => d.slice(5, 7) + d.slice(8, 10)
const join = (s: Iterable<string>) => [...s].sort().join(' ')

function dateOf(year: number, monthDay: string): LocalDate {
  const m = /^(\d{2})\.(\d{2})$/.exec(monthDay)
  if (!m) throw bad(`not a day "MM.DD": "${monthDay}"`, { day: monthDay })
  try {
    return assertLocalDate(`${year}-${m[1]}-${m[2]}`)
  } catch {
    throw bad(`no such day in ${year}: "${monthDay}"`, { day: monthDay })
  }
}

/** Reads an xmlcalendar `ru/<year>/calendar.xml`; throws calendar.invalid-year-file on anything else. */
export function parseXmlCalendar(xml: string): { year: number; data: ProductionYear } {
  const root = /<calendar\b[^>]*\byear="(\d{4})"[^>]*>/.exec(xml)
  if (!root || !/<\/calendar>\s*$/.test(xml.trim()))
    throw bad('not an xmlcalendar file: no <calendar year="YYYY"> … </calendar>')
  const year = Number(root[1])
  const days = /<days>([\s\S]*?)<\/days>/.exec(xml)
  if (!days) throw bad('the file has no <days> list')
  const off = new Set<string>()
  const work = new Set<string>()
  const short = new Set<string>()
  for (const [tag] of days[1].matchAll(/<day\b[^>]*\/?>/g)) {
    const d = /\bd="([^"]*)"/.exec(tag)?.[1]
    const t = /\bt="([^"]*)"/.exec(tag)?.[1]
    if (!d || !t) throw bad(`a <day> without d or t: ${tag}`, { tag })
    const date = dateOf(year, d)
    const weekend = isoWeekday(date) >= 6
    if (t === '1') {
      if (!weekend) off.add(mmdd(date))
    } else if (t === '2') {
      short.add(mmdd(date))
      if (weekend) work.add(mmdd(date))
    } else if (t === '3') {
      if (!weekend) throw bad(`t="3" (working weekend day) on a weekday: ${d}`, { day: d })
      work.add(mmdd(date))
    } else throw bad(`unknown day type t="${t}" on ${d}`, { day: d, t })
  }
  return { year, data: { off: join(off), work: join(work), short: join(short) } }
}

/**
 * A transfer of the decree: the weekend day off `from` moves to the weekday `to`. A plain weekend day
 * `from` becomes a working day; one that is also a holiday stays off (the decree only uses its day off).
 */
export interface DayTransfer {
  from: LocalDate
  to: LocalDate
}

/** Art. 112 for `year` with the decree's transfers applied (pre-holiday shortening by art. 95). */
export function yearFromTransfers(year: number, transfers: readonly DayTransfer[]): ProductionYear {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw bad(`not a year: ${year}`, { year })
  const off = new Set<string>()
  const work = new Set<string>()
  for (const t of transfers) {
    for (const d of [t.from, t.to]) {
      try {
        assertLocalDate(d)
      } catch {
        throw bad(`not a date YYYY-MM-DD: "${d}"`, { date: d })
      }
      if (yearOf(d) !== year) throw bad(`${d} is not in ${year}`, { date: d, year })
    }
    if (art112Day(t.from).working) throw bad(`${t.from} is already a working day`, { date: t.from })
    if (!art112Day(t.to).working) throw bad(`${t.to} is already a day off`, { date: t.to })
    if (!isArt112Holiday(t.from)) work.add(mmdd(t.from))
    off.add(mmdd(t.to))
  }
  const short = new Set<string>()
  for (let date = `${year}-01-01`; yearOf(date) === year; date = addDays(date, 1)) {
    const day = art112Day(date)
    if (day.working && day.shortened && !off.has(mmdd(date))) short.add(mmdd(date))
    if (!day.working && day.reason === 'holiday' && isoWeekday(date) <= 5) off.add(mmdd(date))
  }
  return { off: join(off), work: join(work), short: join(short) }
}
