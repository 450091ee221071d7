// receivable-mirror: writes one receivable's ledger state to its portal item (one write batch).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { receivablesPorts } from '../../use-cases/receivables-ports.ts'
import { mirrorReceivable } from '../../use-cases/mirror-receivable.ts'
import { RECEIVABLE_MIRROR_JOB, type MirrorJobData } from '../../use-cases/enqueue-mirror.ts'

export const receivableMirrorJob = { name: RECEIVABLE_MIRROR_JOB, retryLimit: 10, retryDelay: 5, expireInSeconds: 300 }

export function createReceivableMirror(ctx: AppContext) {
  return async (job: JobContext<MirrorJobData>) => {
    const out = await mirrorReceivable(receivablesPorts(ctx), job.data)
    ctx.log.debug({ memberId: job.data.memberId, receivableId: job.data.receivableId, stage: out.stage?.stage ?? null }, 'receivable.mirrored')
  }
}
