// dunning-remind: the consolidated reminder of one counterparty on one day (key: jobKeys.dunningRemind).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { DUNNING_REMIND_JOB, type RemindJobData } from '../../use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../use-cases/dunning/send-dunning-reminder.ts'

// retries back off up to 10 minutes; a job that was queued before its window simply retries into it
export const dunningRemindJob = { name: DUNNING_REMIND_JOB, retryLimit: 40, retryDelay: 60 }

export function createDunningRemind(ctx: AppContext) {
  return async (job: JobContext<RemindJobData>) => {
    const outcome = await sendDunningReminder(dunningPorts(ctx), job.data)
    ctx.log.info(
      { memberId: job.data.memberId, counterpartyId: job.data.counterpartyId, day: job.data.day, outcome },
      'dunning.remind',
    )
  }
}
