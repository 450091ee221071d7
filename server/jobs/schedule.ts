// The few recurring entries. One cron tick a minute fans out per portal: each PortalSchedule says
// which slot (in the portal's timezone) is due now; the job key includes the slot, so a slot runs
// once however many ticks or instances see it.
import { DateTime } from 'luxon'
import type { AppDeps } from '../use-cases/app-deps.ts'
import { jobKeys } from '../use-cases/effect-keys.ts'
import type { JobContext, Queue } from './queue.ts'
import type { SendOptions } from '../use-cases/job-queue.ts'

/** What the schedules need: the queue (cron entries, fan-out) and the portal list. */
type ScheduleDeps = { queue: Queue; clock: AppDeps['clock']; repos: Pick<AppDeps['repos'], 'portals'> }

export interface PortalSchedule {
  /** The job to enqueue with { memberId, slot }. */
  job: string
  /** The slot due at `now` in the portal's timezone, or null when nothing is due. */
  slotAt: (now: DateTime) => string | null
}

/** Once a day at or after HH:MM local time (slot = the local date). */
export const dailyAt =
  (hour: number, minute = 0) =>
  (now: DateTime) =>
    now.hour * 60 + now.minute >= hour * 60 + minute ? now.toISODate() : null

/** Every N minutes (slot = the start of the N-minute window). */
export const everyMinutes = (n: number) => (now: DateTime) => {
  const start = now.startOf('minute').minus({ minutes: now.minute % n })
  return start.toFormat("yyyy-MM-dd'T'HH:mm")
}

export const portalSchedules: PortalSchedule[] = [
  // approvals: re-apply lost transitions, re-arm SLA timers
  { job: 'approval-recover', slotAt: everyMinutes(15) },
  // dunning: the morning scan in the portal's timezone (jobs/tasks/dunning-scan.ts)
  { job: 'dunning-scan', slotAt: dailyAt(8) },
  // receivables: re-read changed items (lost events), overdue moves and days overdue
  { job: 'receivable-reconcile', slotAt: everyMinutes(15) },
  // claims: the accountant's tasks of payout tranches coming due (jobs/tasks/claim-tranche-scan.ts)
  { job: 'claim-tranche-scan', slotAt: everyMinutes(15) },
  // penalties: the Bank of Russia key rate, once a day (jobs/tasks/key-rate-refresh.ts)
  { job: 'key-rate-refresh', slotAt: dailyAt(7) },
]

export const scheduleTickJob = { name: 'schedule-tick', retryLimit: 1, retryDelay: 10 }

export async function installSchedules(ctx: ScheduleDeps): Promise<void> {
  await ctx.queue.schedule(scheduleTickJob.name, '* * * * *', {}, { key: 'tick' })
}

export function createScheduleTick(ctx: ScheduleDeps, now: () => Date = () => ctx.clock.now()) {
  return async (_job: JobContext<object>) => {
    // uninstalled with CLEAN and past the grace period: their data goes (jobs/tasks/portal-purge.ts)
    for (const p of await ctx.repos.portals.duePurges(now()))
      await ctx.queue.send(
        'portal-purge',
        { memberId: p.memberId },
        { key: jobKeys.portalPurge(p.memberId, p.purgeAfter!.toISOString()), memberId: p.memberId },
      )
    // one statement per job for all portals (a slot already sent is skipped by its key): a tick of 1,000
    // portals was 5,000 inserts one at a time, past the tick's own expiry on a busy worker
    const due = new Map<string, { data: object; options: SendOptions }[]>()
    for (const portal of await ctx.repos.portals.list('active')) {
      const local = DateTime.fromJSDate(now(), { zone: portal.timezone })
      for (const s of portalSchedules) {
        const slot = s.slotAt(local)
        if (slot === null) continue
        const jobs = due.get(s.job) ?? due.set(s.job, []).get(s.job)!
        jobs.push({
          data: { memberId: portal.memberId, slot },
          options: { key: jobKeys.scheduleFanOut(s.job, portal.memberId, slot), memberId: portal.memberId },
        })
      }
    }
    for (const [job, jobs] of due) await ctx.queue.insertMany(job, jobs)
  }
}
