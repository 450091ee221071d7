// key-rate-refresh: per portal, fanned out by the schedule once a day: the Bank of Russia key-rate
// fetch (global; the first portal's job of the day does it, the others find it fresh), then this
// portal's admin is told when the fetch has been failing for 3 days.
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { keyRateFetchDeps, refreshKeyRates } from '../../use-cases/claims/refresh-key-rates.ts'
import { staleKeyRateDeps, warnStaleKeyRates } from '../../use-cases/claims/warn-stale-key-rates.ts'

export const keyRateRefreshJob = {
  name: 'key-rate-refresh',
  retryLimit: 3,
  retryDelay: 60,
  expireInSeconds: 300,
}

export function createKeyRateRefresh(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot?: string }>) => {
    const fetched = await refreshKeyRates(keyRateFetchDeps(ctx))
    const told = await warnStaleKeyRates(staleKeyRateDeps(ctx), job.data.memberId)
    ctx.log.info(
      { memberId: job.data.memberId, slot: job.data.slot, fetch: fetched.status, told },
      'key-rate.refreshed',
    )
  }
}
