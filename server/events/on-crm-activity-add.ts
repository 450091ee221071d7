// ONCRMACTIVITYADD: data[FIELDS][ID]. An incoming e-mail naming a court case number is bound to
// that debt-recovery case (use-cases/claims/bind-court-mail.ts); an incoming e-mail or open-line
// message from a debtor gives its manager a task (use-cases/dunning/incoming-contact-task.ts).
import type { EventHandler } from './event-handler.ts'
import { dunningPorts } from '../use-cases/dunning/dunning-ports.ts'
import { bindCourtMailById } from '../use-cases/claims/bind-court-mail.ts'
import { incomingContactTask } from '../use-cases/dunning/incoming-contact-task.ts'

export const onCrmActivityAdd: EventHandler = async (ctx, event) => {
  const fields = (event.data as Record<string, unknown>).FIELDS as Record<string, unknown> | undefined
  const id = Number(fields?.ID)
  if (!Number.isSafeInteger(id) || id <= 0) return
  const memberId = event.auth.memberId
  const ports = dunningPorts(ctx)
  // both run; a failure of either retries the job (each is keyed, so what was done is not done twice)
  const [bound, task] = await Promise.allSettled([
    bindCourtMailById(ports, memberId, id),
    incomingContactTask(ports, memberId, id),
  ])
  if (bound.status === 'fulfilled' && bound.value)
    ctx.log.info({ memberId, activityId: id, bound: bound.value }, 'claim.mail-bound')
  if (task.status === 'fulfilled' && task.value !== 'none')
    ctx.log.info({ memberId, activityId: id, outcome: task.value }, 'dunning.incoming-task')
  for (const r of [bound, task]) if (r.status === 'rejected') throw r.reason
}
