// The reminder job of one counterparty on one day: re-plans every entry against the ledger right now
// (paid, paused, promised or already done -> dropped), checks the send window in the debtor's time,
// composes ONE message (consolidated when several invoices) and freezes it (effects), sends it on
// each channel once, then logs every step and comments on each receivable's timeline. A retry after
// a crash re-uses the frozen message, so the same text and the same steps are completed.
import { Bitrix24Error } from '../bitrix24/errors.ts'
import { composeReminder, daysOverdueOf, planDunning, sendWindowOn, type Channel, type DueReminderEntry } from '../domain/dunning/index.ts'
import { effectKeys } from '../jobs/keys.ts'
import { localTimeToMs } from '../domain/calendar/instant.ts'
import type { DunningRow } from '../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { dunningTimelineComments, notifyDunningUser, sendDunningEmail, sendDunningTelegram, TelegramNotDelivered, userName } from './dunning-channels.ts'
import type { RemindJobData } from './run-dunning-scan.ts'
import { portalDay } from './receivable-calendar.ts'
import { receivablesProcessOf } from './receivables-ports.ts'

export type RemindOutcome = 'sent' | 'nothing-due' | 'stale' | 'window-passed' | 'no-channel'

/** Thrown before the window opens: the job retries later (the queue backs off). */
export class TooEarlyError extends Error {}

interface FrozenMessage { subject: string; body: string; channels: Channel[]; lang: 'ru' | 'en'; entries: { receivableId: number; itemId: number | null; stepKey: string }[] }

const TRANSIENT_TELEGRAM = /unreachable|Too Many Requests|HTTP 5\d\d|Internal Server|Bad Gateway|Service Unavailable/i

export async function sendDunningReminder(ports: DunningPorts, data: RemindJobData): Promise<RemindOutcome> {
  const { memberId, counterpartyId, day } = data
  const { calendar, today, lang: portalLang } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  const rules = await loadDunningRules(ports, memberId)
  const rows = await ports.repo.open(memberId, { counterpartyId })
  const first: DunningRow | undefined = rows[0]
  const messageKey = effectKeys.dunningSend(memberId, counterpartyId, day, 'message')
  let msg = (await ports.effects.get<FrozenMessage>(messageKey))?.result ?? null
  if (!msg) {
    const logs = await ports.repo.log(memberId, rows.map((r) => r.receivableId))
    const debts = debtByCounterparty(rows)
    const due: { row: DunningRow; entry: DueReminderEntry; window: { from: string; to: string } }[] = []
    for (const e of data.entries) {
      const row = rows.find((r) => r.receivableId === e.receivableId)
      if (!row) continue // paid or written off since the scan
      const plan = planDunning(dunningInput(row, logs, debts.get(counterpartyId) ?? 0), rules, calendar, today)
      if (plan.dueReminder?.key !== e.stepKey) continue
      due.push({ row, window: plan.window, entry: { receivableId: row.receivableId, stepKey: e.stepKey, template: plan.dueReminder.template, channels: plan.dueReminder.channels,
        invoice: { invoiceNumber: row.invoiceNumber, invoiceDate: row.invoiceDate, dueDate: row.dueDate, amount: row.amount, remaining: row.remaining, daysOverdue: daysOverdueOf(row.dueDate, today), penalty: null } } })
    }
    if (!due.length || !first) return 'nothing-due'
    const win = sendWindowOn(today, due[0].window, first.cpTimezone ?? calendar.timezone)
    const nowMs = ports.now().getTime()
    if (nowMs < win.fromMs) throw new TooEarlyError(`the send window opens at ${new Date(win.fromMs).toISOString()}`)
    if (nowMs >= win.toMs) return 'window-passed' // tomorrow's scan catches up within catchUpDays
    if (!ports.clients) throw new Error('portal clients are not wired')
    const lang = first.cpLang ?? portalLang
    const manager = await userName(await ports.clients.forPortal(memberId), first.responsibleId)
    const composed = composeReminder(rules, due.map((d) => d.entry), { counterparty: first.counterpartyName, manager, paymentDetails: rules.paymentDetails }, lang)
    msg = { ...composed, lang, entries: due.map((d) => ({ receivableId: d.row.receivableId, itemId: d.row.itemId, stepKey: d.entry.stepKey })) }
    await ports.effects.claim(messageKey, memberId)
    await ports.effects.complete(messageKey, msg)
  }
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(memberId)
  const party = first ?? await ports.repo.one(memberId, msg.entries[0].receivableId)
  if (!party) return 'nothing-due'
  const sent = await deliver(ports, client, memberId, counterpartyId, day, party, msg, rules.headOfSalesId, new Date(localTimeToMs(calendar.timezone, day, 0)))
  const p = await receivablesProcessOf(ports, memberId)
  const lines: { key: string; itemId: number; text: string }[] = []
  for (const e of msg.entries) {
    await ports.repo.logStep(memberId, { receivableId: e.receivableId, stepKey: e.stepKey, kind: 'reminder', status: sent.channels.length ? 'sent' : 'skipped', onDate: today,
      detail: { channels: sent.channels, failed: sent.failed, subject: msg.subject, consolidated: msg.entries.length > 1 } })
    if (p && e.itemId) {
      const text = msg.lang === 'ru'
        ? `Напоминание об оплате (${e.stepKey}) ${today}: ${sent.channels.length ? `отправлено (${sent.channels.join(', ')})` : 'не отправлено — нет доступного канала'}. ${msg.subject}`
        : `Payment reminder (${e.stepKey}) ${today}: ${sent.channels.length ? `sent (${sent.channels.join(', ')})` : 'not sent: no channel available'}. ${msg.subject}`
      lines.push({ key: effectKeys.dunningTimeline(memberId, e.receivableId, e.stepKey), itemId: e.itemId, text })
    }
  }
  // every invoice's timeline gets its line, all in one request
  if (p && lines.length) await dunningTimelineComments(ports, client, memberId, p.entityTypeId, lines)
  return sent.channels.length ? 'sent' : 'no-channel'
}

type Client = Awaited<ReturnType<NonNullable<DunningPorts['clients']>['forPortal']>>

async function deliver(ports: DunningPorts, client: Client, memberId: string, counterpartyId: number, day: string, party: DunningRow, msg: FrozenMessage, headOfSalesId: number | null, since: Date) {
  const channels: string[] = []
  const failed: Record<string, string> = {}
  const responsibleId = party.responsibleId ?? headOfSalesId ?? 1
  const guard = async (channel: string, key: string, run: () => Promise<{ result: unknown }>) => {
    const prior = await ports.effects.get<{ error?: string }>(key)
    if (prior?.status === 'done' && prior.result?.error) { failed[channel] = prior.result.error; return }
    try { await run(); channels.push(channel) } catch (e) {
      if (e instanceof Bitrix24Error && !e.retryable) { await ports.effects.complete(key, { error: e.code }); failed[channel] = e.code; return }
      if (e instanceof TelegramNotDelivered && !TRANSIENT_TELEGRAM.test(e.message)) { failed[channel] = e.message; return }
      throw e
    }
  }
  if (msg.channels.includes('email')) {
    const email = party.counterpartyEmail ?? await readEmail(client, party.entityType, party.entityId)
    const key = effectKeys.dunningSend(memberId, counterpartyId, day, 'email')
    if (email) await guard('email', key, () => sendDunningEmail(ports, client, memberId, key, { entityType: party.entityType, entityId: party.entityId, email, responsibleId }, msg.subject, msg.body, since))
    else failed.email = 'no e-mail'
  }
  if (msg.channels.includes('telegram') && party.telegramChatId) {
    const key = effectKeys.dunningSend(memberId, counterpartyId, day, 'telegram')
    await guard('telegram', key, () => sendDunningTelegram(ports, memberId, key, party.telegramChatId!, `${msg.subject}\n\n${msg.body}`))
  }
  if (msg.channels.includes('notify')) {
    const key = effectKeys.dunningSend(memberId, counterpartyId, day, 'notify')
    await guard('notify', key, () => notifyDunningUser(ports, client, memberId, key, responsibleId, `${msg.subject}\n${msg.body}`))
  }
  return { channels, failed }
}

async function readEmail(client: Client, type: 'company' | 'contact', id: number): Promise<string | null> {
  // a retryable failure retries the job; only a missing entity means "no e-mail"
  const party = await client.call<{ EMAIL?: { VALUE?: string }[] }>(type === 'company' ? 'crm.company.get' : 'crm.contact.get', { id })
    .catch((e: unknown) => { if (e instanceof Bitrix24Error && !e.retryable) return null; throw e })
  return party?.EMAIL?.[0]?.VALUE ?? null
}
