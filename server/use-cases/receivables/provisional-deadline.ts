// A deadline counted (even partly) in a year without an official production calendar says so where
// people read it: such a year counts by art. 112 of the Labour Code without the decree's transfers.
import {
  localDateOf,
  provisionalYears,
  toEpochMs,
  type LocalDate,
  type WorkingCalendar,
} from '../../domain/calendar/index.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'

/** The years without official data between `today` and a deadline (a day or an instant). */
function yearsOnTheWay(cal: WorkingCalendar, today: LocalDate, deadline: string): number[] {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(deadline) ? deadline : localDateOf(cal.timezone, toEpochMs(deadline))
  return provisionalYears(cal, day < today ? day : today, day < today ? today : day)
}

/** Whether a deadline counted from `today` crosses a year counted by art. 112 (shown as provisional). */
export function isProvisionalDeadline(cal: WorkingCalendar, today: LocalDate, deadline: string | null): boolean {
  return deadline !== null && yearsOnTheWay(cal, today, deadline).length > 0
}

/** The note for a deadline (a day or an instant) counted from `today`, or null when every year on the way is official. */
export function provisionalNote(
  cal: WorkingCalendar,
  today: LocalDate,
  deadline: string,
  lang: 'ru' | 'en',
): string | null {
  const years = yearsOnTheWay(cal, today, deadline)
  if (!years.length) return null
  const y = years.join(', ')
  return lang === 'ru'
    ? `Срок предварительный: на ${y} г. нет производственного календаря, дни посчитаны по ст. 112 ТК РФ без переносов.`
    : `Provisional deadline: no production calendar for ${y} yet; days counted by art. 112 of the Labour Code without transfers.`
}

/** `text` with the provisional note of `deadline` appended (the portal's calendar, today and language). */
export async function withProvisionalNote(
  ports: ReceivablesPorts,
  memberId: string,
  deadline: string,
  text: string,
): Promise<string> {
  const { calendar, today, lang } = await portalDay(ports, memberId)
  const note = provisionalNote(calendar, today, deadline, lang)
  return note ? `${text}\n\n${note}` : text
}
