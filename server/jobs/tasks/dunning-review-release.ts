// dunning-review-release: at the admin's hour the day's unreviewed reminders go out
// (key: jobKeys.dunningReviewRelease; started after the hour, retried into it if early).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { DUNNING_REVIEW_RELEASE_JOB, type ReleaseJobData } from '../../use-cases/dunning/review-jobs.ts'
import { releaseDunningReview } from '../../use-cases/dunning/review-release.ts'

export const dunningReviewReleaseJob = { name: DUNNING_REVIEW_RELEASE_JOB, retryLimit: 40, retryDelay: 60 }

export function createDunningReviewRelease(ctx: AppContext) {
  return async (job: JobContext<ReleaseJobData>) => {
    const outcome = await releaseDunningReview(dunningPorts(ctx), job.data)
    ctx.log.info({ memberId: job.data.memberId, day: job.data.day, outcome }, 'dunning.review-release')
  }
}
