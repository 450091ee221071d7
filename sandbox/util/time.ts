import { DateTime } from 'luxon'

/** ISO 8601 with offset in the portal's zone, no milliseconds: 2024-06-18T02:00:00+02:00 */
// (api-reference/data-types.md: datetime is YYYY-MM-DDThh:mm:ss±hh:mm, so UTC is +00:00, never Z)
export function isoAt(ms: number, zone: string): string {
  return DateTime.fromMillis(Math.floor(ms / 1000) * 1000, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")
}

/** A day (YYYY-MM-DD) rendered the way crm.item returns date fields: midnight with offset. */
export function dayIso(day: string, zone: string): string {
  const dt = DateTime.fromISO(day, { zone })
  return dt.isValid ? dt.startOf('day').toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : day
}

/** Parse what a client sends as a date/datetime into epoch ms (null if not a date). */
export function parseInstant(v: unknown, zone: string): number | null {
  if (typeof v === 'number') return v > 1e12 ? v : v * 1000
  if (typeof v !== 'string' || v === '') return null
  let dt = DateTime.fromISO(v, { zone })
  if (!dt.isValid) dt = DateTime.fromFormat(v, 'dd.MM.yyyy HH:mm:ss', { zone })
  if (!dt.isValid) dt = DateTime.fromFormat(v, 'dd.MM.yyyy', { zone })
  return dt.isValid ? dt.toMillis() : null
}

/** Normalise a date-only input to YYYY-MM-DD in the zone. */
export function toDay(v: unknown, zone: string): string | null {
  const ms = parseInstant(v, zone)
  return ms === null ? null : DateTime.fromMillis(ms, { zone }).toISODate()
}

/** The two formats api-reference/data-types.md documents for date and datetime values. */
export const DOC_DATE = /^\d{4}-\d{2}-\d{2}$/
export const DOC_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/
