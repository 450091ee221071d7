// The reminder job of one counterparty on one day: re-plans every entry against the ledger right now
// (paid, paused, promised or already done -> dropped), checks the send window in the debtor's time,
// composes ONE message (consolidated when several invoices) and freezes it (effects), sends it on
// each channel once, then logs every step and comments on each receivable's timeline. A retry after
// a crash re-uses the frozen message, so the same text and the same steps are completed.
import {
  callbackFallbackNote,
  channelSkipNote,
  channelWord,
  composeReminder,
  formatDay,
  sendWindowOn,
  type Channel,
} from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import { localTimeToMs } from '../../domain/calendar/instant.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { dueReminderEntries } from './review-entries.ts'
import { reviewedMessage } from './reviewed-message.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { dunningTimelineComments, userName } from './dunning-channels.ts'
import { deliverReminder, type FrozenMessage } from './deliver-reminder.ts'
import type { CallbackOutcome } from './dunning-callback.ts'
import type { RemindJobData } from './run-dunning-scan.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { receivablesProcessOf } from '../receivables/receivables-ports.ts'

export type RemindOutcome = 'sent' | 'nothing-due' | 'stale' | 'window-passed' | 'no-channel'

/** Thrown before the window opens: the job retries later (the queue backs off). */
export class TooEarlyError extends Error {}

export async function sendDunningReminder(ports: DunningPorts, data: RemindJobData): Promise<RemindOutcome> {
  const { memberId, counterpartyId, day } = data
  const { calendar, today, lang: portalLang } = await portalDay(ports, memberId)
  if (day !== today) return 'stale'
  const rules = await loadDunningRules(ports, memberId)
  const rows = await ports.repo.open(memberId, { counterpartyId })
  const first: DunningRow | undefined = rows[0]
  const messageKey = effectKeys.dunningSend(memberId, counterpartyId, day, 'message')
  let msg = (await ports.effects.get<FrozenMessage>(messageKey))?.result ?? null
  const logs = msg
    ? []
    : await ports.repo.log(
        memberId,
        rows.map((r) => r.receivableId),
      )
  const planning = { rows, logs, rules, calendar, today }
  if (!msg && data.reviewId !== undefined) {
    // a line a person (or the release hour) let go: its reviewed text, for the invoices still due
    msg = await reviewedMessage(ports, memberId, data.reviewId, planning)
    if (!msg) return 'nothing-due'
    await ports.effects.claim(messageKey, memberId)
    await ports.effects.complete(messageKey, msg)
  }
  if (!msg) {
    const due = dueReminderEntries(planning, data.entries)
    if (!due.length || !first) return 'nothing-due'
    const win = sendWindowOn(today, due[0].window, first.cpTimezone ?? calendar.timezone)
    const nowMs = ports.now().getTime()
    if (nowMs < win.fromMs) throw new TooEarlyError(`the send window opens at ${new Date(win.fromMs).toISOString()}`)
    if (nowMs >= win.toMs) return 'window-passed' // tomorrow's scan catches up within catchUpDays
    if (!ports.clients) throw new Error('portal clients are not wired')
    const lang = first.cpLang ?? portalLang
    const manager = await userName(await ports.clients.forPortal(memberId), first.responsibleId)
    const composed = composeReminder(
      rules,
      due.map((d) => d.entry),
      { counterparty: first.counterpartyName, manager, paymentDetails: rules.paymentDetails },
      lang,
    )
    msg = {
      ...composed,
      lang,
      entries: due.map((d) => ({ receivableId: d.row.receivableId, itemId: d.row.itemId, stepKey: d.entry.stepKey })),
    }
    await ports.effects.claim(messageKey, memberId)
    await ports.effects.complete(messageKey, msg)
  }
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(memberId)
  const party = first ?? (await ports.repo.one(memberId, msg.entries[0].receivableId))
  if (!party) return 'nothing-due'
  const p = await receivablesProcessOf(ports, memberId)
  const sent = await deliverReminder(
    ports,
    client,
    {
      memberId,
      counterpartyId,
      day,
      calendar,
      party,
      rows,
      headOfSalesId: rules.headOfSalesId,
      since: new Date(localTimeToMs(calendar.timezone, day, 0)),
      entityTypeId: p?.entityTypeId ?? null,
      callMode: rules.callMode,
      portalLang,
    },
    msg,
  )
  const lines: { key: string; itemId: number; text: string }[] = []
  for (const e of msg.entries) {
    await ports.repo.logStep(memberId, {
      receivableId: e.receivableId,
      stepKey: e.stepKey,
      kind: 'reminder',
      status: sent.channels.length ? 'sent' : 'skipped',
      onDate: today,
      detail: {
        channels: sent.channels,
        failed: sent.failed,
        ...(Object.keys(sent.skipped).length ? { skipped: sent.skipped } : {}),
        ...(sent.callback ? { callback: sent.callback } : {}),
        subject: msg.subject,
        consolidated: msg.entries.length > 1,
      },
    })
    if (p && e.itemId) {
      const text = timelineText(msg, e.stepKey, today, sent)
      lines.push({ key: effectKeys.dunningTimeline(memberId, e.receivableId, e.stepKey), itemId: e.itemId, text })
    }
  }
  // every invoice's timeline gets its line, all in one request
  if (p && lines.length) await dunningTimelineComments(ports, client, memberId, p.entityTypeId, lines)
  return sent.channels.length ? 'sent' : 'no-channel'
}

/** "Напоминание об оплате (r.due+3) 09.12.2026: отправлено (эл. почта, задача на звонок). Открытая линия:
 * пропущено — у клиента нет подключённой открытой линии. <subject>" */
function timelineText(
  msg: FrozenMessage,
  stepKey: string,
  today: string,
  sent: {
    channels: string[]
    skipped: Partial<Record<Channel, 'no-open-line' | 'no-scope'>>
    callback: CallbackOutcome | null
  },
): string {
  const ru = msg.lang === 'ru'
  const on = formatDay(today, msg.lang)
  const rang = sent.callback && 'callId' in sent.callback
  const word = (c: Channel) => (c === 'call' && rang ? (ru ? 'обратный звонок' : 'callback') : channelWord(c, msg.lang))
  const words = sent.channels.map((c) => word(c as Channel)).join(', ')
  const skips = Object.entries(sent.skipped).map(([c, why]) => `${channelSkipNote(c as Channel, why, msg.lang)}. `)
  if (sent.callback && 'fallback' in sent.callback)
    skips.push(`${callbackFallbackNote(sent.callback.fallback, msg.lang)}. `)
  const what = sent.channels.length
    ? ru
      ? `отправлено (${words})`
      : `sent (${words})`
    : ru
      ? 'не отправлено — нет доступного канала'
      : 'not sent: no channel available'
  const head = ru
    ? `Напоминание об оплате (${stepKey}) ${on}: ${what}.`
    : `Payment reminder (${stepKey}) ${on}: ${what}.`
  return `${head} ${skips.join('')}${msg.subject}`
}
