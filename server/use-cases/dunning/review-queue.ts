// The reminder of a counterparty in a reviewed segment, put on the review list instead of being sent:
// re-planned now, composed as it would go out (the manager's name, the consolidated template for
// several invoices) with the ladder's other steps to choose from. Once per counterparty and day.
import { composeReminder } from '../../domain/dunning/index.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { userName } from './dunning-channels.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { approveLine } from './review-decisions.ts'
import { dueReminderEntries, type ReviewMessage } from './review-entries.ts'
import { loadReviewSettings, releaseAtMs } from './review-settings.ts'
import type { RemindJobData } from './run-dunning-scan.ts'

export type QueueOutcome = 'queued' | 'released' | 'nothing-due' | 'stale'

export async function queueDunningReview(ports: DunningPorts, data: RemindJobData): Promise<QueueOutcome> {
  const { memberId, counterpartyId, day } = data
  const { calendar, today, lang: portalLang } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  const rules = await loadDunningRules(ports, memberId)
  const rows = await ports.repo.open(memberId, { counterpartyId })
  const logs = await ports.repo.log(
    memberId,
    rows.map((r) => r.receivableId),
  )
  const due = dueReminderEntries({ rows, logs, rules, calendar, today }, data.entries)
  if (!due.length) return 'nothing-due'
  if (!ports.clients) throw new Error('portal clients are not wired')
  const first = due[0].row
  const lang = first.cpLang ?? portalLang
  const party = {
    counterparty: first.counterpartyName,
    manager: await userName(await ports.clients.forPortal(memberId), first.responsibleId),
    paymentDetails: rules.paymentDetails,
  }
  const message: ReviewMessage = {
    ...composeReminder(
      rules,
      due.map((d) => d.entry),
      party,
      lang,
    ),
    lang,
    entries: due.map((d) => ({ ...d.entry, itemId: d.row.itemId })),
    party,
    steps: due[0].plan.reminders
      .filter((r) => r.status !== 'done' && r.status !== 'skipped')
      .map((r) => ({ key: r.key, template: r.template, channels: r.channels, ...(r.when ? { when: r.when } : {}) })),
    window: due[0].window,
    timezone: first.cpTimezone ?? calendar.timezone,
  }
  await ports.review.insert(memberId, counterpartyId, today, message)
  // a line queued after the release hour (a late scan, an early hour) is let go at once
  const s = await loadReviewSettings(ports, memberId)
  if (s.releaseHour === null || ports.now().getTime() < releaseAtMs(calendar.timezone, today, s.releaseHour))
    return 'queued'
  const line = (await ports.review.pending<ReviewMessage>(memberId, today)).find(
    (l) => l.counterpartyId === counterpartyId,
  )
  if (line && (await approveLine(ports, memberId, line, 'release')) === 'sent') return 'released'
  return 'queued'
}
