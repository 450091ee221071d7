// The reminder job of one counterparty on one day: re-plans every entry against the ledger right now
// (paid, paused, promised or already done -> dropped), checks the send window in the debtor's time,
// sends ONE message (consolidated when several invoices) on each channel once, then logs every step
// and comments on each receivable's timeline.
import { Bitrix24Error } from '../bitrix24/errors.ts'
import { composeReminder, daysOverdueOf, planDunning, sendWindowOn, type DueReminderEntry } from '../domain/dunning/index.ts'
import { effectKeys } from '../jobs/keys.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { dunningTimelineComment, notifyDunningUser, sendDunningEmail, sendDunningTelegram, TelegramNotDelivered, userName } from './dunning-channels.ts'
import type { RemindJobData } from './run-dunning-scan.ts'
import { portalDay } from './receivable-calendar.ts'
import { receivablesProcessOf } from './receivables-ports.ts'

export type RemindOutcome = 'sent' | 'nothing-due' | 'stale' | 'window-passed' | 'no-channel'

/** Thrown before the window opens: the job retries later (the queue backs off). */
export class TooEarlyError extends Error {}

const TRANSIENT_TELEGRAM = /unreachable|Too Many Requests|HTTP 5\d\d|Internal Server|Bad Gateway|Service Unavailable/i

export async function sendDunningReminder(ports: DunningPorts, data: RemindJobData): Promise<RemindOutcome> {
  const { memberId, counterpartyId, day } = data
  const { calendar, today, lang: portalLang } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  const rules = await loadDunningRules(ports, memberId)
  const rows = await ports.repo.open(memberId, { counterpartyId })
  const logs = await ports.repo.log(memberId, rows.map((r) => r.receivableId))
  const debts = debtByCounterparty(rows)
  const due: { row: typeof rows[number]; entry: DueReminderEntry; window: { from: string; to: string } }[] = []
  for (const e of data.entries) {
    const row = rows.find((r) => r.receivableId === e.receivableId)
    if (!row) continue // paid or written off since the scan
    const plan = planDunning(dunningInput(row, logs, debts.get(counterpartyId) ?? 0), rules, calendar, today)
    if (plan.dueReminder?.key !== e.stepKey) continue
    due.push({ row, window: plan.window, entry: { receivableId: row.receivableId, stepKey: e.stepKey, template: plan.dueReminder.template, channels: plan.dueReminder.channels,
      invoice: { invoiceNumber: row.invoiceNumber, invoiceDate: row.invoiceDate, dueDate: row.dueDate, amount: row.amount, remaining: row.remaining, daysOverdue: daysOverdueOf(row.dueDate, today), penalty: null } } })
  }
  if (!due.length) return 'nothing-due'
  const first = due[0].row
  const win = sendWindowOn(today, due[0].window, first.cpTimezone ?? calendar.timezone)
  const nowMs = ports.now().getTime()
  if (nowMs < win.fromMs) throw new TooEarlyError(`the send window opens at ${new Date(win.fromMs).toISOString()}`)
  if (nowMs >= win.toMs) return 'window-passed' // tomorrow's scan catches up within catchUpDays
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(memberId)
  const lang = first.cpLang ?? portalLang
  const responsibleId = first.responsibleId ?? rules.headOfSalesId ?? 1
  const manager = await userName(client, first.responsibleId)
  const msg = composeReminder(rules, due.map((d) => d.entry), { counterparty: first.counterpartyName, manager, paymentDetails: rules.paymentDetails }, lang)
  const sent: string[] = []
  const failed: Record<string, string> = {}
  const guard = async (channel: string, key: string, run: () => Promise<unknown>) => {
    try { await run(); sent.push(channel) } catch (e) {
      if (e instanceof Bitrix24Error && !e.retryable) { await ports.effects.complete(key, { error: e.code }); failed[channel] = e.code; return }
      if (e instanceof TelegramNotDelivered && !TRANSIENT_TELEGRAM.test(e.message)) { failed[channel] = e.message; return }
      throw e
    }
  }
  if (msg.channels.includes('email')) {
    const email = first.counterpartyEmail ?? await readEmail(client, first.entityType, first.entityId)
    const key = effectKeys.dunningSend(memberId, counterpartyId, day, 'email')
    if (email) await guard('email', key, () => sendDunningEmail(ports, client, memberId, key, { entityType: first.entityType, entityId: first.entityId, email, responsibleId }, msg.subject, msg.body))
    else failed.email = 'no e-mail'
  }
  if (msg.channels.includes('telegram') && first.telegramChatId) {
    const key = effectKeys.dunningSend(memberId, counterpartyId, day, 'telegram')
    await guard('telegram', key, () => sendDunningTelegram(ports, memberId, key, first.telegramChatId!, `${msg.subject}\n\n${msg.body}`))
  }
  if (msg.channels.includes('notify')) {
    const key = effectKeys.dunningSend(memberId, counterpartyId, day, 'notify')
    await guard('notify', key, () => notifyDunningUser(ports, client, memberId, key, responsibleId, `${msg.subject}\n${msg.body}`))
  }
  const p = await receivablesProcessOf(ports, memberId)
  for (const d of due) {
    await ports.repo.logStep(memberId, { receivableId: d.row.receivableId, stepKey: d.entry.stepKey, kind: 'reminder', status: sent.length ? 'sent' : 'skipped', onDate: today,
      detail: { channels: sent, failed, subject: msg.subject, consolidated: due.length > 1 } })
    if (p && d.row.itemId) {
      const text = lang === 'ru'
        ? `Напоминание об оплате (${d.entry.stepKey}) ${today}: ${sent.length ? `отправлено (${sent.join(', ')})` : 'не отправлено — нет доступного канала'}. ${msg.subject}`
        : `Payment reminder (${d.entry.stepKey}) ${today}: ${sent.length ? `sent (${sent.join(', ')})` : 'not sent: no channel available'}. ${msg.subject}`
      await dunningTimelineComment(ports, client, memberId, effectKeys.dunningTimeline(memberId, d.row.receivableId, d.entry.stepKey), p.entityTypeId, d.row.itemId, text)
    }
  }
  return sent.length ? 'sent' : 'no-channel'
}

async function readEmail(client: Awaited<ReturnType<NonNullable<DunningPorts['clients']>['forPortal']>>, type: 'company' | 'contact', id: number): Promise<string | null> {
  const party = await client.call<{ EMAIL?: { VALUE?: string }[] }>(type === 'company' ? 'crm.company.get' : 'crm.contact.get', { id }).catch(() => null)
  return party?.EMAIL?.[0]?.VALUE ?? null
}
