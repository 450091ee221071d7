// dunning-scan: per portal at the portal's morning (08:00 local), fanned out by the schedule.
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { runDunningScan } from '../../use-cases/dunning/run-dunning-scan.ts'

export const dunningScanJob = { name: 'dunning-scan', retryLimit: 5, retryDelay: 60, expireInSeconds: 1800 }

export function createDunningScan(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot?: string }>) => {
    const stats = await runDunningScan(dunningPorts(ctx), job.data.memberId)
    ctx.log.info({ memberId: job.data.memberId, slot: job.data.slot, ...stats }, 'dunning.scanned')
  }
}
