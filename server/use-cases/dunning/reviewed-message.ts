// The message a reviewed line sends: the text the reviewer saw (or edited), for the invoices that may
// still go out at send time; a paid or paused invoice drops out (an unedited text is composed again
// without it), and nothing goes when none is left.
import { composeReminder, type DunningRules, type Lang } from '../../domain/dunning/index.ts'
import type { DunningPorts } from './dunning-ports.ts'
import type { FrozenMessage } from './deliver-reminder.ts'
import { liveEntries, type Planning, type ReviewMessage } from './review-entries.ts'

export async function reviewedMessage(
  ports: DunningPorts,
  memberId: string,
  reviewId: number,
  p: Planning & { rules: DunningRules },
): Promise<FrozenMessage | null> {
  const line = await ports.review.get<ReviewMessage>(memberId, reviewId)
  if (!line || line.status !== 'approved') return null
  const m = line.message
  const live = liveEntries(p, m.entries)
  if (!live.length) return null
  const lang: Lang = m.lang
  const text =
    live.length < m.entries.length && !line.edited
      ? composeReminder(p.rules, live, m.party, lang)
      : { subject: m.subject, body: m.body, channels: m.channels }
  return {
    subject: text.subject,
    body: text.body,
    channels: text.channels,
    lang,
    entries: live.map((e) => ({ receivableId: e.receivableId, itemId: e.itemId, stepKey: e.stepKey })),
  }
}
