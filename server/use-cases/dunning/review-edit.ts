// A reviewer changes a waiting line: another step of the ladder (the text is composed again from that
// step's template) and/or their own subject and text. Bad input changes nothing.
import { composeReminder, DunningError } from '../../domain/dunning/index.ts'
import type { DunningReviewEditBody, DunningReviewItemDto } from '../../../contracts/dunning-review.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { pendingLine, type Reviewer } from './review-decisions.ts'
import type { ReviewMessage } from './review-entries.ts'
import { reviewItemOf } from './review-list.ts'

const invalid = (m: string, details?: unknown) => new DunningError('dunning.invalid-input', m, details)

function parse(b: Record<string, unknown>): DunningReviewEditBody {
  const unknown = Object.keys(b).filter((k) => !['stepKey', 'subject', 'body'].includes(k))
  if (unknown.length) throw invalid(`unknown fields ${unknown.slice(0, 5).join(', ').slice(0, 200)}`)
  if (b.stepKey === undefined && b.subject === undefined && b.body === undefined)
    throw invalid('give stepKey, subject or body', { field: 'body', rule: 'required' })
  for (const [k, max] of [
    ['subject', 250],
    ['body', 10_000],
  ] as const) {
    const v = b[k]
    if (v !== undefined && (typeof v !== 'string' || !v.trim() || v.length > max))
      throw invalid(`${k} must be non-empty text up to ${max} characters`, {
        field: k,
        max,
        rule: typeof v === 'string' && v.length > max ? 'too-long' : 'required',
      })
  }
  if (b.stepKey !== undefined && (typeof b.stepKey !== 'string' || !b.stepKey || b.stepKey.length > 100))
    throw new DunningError('dunning.review-unknown-step', "stepKey must be one of the line's steps")
  return b as DunningReviewEditBody
}

export async function editReviewLine(
  ports: DunningPorts,
  a: Reviewer,
  id: number,
  input: Record<string, unknown>,
): Promise<DunningReviewItemDto> {
  const b = parse(input)
  const line = await pendingLine(ports, a.memberId, id)
  let m: ReviewMessage = line.message
  let edited = line.edited
  if (b.stepKey !== undefined && b.stepKey !== m.entries[0]?.stepKey) {
    const step = m.steps.find((s) => s.key === b.stepKey)
    if (!step)
      throw new DunningError('dunning.review-unknown-step', `step "${b.stepKey}" is not a step of this line`, {
        step: b.stepKey.slice(0, 100),
      })
    const entries = m.entries.map((e) => ({
      ...e,
      stepKey: step.key,
      template: step.template,
      channels: step.channels,
    }))
    const text = composeReminder(await loadDunningRules(ports, a.memberId), entries, m.party, m.lang)
    m = { ...m, ...text, entries }
    edited = false
  }
  if (b.subject !== undefined) m = { ...m, subject: b.subject.trim() }
  if (b.body !== undefined) m = { ...m, body: b.body }
  if (b.subject !== undefined || b.body !== undefined) edited = true
  if (!(await ports.review.edit(a.memberId, id, m, edited)))
    throw new DunningError('dunning.review-decided', `review line ${id} is decided already`, { id })
  await ports.audit.record({
    memberId: a.memberId,
    actor: `user:${a.userId}`,
    source: 'ui',
    action: 'dunning.review-edited',
    entity: 'counterparty',
    entityId: String(line.counterpartyId),
    details: { reviewId: id, ...b },
  })
  return reviewItemOf({ ...line, message: m, edited })
}
