// Which of a counterparty's reminder entries are due right now (re-planned against the ledger: paid,
// paused, promised or already done -> dropped), shared by the reminder job and the review list.
import {
  daysOverdueOf,
  planDunning,
  type Channel,
  type DueReminderEntry,
  type DunningPlan,
  type DunningRules,
  type Lang,
  type PartyFacts,
  type SendWindow,
  type StepWhen,
} from '../../domain/dunning/index.ts'
import type { WorkingCalendar } from '../../domain/calendar/index.ts'
import type { DunningRow, LogRow } from '../../storage/repositories/dunning.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'

export interface DueItem {
  row: DunningRow
  entry: DueReminderEntry
  window: SendWindow
  plan: DunningPlan
}

export interface Planning {
  rows: DunningRow[]
  logs: LogRow[]
  rules: DunningRules
  calendar: WorkingCalendar
  today: string
}

const planOf = (p: Planning, row: DunningRow): DunningPlan =>
  planDunning(
    dunningInput(row, p.logs, debtByCounterparty(p.rows).get(row.counterpartyId) ?? 0),
    p.rules,
    p.calendar,
    p.today,
  )

/** The wanted entries whose step is still the receivable's due reminder today. */
export function dueReminderEntries(p: Planning, wanted: { receivableId: number; stepKey: string }[]): DueItem[] {
  const due: DueItem[] = []
  for (const e of wanted) {
    const row = p.rows.find((r) => r.receivableId === e.receivableId)
    if (!row) continue // paid or written off since the scan
    const plan = planOf(p, row)
    if (!plan.dueReminder || plan.dueReminder.key !== e.stepKey) continue
    due.push({
      row,
      plan,
      window: plan.window,
      entry: {
        receivableId: row.receivableId,
        stepKey: e.stepKey,
        template: plan.dueReminder.template,
        channels: plan.dueReminder.channels,
        invoice: {
          invoiceNumber: row.invoiceNumber,
          invoiceDate: row.invoiceDate,
          dueDate: row.dueDate,
          amount: row.amount,
          remaining: row.remaining,
          daysOverdue: daysOverdueOf(row.dueDate, p.today),
          penalty: null,
        },
      },
    })
  }
  return due
}

/** A reminder waiting for review: what would go out, and the steps a reviewer may choose instead. */
export interface ReviewMessage {
  subject: string
  body: string
  channels: Channel[]
  lang: Lang
  entries: (DueReminderEntry & { itemId: number | null })[]
  party: PartyFacts
  steps: { key: string; template: string; channels: Channel[]; when?: StepWhen }[]
  window: SendWindow
  timezone: string
}

/**
 * The entries of a reviewed line that may still go out: the invoice is open, nothing blocks it (paid,
 * paused, promise, do-not-dun) and its step has not happened (the step may be another than the plan's).
 */
export function liveEntries<E extends { receivableId: number; stepKey: string }>(p: Planning, entries: E[]): E[] {
  return entries.filter((e) => {
    const row = p.rows.find((r) => r.receivableId === e.receivableId)
    let plan: DunningPlan | null
    try {
      plan = row ? planOf(p, row) : null
    } catch {
      plan = null // no rule applies any more (the settings changed): nothing of it goes out
    }
    if (!plan || plan.block) return false
    return !p.logs.some((l) => l.receivableId === e.receivableId && l.stepKey === e.stepKey)
  })
}
