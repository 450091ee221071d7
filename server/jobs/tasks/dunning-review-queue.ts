// dunning-review-queue: a counterparty's reminder of a reviewed segment put on the review list
// (key: jobKeys.dunningReviewQueue).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { DUNNING_REVIEW_QUEUE_JOB } from '../../use-cases/dunning/review-jobs.ts'
import { queueDunningReview } from '../../use-cases/dunning/review-queue.ts'
import type { RemindJobData } from '../../use-cases/dunning/run-dunning-scan.ts'

export const dunningReviewQueueJob = { name: DUNNING_REVIEW_QUEUE_JOB, retryLimit: 8, retryDelay: 30 }

export function createDunningReviewQueue(ctx: AppContext) {
  return async (job: JobContext<RemindJobData>) => {
    const outcome = await queueDunningReview(dunningPorts(ctx), job.data)
    ctx.log.info(
      { memberId: job.data.memberId, counterpartyId: job.data.counterpartyId, day: job.data.day, outcome },
      'dunning.review-queue',
    )
  }
}
