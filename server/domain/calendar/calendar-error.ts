// Domain error of the working calendar. Codes are stable and never retried:
//   calendar.year-missing      the production calendar has no data for the year asked about
//   calendar.invalid-date      not an ISO YYYY-MM-DD calendar date
//   calendar.invalid-instant   not an ISO date-time with an offset (or Z), nor a finite epoch ms
//   calendar.invalid-time      not HH:MM, or working hours that do not make sense
//   calendar.invalid-timezone  not an IANA time zone
//   calendar.invalid-amount    a count that is not a finite integer / non-negative amount
//   calendar.not-working-day   a working-time question about a day off
//   calendar.invalid-year-file a production calendar file or transfer list that cannot be read
import { DomainError } from '../domain-error.ts'
export type CalendarErrorCode =
  | 'calendar.year-missing'
  | 'calendar.invalid-date'
  | 'calendar.invalid-instant'
  | 'calendar.invalid-time'
  | 'calendar.invalid-timezone'
  | 'calendar.invalid-amount'
  | 'calendar.not-working-day'
  | 'calendar.invalid-year-file'

export class CalendarError extends DomainError<CalendarErrorCode> {
  readonly details: Readonly<Record<string, unknown>>
  constructor(code: CalendarErrorCode, message: string, details: Record<string, unknown> = {}) {
    super('CalendarError', code, message)
    this.details = details
  }
}
