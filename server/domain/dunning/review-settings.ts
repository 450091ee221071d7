// "Reminders wait for review" (issue 24 item 8, as in OCA credit control): the risk segments whose
// morning reminders wait for a person, and the hour (portal's time) at which unreviewed ones go out,
// or null: never (they expire at the end of the day and the next morning queues them again).
import { DunningError } from './dunning-error.ts'
import { RISK_SEGMENTS, type RiskSegment } from './types.ts'

export interface ReviewSettings {
  segments: RiskSegment[]
  /** 0-23 in the portal's time zone; null = unreviewed reminders never go out by themselves. */
  releaseHour: number | null
}

export function validateReviewSettings(input: unknown): ReviewSettings {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new DunningError('dunning.invalid-input', 'the review settings must be a JSON object')
  const o = input as Record<string, unknown>
  const unknown = Object.keys(o).filter((k) => k !== 'segments' && k !== 'releaseHour')
  if (unknown.length)
    throw new DunningError('dunning.invalid-input', `unknown settings ${unknown.slice(0, 5).join(', ').slice(0, 200)}`)
  // the whole setting every time: a body without one of its two keys is refused, not read as "off"
  const segs = o.segments
  if (
    !Array.isArray(segs) ||
    segs.some((s) => !RISK_SEGMENTS.includes(s as RiskSegment)) ||
    new Set(segs).size !== segs.length
  )
    throw new DunningError(
      'dunning.review-invalid-segments',
      `segments must be a list of distinct risk segments (${RISK_SEGMENTS.join(', ')})`,
    )
  const hour = o.releaseHour
  if (
    hour === undefined ||
    (hour !== null && !(Number.isInteger(hour) && (hour as number) >= 0 && (hour as number) <= 23))
  )
    throw new DunningError(
      'dunning.review-invalid-hour',
      'releaseHour must be a whole hour from 0 to 23 (portal time) or null for never',
      { hour: typeof hour === 'number' || typeof hour === 'string' ? String(hour).slice(0, 20) : null },
    )
  return {
    segments: RISK_SEGMENTS.filter((s) => (segs as RiskSegment[]).includes(s)),
    releaseHour: hour as number | null,
  }
}
