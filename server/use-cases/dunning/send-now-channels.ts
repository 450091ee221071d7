// "Send now" on each chosen channel of the plan (email, telegram, notify, openline, call), each once per request
// id (its own effect key): what went, why a channel did not (a code the page shows in ru/en), and the callback's
// outcome of a call in the "callback" mode. A channel the counterparty cannot get (no e-mail, no Telegram chat,
// no open line, the app not granted the right) is a failure with its reason, not an error of the request.
import { CHANNELS, DunningError, daysOverdueOf, type Channel } from '../../domain/dunning/index.ts'
import type { WorkingCalendar } from '../../domain/calendar/index.ts'
import type { DunningSendFailureDto } from '../../../contracts/dunning.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import { effectKeys } from '../effect-keys.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { notifyDunningUser, sendDunningEmail, sendDunningTelegram, TelegramNotDelivered } from './dunning-channels.ts'
import { ChannelSkipped, sendDunningOpenLine } from './dunning-openline-call.ts'
import { deliverCall, type CallbackOutcome } from './dunning-callback.ts'
import { noEmail, noOpenLine, noScope, noTelegramChat, sendFailure } from './send-failure.ts'
import { loadDunningRules } from './dunning-settings.ts'

/** The chosen channels, each once, in the plan's order; an unknown one is a 400 naming it (ru/en by its rule). */
export function sendNowChannels(input: unknown): Channel[] {
  const list = input === undefined ? ['email'] : input
  if (!Array.isArray(list) || !list.length)
    throw new DunningError('dunning.invalid-input', `channels must be a non-empty list of ${CHANNELS.join(', ')}`)
  const unknown = list.find((c) => !CHANNELS.includes(c as Channel))
  if (unknown !== undefined)
    throw new DunningError(
      'dunning.invalid-input',
      `unknown channel ${JSON.stringify(unknown).slice(0, 40)}: one of ${CHANNELS.join(', ')}`,
      { rule: 'channel', channel: String(unknown).slice(0, 40) },
    )
  return CHANNELS.filter((c) => list.includes(c))
}

export interface SendNowContext {
  memberId: string
  userId: number
  receivableId: number
  requestId: string
  row: DunningRow
  subject: string
  body: string
  calendar: WorkingCalendar
  today: string
  lang: 'ru' | 'en'
  portalLang: 'ru' | 'en'
  /** the Receivables smart process, for the call task's item binding */
  entityTypeId: number | null
}

export async function sendNowOn(
  ports: DunningPorts,
  client: PortalClient,
  channels: Channel[],
  c: SendNowContext,
): Promise<{
  sent: Channel[]
  failed: Partial<Record<Channel, DunningSendFailureDto>>
  callback: CallbackOutcome | null
}> {
  const { row, memberId } = c
  const sent: Channel[] = []
  const failed: Partial<Record<Channel, DunningSendFailureDto>> = {}
  let callback: CallbackOutcome | null = null
  const keyOf = (ch: string) => effectKeys.dunningManualSend(memberId, c.receivableId, c.requestId, ch)
  const party = { entityType: row.entityType, entityId: row.entityId }
  const responsibleId = row.responsibleId ?? c.userId
  const text = `${c.subject}\n\n${c.body}`
  const run: Record<Channel, () => Promise<DunningSendFailureDto | null>> = {
    email: async () => {
      if (!row.counterpartyEmail) return noEmail()
      await sendDunningEmail(
        ports,
        client,
        memberId,
        keyOf('email'),
        { ...party, email: row.counterpartyEmail, responsibleId: c.userId },
        c.subject,
        c.body,
        new Date(ports.now().getTime() - 86_400_000),
      )
      return null
    },
    telegram: async () => {
      if (!row.telegramChatId) return noTelegramChat()
      await sendDunningTelegram(ports, memberId, keyOf('telegram'), row.telegramChatId, text)
      return null
    },
    notify: async () => {
      await notifyDunningUser(ports, client, memberId, keyOf('notify'), responsibleId, `${c.subject}\n${c.body}`)
      return null
    },
    openline: async () => {
      await sendDunningOpenLine(ports, client, memberId, keyOf('openline'), { ...party, userId: responsibleId }, text)
      return null
    },
    call: async () => {
      const rules = await loadDunningRules(ports, memberId)
      callback = await deliverCall(
        ports,
        client,
        memberId,
        { task: keyOf('call'), callback: keyOf('callback') },
        {
          calendar: c.calendar,
          today: c.today,
          lang: c.lang,
          portalLang: c.portalLang,
          mode: rules.callMode,
          counterparty: row.counterpartyName,
          party,
          responsibleId,
          invoices: [{ ...row, daysOverdue: daysOverdueOf(row.dueDate, c.today) }],
          itemBindings: row.itemId && c.entityTypeId ? [`T${c.entityTypeId.toString(16)}_${row.itemId}`] : [],
          reminder: { subject: c.subject, body: c.body },
        },
      )
      return null
    },
  }
  for (const ch of channels) {
    try {
      const no = await run[ch]()
      if (no) failed[ch] = no
      else sent.push(ch)
    } catch (e) {
      if (e instanceof ChannelSkipped) failed[ch] = e.why === 'no-open-line' ? noOpenLine() : noScope(ch)
      else if (e instanceof TelegramNotDelivered || (e instanceof Bitrix24Error && !e.retryable)) {
        const f = sendFailure(e)
        // the portal's refusal of a chat message, a notification or a task is not "the e-mail was not sent"
        failed[ch] =
          f.code === 'dunning.send.portal-refused' && ch !== 'email'
            ? { ...f, params: { ...f.params, rule: 'other' } }
            : f
      } else throw e
    }
  }
  return { sent, failed, callback }
}
