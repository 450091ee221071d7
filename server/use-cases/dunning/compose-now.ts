// The text "Send now" sends for one receivable: the template of its current step (the due one, else the
// next waiting one, else the overdue template), the real counterparty, manager and figures, in the
// counterparty's language. The collection plan's dialog opens with exactly this text (the preview).
import {
  composeReminder,
  daysOverdueOf,
  planDunning,
  type Channel,
  type Lang,
  type Template,
} from '../../domain/dunning/index.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { userName } from './dunning-channels.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

export interface ComposedNow extends Template {
  stepKey: string
  template: string
  lang: Lang
}

export async function composeNow(
  ports: DunningPorts,
  memberId: string,
  row: DunningRow,
  channels: Channel[],
  templateId?: string,
): Promise<ComposedNow> {
  const { calendar, today, lang: portalLang } = await portalDay(ports, memberId)
  const lang: Lang = row.cpLang ?? portalLang
  const rules = await loadDunningRules(ports, memberId)
  const logs = await ports.repo.log(memberId, [row.receivableId])
  const siblings = await ports.repo.open(memberId, { counterpartyId: row.counterpartyId })
  const plan = planDunning(
    dunningInput(row, logs, debtByCounterparty(siblings).get(row.counterpartyId) ?? 0),
    rules,
    calendar,
    today,
  )
  const step = plan.dueReminder ?? plan.reminders.find((p) => p.status === 'waiting') ?? null
  const template = templateId ?? step?.template ?? 'overdue'
  if (!ports.clients) throw new Error('portal clients are not wired')
  const manager = await userName(await ports.clients.forPortal(memberId), row.responsibleId)
  const msg = composeReminder(
    rules,
    [
      {
        receivableId: row.receivableId,
        stepKey: step?.key ?? 'manual',
        template,
        channels,
        invoice: {
          invoiceNumber: row.invoiceNumber,
          invoiceDate: row.invoiceDate,
          dueDate: row.dueDate,
          amount: row.amount,
          remaining: row.remaining,
          daysOverdue: daysOverdueOf(row.dueDate, today),
          penalty: null,
        },
      },
    ],
    { counterparty: row.counterpartyName, manager, paymentDetails: rules.paymentDetails },
    lang,
  )
  return { subject: msg.subject, body: msg.body, stepKey: step?.key ?? 'manual', template, lang }
}
