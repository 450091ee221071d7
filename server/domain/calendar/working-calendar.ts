// A portal's working calendar: time zone, working hours, the production calendar and the
// company's own days. Built once from settings (validated), then passed to the pure functions.
import { IANAZone } from 'luxon'
import { CalendarError } from './calendar-error.ts'
import type { LocalDate } from './local-date.ts'
import { assertLocalDate } from './local-date.ts'
import type { ExtraYears } from './production-calendar.ts'

export interface WorkingCalendarSettings {
  /** IANA zone of the portal, e.g. 'Europe/Moscow'. */
  timezone: string
  /** 'HH:MM', default '09:00'. */
  workStart?: string
  /** 'HH:MM', default '18:00'. */
  workEnd?: string
  lunch?: { start: string; end: string }
  /** Company days off; they win over everything else. */
  companyDaysOff?: LocalDate[]
  /** Company working days (e.g. a Saturday); they win over the production calendar. */
  companyWorkingDays?: LocalDate[]
  /** How much shorter a pre-holiday day is, in hours; default 1. */
  shortenedDayHours?: number
  /** Count the 2020/2021 decree days as days off; default true. */
  decreeDaysOff?: boolean
  /**
   * What to do for a year the production calendar does not have: 'throw' (default) raises
   * CalendarError 'calendar.year-missing'; 'art-112' counts it by art. 112 of the Labour Code
   * (weekends and fixed holidays, no transfers), marks its days provisional, and
   * `provisionalYears()` names it so every deadline in it can say so.
   */
  missingYear?: 'throw' | 'art-112'
  /** Production calendars the portal loaded for years the built-in data does not have. */
  officialYears?: ExtraYears
}

export interface WorkingCalendar {
  readonly timezone: string
  /** Minutes after local midnight. */
  readonly workStart: number
  readonly workEnd: number
  readonly lunch?: { readonly start: number; readonly end: number }
  readonly shortenedMinutes: number
  readonly companyDaysOff: ReadonlySet<LocalDate>
  readonly companyWorkingDays: ReadonlySet<LocalDate>
  readonly decreeDaysOff: boolean
  readonly missingYear: 'throw' | 'art-112'
  readonly officialYears: ExtraYears
}

export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm)
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN
  if (!m || minutes > 24 * 60)
    throw new CalendarError('calendar.invalid-time', `not a HH:MM time: "${hhmm}"`, { value: hhmm })
  return minutes
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

// Luxon checks a zone by building an Intl formatter every time (3.6 % of a worker's CPU in the
// many-portals bench, where every event builds its portal's calendar): a zone found valid stays valid.
const validZones = new Set<string>()
const isValidZone = (zone: string) => validZones.has(zone) || (IANAZone.isValidZone(zone) && !!validZones.add(zone))

export function createWorkingCalendar(settings: WorkingCalendarSettings): WorkingCalendar {
  if (!isValidZone(settings.timezone)) {
    throw new CalendarError('calendar.invalid-timezone', `not an IANA time zone: "${settings.timezone}"`, {
      timezone: settings.timezone,
    })
  }
  const workStart = parseClock(settings.workStart ?? '09:00')
  const workEnd = parseClock(settings.workEnd ?? '18:00')
  if (workEnd <= workStart)
    throw new CalendarError('calendar.invalid-time', 'the working day must end after it starts', { workStart, workEnd })
  let lunch: WorkingCalendar['lunch']
  if (settings.lunch) {
    lunch = { start: parseClock(settings.lunch.start), end: parseClock(settings.lunch.end) }
    if (lunch.start < workStart || lunch.end > workEnd || lunch.end <= lunch.start) {
      throw new CalendarError('calendar.invalid-time', 'lunch must be a non-empty span inside working hours', {
        lunch: settings.lunch,
      })
    }
  }
  const hours = settings.shortenedDayHours ?? 1
  const shortenedMinutes = Math.round(hours * 60)
  if (!Number.isFinite(hours) || shortenedMinutes < 0 || shortenedMinutes >= workEnd - workStart) {
    throw new CalendarError(
      'calendar.invalid-amount',
      'shortenedDayHours must be >= 0 and shorter than the working day',
      { shortenedDayHours: hours },
    )
  }
  return Object.freeze({
    timezone: settings.timezone,
    workStart,
    workEnd,
    lunch,
    shortenedMinutes,
    companyDaysOff: new Set((settings.companyDaysOff ?? []).map(assertLocalDate)),
    companyWorkingDays: new Set((settings.companyWorkingDays ?? []).map(assertLocalDate)),
    decreeDaysOff: settings.decreeDaysOff ?? true,
    missingYear: settings.missingYear ?? 'throw',
    officialYears: settings.officialYears ?? {},
  })
}
