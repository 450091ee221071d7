// dunning-task-step: one ladder task step of one receivable (key: jobKeys.dunningStepTask).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { DUNNING_TASK_STEP_JOB, setStepTask, type TaskStepJobData } from '../../use-cases/dunning/set-step-task.ts'

export const dunningTaskStepJob = { name: DUNNING_TASK_STEP_JOB, retryLimit: 8, retryDelay: 30 }

export function createDunningTaskStep(ctx: AppContext) {
  return async (job: JobContext<TaskStepJobData>) => {
    const outcome = await setStepTask(dunningPorts(ctx), job.data)
    ctx.log.info(
      { memberId: job.data.memberId, receivableId: job.data.receivableId, step: job.data.stepKey, outcome },
      'dunning.task-step',
    )
  }
}
