// Why "Send now" could not use a channel, as a code the page turns into ru/en text
// (contracts/error-messages.ts); the English message stays for logs and API clients.
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import type { DunningSendFailureDto } from '../../../contracts/dunning.ts'

export const noEmail = (): DunningSendFailureDto => ({
  code: 'dunning.send.no-email',
  message: 'the counterparty has no e-mail',
})

export const noTelegramChat = (): DunningSendFailureDto => ({
  code: 'dunning.send.no-telegram-chat',
  message: 'the counterparty has no Telegram chat',
})

export const noOpenLine = (): DunningSendFailureDto => ({
  code: 'dunning.send.no-open-line',
  message: 'no open line is connected for the client',
})

/** The portal did not grant the app the right the channel needs (open lines: imopenlines, the call task: task). */
export const noScope = (channel: 'email' | 'telegram' | 'notify' | 'openline' | 'call'): DunningSendFailureDto => {
  const scope = channel === 'openline' ? 'imopenlines' : channel === 'call' ? 'task' : channel
  return { code: 'dunning.send.no-scope', message: `the app was not granted the ${scope} scope`, params: { scope } }
}

/** A channel's refusal: the Telegram Bot API's description or the portal's error, by what it says. */
export function sendFailure(e: Error): DunningSendFailureDto {
  const message = e.message
  if (e instanceof Bitrix24Error) return { code: 'dunning.send.portal-refused', message, params: { code: e.code } }
  if (/TELEGRAM_BOT_TOKEN/.test(message)) return { code: 'telegram.no-token', message }
  if (/blocked by the user|user is deactivated|kicked/i.test(message))
    return { code: 'dunning.send.telegram-blocked', message }
  if (/chat not found|chat_id is empty|PEER_ID_INVALID/i.test(message))
    return { code: 'dunning.send.telegram-chat-not-found', message }
  if (/unreachable|Too Many|Bad Gateway|HTTP 5\d\d/i.test(message))
    return { code: 'dunning.send.telegram-unreachable', message }
  return { code: 'dunning.send.telegram-refused', message }
}
