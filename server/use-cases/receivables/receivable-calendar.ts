// The portal's working calendar and today's local date, for the art. 193 due-date rules.
import {
  createWorkingCalendar,
  localDateOf,
  type LocalDate,
  type WorkingCalendar,
  type WorkingCalendarSettings,
} from '../../domain/calendar/index.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export interface PortalDay {
  calendar: WorkingCalendar
  today: LocalDate
  lang: 'ru' | 'en'
}

export async function portalDay(ports: ReceivablesPorts, memberId: string): Promise<PortalDay> {
  const portal = await ports.portalOf(memberId)
  const stored = await ports.settings.get<Partial<WorkingCalendarSettings>>(memberId, 'calendar')
  // the admin's choice wins over the portal's own zone (validated when saved)
  const timezone = (typeof stored?.timezone === 'string' && stored.timezone) || portal?.timezone || 'Europe/Moscow'
  let calendar: WorkingCalendar
  try {
    calendar = createWorkingCalendar({ missingYear: 'art-112', ...(stored ?? {}), timezone })
  } catch (e) {
    ports.log.warn({ memberId, err: (e as Error).message }, 'receivables.calendar-settings-invalid')
    calendar = createWorkingCalendar({ missingYear: 'art-112', timezone })
  }
  return { calendar, today: localDateOf(timezone, ports.now().getTime()), lang: portal?.lang === 'en' ? 'en' : 'ru' }
}
