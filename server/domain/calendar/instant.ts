// Instants are UTC. Input: an ISO 8601 date-time with an explicit offset or Z, or epoch ms.
// Output: always an ISO string in UTC with milliseconds, e.g. '2025-06-13T14:30:00.000Z'.
import { DateTime } from 'luxon'
import { CalendarError } from './calendar-error.ts'
import type { LocalDate } from './local-date.ts'

export type Instant = string
export type InstantInput = Instant | number

const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i

export function toEpochMs(instant: InstantInput): number {
  if (typeof instant === 'number') {
    if (Number.isFinite(instant)) return instant
  } else if (hasOffset.test(instant)) {
    const dt = DateTime.fromISO(instant, { setZone: true })
    if (dt.isValid) return dt.toMillis()
  }
  throw new CalendarError('calendar.invalid-instant', `not an instant with an offset: "${String(instant)}"`, {
    instant,
  })
}

export function toInstant(ms: number): Instant {
  return new Date(ms).toISOString()
}

/** The local day of an instant in a time zone. */
export function localDateOf(timezone: string, instant: InstantInput): LocalDate {
  return DateTime.fromMillis(toEpochMs(instant), { zone: timezone }).toISODate() as string
}

/** Minutes after local midnight of an instant in a time zone. */
export function localMinutesOf(timezone: string, instant: InstantInput): number {
  const dt = DateTime.fromMillis(toEpochMs(instant), { zone: timezone })
  return dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60_000
}

/** Epoch ms of a local wall-clock time (minutes after midnight; 1440 = next midnight). */
export function localTimeToMs(timezone: string, date: LocalDate, minutes: number): number {
  const [year, month, day] = date.split('-').map(Number)
  const midnight = DateTime.fromObject({ year, month, day }, { zone: timezone })
  // Wall-clock arithmetic, so a DST change that day does not shift 09:00 (1440 = next midnight).
  if (minutes >= 24 * 60) return midnight.plus({ days: 1 }).toMillis()
  return midnight.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis()
}

/**
 * An instant the way the portal reads date-times in filters: YYYY-MM-DDThh:mm:ss±hh:mm in the portal's
 * zone, no milliseconds, never Z (api-reference/data-types.md, `datetime`).
 */
export function toPortalDateTime(timezone: string, instant: InstantInput): string {
  return DateTime.fromMillis(toEpochMs(instant), { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")
}
