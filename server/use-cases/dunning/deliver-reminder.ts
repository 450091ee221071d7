// One frozen reminder on each of its channels, each once (its own effect key): e-mail with the payment QR
// codes, Telegram, a notification, the client's open-line chat and the manager's call task (or the portal's
// callback, where the admin chose it and the portal has it: dunning-callback.ts). A channel that
// fails for good is noted (`failed`), one the portal lacks (no open line for the client, no imopenlines
// scope) is skipped (`skipped`); a retryable failure retries the job.
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import type { LocalDate, WorkingCalendar } from '../../domain/calendar/index.ts'
import { daysOverdueOf, type CallMode, type Channel, type ChannelSkip } from '../../domain/dunning/index.ts'
import { effectKeys } from '../effect-keys.ts'
import { partyCardValues } from './party-card-values.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import {
  notifyDunningUser,
  sendDunningEmail,
  sendDunningTelegram,
  sendDunningTelegramPhoto,
  TelegramNotDelivered,
} from './dunning-channels.ts'
import { ChannelSkipped, sendDunningOpenLine } from './dunning-openline-call.ts'
import { deliverCall, type CallbackOutcome } from './dunning-callback.ts'
import { reminderQrCodes } from './reminder-qr.ts'

export interface FrozenMessage {
  subject: string
  body: string
  channels: Channel[]
  lang: 'ru' | 'en'
  entries: { receivableId: number; itemId: number | null; stepKey: string }[]
}

export interface DeliverContext {
  memberId: string
  counterpartyId: number
  day: LocalDate
  calendar: WorkingCalendar
  party: DunningRow
  /** the counterparty's open receivables now (the call task names those of the message) */
  rows: DunningRow[]
  headOfSalesId: number | null
  /** the start of the sending day (the e-mail lookup) */
  since: Date
  /** the Receivables smart process, for the call task's item bindings */
  entityTypeId: number | null
  /** A "call" step: the manager's call task, or the portal's callback (the task where it cannot start) */
  callMode: CallMode
  /** the portal's language (what the manager hears in a callback) */
  portalLang: 'ru' | 'en'
}

const TRANSIENT_TELEGRAM = /unreachable|Too Many Requests|HTTP 5\d\d|Internal Server|Bad Gateway|Service Unavailable/i

type Client = Awaited<ReturnType<NonNullable<DunningPorts['clients']>['forPortal']>>

export async function deliverReminder(ports: DunningPorts, client: Client, d: DeliverContext, msg: FrozenMessage) {
  const { memberId, counterpartyId, day, party } = d
  const channels: string[] = []
  const failed: Record<string, string> = {}
  const skipped: Partial<Record<Channel, ChannelSkip>> = {}
  let callback: CallbackOutcome | null = null
  const qr = msg.channels.some((c) => c === 'email' || c === 'telegram')
    ? await reminderQrCodes(
        ports,
        memberId,
        msg.entries.map((e) => e.receivableId),
        msg.lang,
      )
    : []
  const responsibleId = party.responsibleId ?? d.headOfSalesId ?? 1
  const keyOf = (c: Channel) => effectKeys.dunningSend(memberId, counterpartyId, day, c)
  const guard = async (channel: Channel, run: () => Promise<{ result: unknown }>) => {
    const key = keyOf(channel)
    const prior = await ports.effects.get<{ error?: string; skip?: ChannelSkip }>(key)
    if (prior?.status === 'done' && prior.result?.skip) {
      skipped[channel] = prior.result.skip
      return
    }
    if (prior?.status === 'done' && prior.result?.error) {
      failed[channel] = prior.result.error
      return
    }
    try {
      await run()
      channels.push(channel)
    } catch (e) {
      if (e instanceof ChannelSkipped) {
        await ports.effects.complete(key, { skip: e.why })
        skipped[channel] = e.why
        return
      }
      if (e instanceof Bitrix24Error && !e.retryable) {
        await ports.effects.complete(key, { error: e.code })
        failed[channel] = e.code
        return
      }
      if (e instanceof TelegramNotDelivered && !TRANSIENT_TELEGRAM.test(e.message)) {
        failed[channel] = e.message
        return
      }
      throw e
    }
  }
  if (msg.channels.includes('email')) {
    const email = party.counterpartyEmail ?? ((await partyCardValues(client, party, 'EMAIL'))[0] || null)
    if (email)
      await guard('email', () =>
        sendDunningEmail(
          ports,
          client,
          memberId,
          keyOf('email'),
          { entityType: party.entityType, entityId: party.entityId, email, responsibleId },
          msg.subject,
          qr.length ? `${msg.body}\n\n${qrNote(msg.lang, qr.length)}` : msg.body,
          d.since,
          qr.map((q) => ({ name: q.fileName, content: q.png })),
        ),
      )
    else failed.email = 'no e-mail'
  }
  if (msg.channels.includes('telegram') && party.telegramChatId) {
    const chatId = party.telegramChatId
    await guard('telegram', async () => {
      const text = await sendDunningTelegram(
        ports,
        memberId,
        keyOf('telegram'),
        chatId,
        `${msg.subject}\n\n${msg.body}`,
      )
      // the QR codes as photos after the text, each once; a refused photo does not undo the reminder
      for (const q of qr) {
        const photoKey = effectKeys.dunningSendQr(memberId, counterpartyId, day, q.receivableId)
        await sendDunningTelegramPhoto(ports, memberId, photoKey, chatId, q).catch((e: unknown) => {
          if (!(e instanceof TelegramNotDelivered)) throw e
          ports.log.warn({ memberId, counterpartyId, reason: e.message }, 'dunning.qr-photo-failed')
        })
      }
      return text
    })
  }
  if (msg.channels.includes('notify'))
    await guard('notify', () =>
      notifyDunningUser(ports, client, memberId, keyOf('notify'), responsibleId, `${msg.subject}\n${msg.body}`),
    )
  if (msg.channels.includes('openline'))
    await guard('openline', () =>
      sendDunningOpenLine(
        ports,
        client,
        memberId,
        keyOf('openline'),
        { entityType: party.entityType, entityId: party.entityId, userId: responsibleId },
        `${msg.subject}\n\n${msg.body}`,
      ),
    )
  if (msg.channels.includes('call')) {
    const ids = new Set(msg.entries.map((e) => e.receivableId))
    const mine = d.rows.filter((r) => ids.has(r.receivableId))
    const items = msg.entries.filter((e) => e.itemId && d.entityTypeId)
    const callbackKey = effectKeys.dunningSend(memberId, counterpartyId, day, 'callback')
    await guard('call', async () => {
      callback = await deliverCall(
        ports,
        client,
        memberId,
        { task: keyOf('call'), callback: callbackKey },
        {
          calendar: d.calendar,
          today: day,
          lang: msg.lang,
          portalLang: d.portalLang,
          mode: d.callMode,
          counterparty: party.counterpartyName,
          party: { entityType: party.entityType, entityId: party.entityId },
          responsibleId,
          invoices: (mine.length ? mine : [party]).map((r) => ({
            invoiceNumber: r.invoiceNumber,
            invoiceDate: r.invoiceDate,
            dueDate: r.dueDate,
            remaining: r.remaining,
            daysOverdue: daysOverdueOf(r.dueDate, day),
          })),
          itemBindings: items.map((e) => `T${d.entityTypeId!.toString(16)}_${e.itemId}`),
          reminder: { subject: msg.subject, body: msg.body },
        },
      )
      return { result: callback }
    })
  }
  return { channels, failed, skipped, callback: callback as CallbackOutcome | null }
}

const qrNote = (lang: 'ru' | 'en', n: number) =>
  lang === 'ru'
    ? n === 1
      ? 'QR-код для оплаты — во вложении.'
      : 'QR-коды для оплаты каждого счёта — во вложении.'
    : n === 1
      ? 'The payment QR code is attached.'
      : 'The payment QR codes of the invoices are attached.'
