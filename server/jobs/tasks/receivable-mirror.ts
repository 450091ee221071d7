// receivable-mirror: writes one receivable's ledger state to its portal item (one write batch).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { receivablesPorts } from '../../use-cases/receivables/receivables-ports.ts'
import { mirrorReceivable } from '../../use-cases/receivables/mirror-receivable.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { closeStepTasks } from '../../use-cases/dunning/close-step-tasks.ts'
import { RECEIVABLE_MIRROR_JOB, type MirrorJobData } from '../../use-cases/receivables/enqueue-mirror.ts'

export const receivableMirrorJob = { name: RECEIVABLE_MIRROR_JOB, retryLimit: 10, retryDelay: 5, expireInSeconds: 300 }

export function createReceivableMirror(ctx: AppContext) {
  return async (job: JobContext<MirrorJobData>) => {
    const out = await mirrorReceivable(receivablesPorts(ctx), job.data)
    // a payment event: the open task of a ladder task step on this invoice closes at once (a failure
    // here does not repeat the mirror: the 15-minute reconcile closes it)
    await closeStepTasks(dunningPorts(ctx), job.data.memberId, { receivableId: job.data.receivableId }).catch(
      (e: unknown) =>
        ctx.log.warn(
          { memberId: job.data.memberId, receivableId: job.data.receivableId, err: (e as Error).message },
          'dunning.step-task-close-failed',
        ),
    )
    ctx.log.debug(
      { memberId: job.data.memberId, receivableId: job.data.receivableId, stage: out.stage?.stage ?? null },
      'receivable.mirrored',
    )
  }
}
