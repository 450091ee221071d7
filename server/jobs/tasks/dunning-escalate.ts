// dunning-escalate: one escalation step of one receivable (key: jobKeys.dunningEscalate).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { escalateDunning } from '../../use-cases/dunning/escalate-dunning.ts'
import { DUNNING_ESCALATE_JOB, type EscalateJobData } from '../../use-cases/dunning/run-dunning-scan.ts'

export const dunningEscalateJob = { name: DUNNING_ESCALATE_JOB, retryLimit: 8, retryDelay: 30 }

export function createDunningEscalate(ctx: AppContext) {
  return async (job: JobContext<EscalateJobData>) => {
    const outcome = await escalateDunning(dunningPorts(ctx), job.data)
    ctx.log.info(
      { memberId: job.data.memberId, receivableId: job.data.receivableId, step: job.data.stepKey, outcome },
      'dunning.escalate',
    )
  }
}
