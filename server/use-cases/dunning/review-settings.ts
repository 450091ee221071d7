// The review setting (settings key 'dunning.review'): the risk segments whose reminders wait for a
// person and the release hour. Saving is audited; a release hour set while lines wait plans its job.
import { localTimeToMs } from '../../domain/calendar/instant.ts'
import { validateReviewSettings, type ReviewSettings } from '../../domain/dunning/index.ts'
import { jobKeys } from '../effect-keys.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { DUNNING_REVIEW_RELEASE_JOB, type ReleaseJobData } from './review-jobs.ts'

export const REVIEW_SETTINGS_KEY = 'dunning.review'
const NONE: ReviewSettings = { segments: [], releaseHour: null }

export async function loadReviewSettings(
  ports: Pick<DunningPorts, 'settings' | 'log'>,
  memberId: string,
): Promise<ReviewSettings> {
  const stored = await ports.settings.get<unknown>(memberId, REVIEW_SETTINGS_KEY)
  if (!stored) return NONE
  try {
    return validateReviewSettings(stored)
  } catch (e) {
    ports.log.warn({ memberId, err: (e as Error).message }, 'dunning.review-settings-invalid')
    return NONE
  }
}

/** The instant of the release hour on a day in the portal's zone. */
export const releaseAtMs = (timezone: string, day: string, hour: number) => localTimeToMs(timezone, day, hour * 60)

/** Plans the release of the day's unreviewed lines (once per day, hour and planner: the job key). */
export async function planRelease(ports: DunningPorts, memberId: string, today: string, timezone: string, by = 'scan') {
  const s = await loadReviewSettings(ports, memberId)
  if (s.releaseHour === null) return
  const data: ReleaseJobData = { memberId, day: today, hour: s.releaseHour }
  const at = releaseAtMs(timezone, today, s.releaseHour)
  await ports.send(DUNNING_REVIEW_RELEASE_JOB, data, {
    key: jobKeys.dunningReviewRelease(memberId, today, s.releaseHour, by),
    memberId,
    ...(at > ports.now().getTime() ? { startAfter: at } : {}),
  })
}

export async function saveReviewSettings(
  ports: DunningPorts,
  memberId: string,
  input: unknown,
  actor: string,
): Promise<ReviewSettings> {
  const next = validateReviewSettings(input)
  const current = await loadReviewSettings(ports, memberId)
  await ports.settings.set(memberId, REVIEW_SETTINGS_KEY, next, actor)
  await ports.audit.record({
    memberId,
    actor,
    source: 'ui',
    action: 'settings.changed',
    entity: 'setting',
    entityId: REVIEW_SETTINGS_KEY,
    details: { before: current, after: next },
  })
  const { today, calendar } = await portalDay(ports, memberId)
  if (next.releaseHour !== null && (await ports.review.pending(memberId, today)).length)
    await planRelease(ports, memberId, today, calendar.timezone, `save-${ports.now().getTime()}`)
  return next
}
