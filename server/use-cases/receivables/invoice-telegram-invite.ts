// The invoice e-mail of a counterparty without a Telegram chat offers the one-time link to join
// (counterparty-telegram-link.ts); without a working bot the e-mail goes as it was.
import { DunningError } from '../../domain/dunning/index.ts'
import { issueCounterpartyTelegramLink } from '../dunning/counterparty-telegram-link.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export async function telegramInviteLine(ports: ReceivablesPorts, rec: Receivable, lang: 'ru' | 'en'): Promise<string> {
  try {
    const link = await issueCounterpartyTelegramLink(ports, rec.memberId, rec.counterpartyId, 'system:invoice')
    return lang === 'ru'
      ? `\nНапоминания об оплате можно получать в Telegram: ${link.url} (ссылка действует до ${link.validUntil}).`
      : `\nGet payment reminders in Telegram: ${link.url} (the link works until ${link.validUntil}).`
  } catch (e) {
    if (!(e instanceof DunningError)) throw e
    ports.log.debug({ memberId: rec.memberId, reason: e.message }, 'invoice.telegram-invite-skipped')
    return ''
  }
}
