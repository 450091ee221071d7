// The portal's working calendar (time zone, hours, production calendar, company days off).
import type { RobotRunInput } from './types.ts'
import { portalDay, type PortalDay } from '../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'

export function portalCalendar(input: RobotRunInput): Promise<PortalDay> {
  return portalDay(receivablesPorts(input.ctx), input.memberId)
}
