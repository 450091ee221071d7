// ONCRMACTIVITYADD: data[FIELDS][ID]. An incoming e-mail naming a court case number is bound to
// that debt-recovery case (use-cases/claims/bind-court-mail.ts).
import type { EventHandler } from './event-handler.ts'
import { dunningPorts } from '../use-cases/dunning/dunning-ports.ts'
import { bindCourtMailById } from '../use-cases/claims/bind-court-mail.ts'

export const onCrmActivityAdd: EventHandler = async (ctx, event) => {
  const fields = (event.data as Record<string, unknown>).FIELDS as Record<string, unknown> | undefined
  const id = Number(fields?.ID)
  if (!Number.isSafeInteger(id) || id <= 0) return
  const bound = await bindCourtMailById(dunningPorts(ctx), event.auth.memberId, id)
  if (bound) ctx.log.info({ memberId: event.auth.memberId, activityId: id, bound }, 'claim.mail-bound')
}
