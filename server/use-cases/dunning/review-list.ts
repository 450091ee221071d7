// The review list of today: what would go out (counterparty, invoices, step, channels, text). A line
// whose invoices were all paid or paused since leaves the list (dropped); a paid one among several
// drops out of its line (an unedited text is composed again without it).
import { composeReminder, daysOverdueOf } from '../../domain/dunning/index.ts'
import type { DunningReviewItemDto, DunningReviewListDto } from '../../../contracts/dunning-review.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { planningOf, type Line } from './review-decisions.ts'
import { liveEntries, type ReviewMessage } from './review-entries.ts'
import { loadReviewSettings } from './review-settings.ts'

export function reviewItemOf(line: Line): DunningReviewItemDto {
  const m = line.message
  return {
    id: line.id,
    counterparty: m.party.counterparty,
    invoices: m.entries.map((e) => ({
      receivableId: e.receivableId,
      invoiceNumber: e.invoice.invoiceNumber,
      invoiceDate: e.invoice.invoiceDate,
      dueDate: e.invoice.dueDate,
      remaining: e.invoice.remaining,
      daysOverdue: daysOverdueOf(e.invoice.dueDate, line.day),
    })),
    stepKey: m.entries[0]?.stepKey ?? '',
    steps: m.steps.map((s) => ({ key: s.key, ...(s.when ? { when: s.when } : {}) })),
    channels: m.channels,
    subject: m.subject,
    body: m.body,
    edited: line.edited,
  }
}

export async function listDunningReview(ports: DunningPorts, memberId: string): Promise<DunningReviewListDto> {
  const { today } = await portalDay(ports, memberId)
  const items: DunningReviewItemDto[] = []
  for (const line of await ports.review.pending<ReviewMessage>(memberId, today)) {
    const p = await planningOf(ports, memberId, line.counterpartyId)
    const live = liveEntries(p, line.message.entries)
    if (!live.length) {
      await ports.review.decide(memberId, line.id, 'dropped', 'system')
      continue
    }
    let current = line
    if (live.length < line.message.entries.length) {
      const m: ReviewMessage = line.edited
        ? { ...line.message, entries: live }
        : { ...line.message, ...composeReminder(p.rules, live, line.message.party, line.message.lang), entries: live }
      if (!(await ports.review.edit(memberId, line.id, m, line.edited))) continue
      current = { ...line, message: m }
    }
    items.push(reviewItemOf(current))
  }
  return { day: today, settings: await loadReviewSettings(ports, memberId), items }
}
