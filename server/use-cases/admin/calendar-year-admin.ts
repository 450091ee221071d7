// The admin loads a year's official production calendar for a year the app ships no data for: the
// xmlcalendar file (ru/<year>/calendar.xml) or the decree's list of transfers. Until then that year
// counts by art. 112 of the Labour Code and every deadline in it is marked provisional.
import {
  calendarYearsPresent,
  CalendarError,
  parseXmlCalendar,
  yearFromTransfers,
  type DayTransfer,
  type ProductionYear,
  type WorkingCalendarSettings,
} from '../../domain/calendar/index.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { invalid, obj, readCalendarSettings, save, type CalendarSettingsView } from './company-settings.ts'

const DATE = /(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4})/g

/** "01.01.2028 -> 06.11.2028" (or ISO dates), one transfer a line: the day off moves from the first date to the second. */
export function parseTransfers(text: string): DayTransfer[] {
  const out: DayTransfer[] = []
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue
    const dates = [...line.matchAll(DATE)].map((m) => (m[1] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[6]}-${m[5]}-${m[4]}`))
    if (dates.length !== 2) throw invalid(`transfers: "${line.trim()}" is not "from-date -> to-date"`)
    out.push({ from: dates[0], to: dates[1] })
  }
  if (!out.length || out.length > 30) throw invalid('transfers: 1 to 30 lines "from-date -> to-date"')
  return out
}

export async function loadCalendarYear(
  ports: ReceivablesPorts,
  who: Actor,
  body: unknown,
): Promise<CalendarSettingsView> {
  const b = obj(body, 'calendar year')
  let loaded: { year: number; data: ProductionYear }
  try {
    if (typeof b.xml === 'string' && b.transfers === undefined) {
      if (b.xml.length > 200_000) throw invalid('xml: the file is larger than 200 KB')
      loaded = parseXmlCalendar(b.xml)
    } else if (typeof b.transfers === 'string' && b.xml === undefined && Number.isInteger(b.year)) {
      const year = b.year as number
      loaded = { year, data: yearFromTransfers(year, parseTransfers(b.transfers)) }
    } else throw invalid('send the year file as "xml", or "year" with its "transfers"')
  } catch (e) {
    if (e instanceof CalendarError) throw invalid(e.message)
    throw e
  }
  if (calendarYearsPresent().includes(loaded.year))
    throw invalid(`${loaded.year}: the app's own production calendar for this year is official already`)
  const stored: Partial<WorkingCalendarSettings> =
    (await ports.settings.get<WorkingCalendarSettings>(who.memberId, 'calendar')) ?? {}
  await save(ports, who, 'calendar', {
    ...stored,
    officialYears: { ...(stored.officialYears ?? {}), [loaded.year]: loaded.data },
  })
  return readCalendarSettings(ports, who.memberId)
}
