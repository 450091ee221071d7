// The release hour: the day's lines nobody reviewed go out (each once: the line's compare-and-set and
// the reminder job's effect keys). A job planned for an hour that is no longer the setting does nothing.
import { portalDay } from '../receivables/receivable-calendar.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { approveLine } from './review-decisions.ts'
import type { ReviewMessage } from './review-entries.ts'
import type { ReleaseJobData } from './review-jobs.ts'
import { loadReviewSettings, releaseAtMs } from './review-settings.ts'
import { TooEarlyError } from './send-dunning-reminder.ts'

export type ReleaseOutcome = { released: number; dropped: number } | 'stale' | 'setting-changed'

export async function releaseDunningReview(ports: DunningPorts, data: ReleaseJobData): Promise<ReleaseOutcome> {
  const { memberId, day, hour } = data
  const { calendar, today } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  if ((await loadReviewSettings(ports, memberId)).releaseHour !== hour) return 'setting-changed'
  const at = releaseAtMs(calendar.timezone, day, hour)
  if (ports.now().getTime() < at) throw new TooEarlyError(`the release hour comes at ${new Date(at).toISOString()}`)
  const out = { released: 0, dropped: 0 }
  for (const line of await ports.review.pending<ReviewMessage>(memberId, day)) {
    const r = await approveLine(ports, memberId, line, 'release')
    if (r === 'sent') out.released += 1
    if (r === 'dropped') out.dropped += 1
  }
  return out
}
