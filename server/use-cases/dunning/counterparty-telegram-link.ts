// A counterparty's Telegram chat joins by a one-time deep link, https://t.me/<bot>?start=cp_<token>
// (Bot API deep linking: the start parameter is up to 64 of A-Z a-z 0-9 _ -). The tab and the invoice
// e-mail offer it; "/start cp_<token>" to the bot binds that chat to the counterparty once, and the
// reminders go there (dunning_counterparties.telegram_chat_id). No chat id is ever typed.
import { createHash, randomBytes } from 'node:crypto'
import { DunningError } from '../../domain/dunning/index.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import { formatDate } from '../../documents/format.ts'
import { counterpartyTelegramRepository, type TokenUse } from '../../storage/repositories/counterparty-telegram.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'

export const COUNTERPARTY_LINK_TTL_DAYS = 7
export const COUNTERPARTY_TOKEN_PREFIX = 'cp_'
const TOKEN = /^cp_[A-Za-z0-9_-]{24}$/

type LinkPorts = Pick<ReceivablesPorts, 'db' | 'now' | 'telegram' | 'audit' | 'portalOf'>

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

export interface CounterpartyTelegramLink {
  url: string
  expiresAt: string
  /** the last day the link works, dd.mm.yyyy in the portal's time zone (for the e-mail line) */
  validUntil: string
}

/** A fresh one-time link for the counterparty; refused (nothing stored) when the bot does not answer. */
export async function issueCounterpartyTelegramLink(
  ports: LinkPorts,
  memberId: string,
  counterpartyId: number,
  createdBy: string,
): Promise<CounterpartyTelegramLink> {
  const me = await ports.telegram.getMe()
  if (!me.ok || !me.username)
    throw new DunningError('dunning.telegram-unavailable', `the Telegram bot is not available: ${me.reason ?? '-'}`, {
      reason: me.reason ?? '',
    })
  const token = `${COUNTERPARTY_TOKEN_PREFIX}${randomBytes(18).toString('base64url')}`
  const now = ports.now()
  const expiresAt = new Date(now.getTime() + COUNTERPARTY_LINK_TTL_DAYS * 86_400_000)
  await counterpartyTelegramRepository(ports.db).createToken({
    tokenHash: hashOf(token),
    memberId,
    counterpartyId,
    createdBy,
    expiresAt,
    now,
  })
  const portal = await ports.portalOf(memberId)
  const lang = portal?.lang === 'ru' ? 'ru' : 'en'
  return {
    url: `https://t.me/${me.username}?start=${token}`,
    expiresAt: expiresAt.toISOString(),
    validUntil: formatDate(localDateOf(portal?.timezone ?? 'Europe/Moscow', expiresAt.getTime()), lang),
  }
}

export function isCounterpartyToken(payload: string): boolean {
  return payload.startsWith(COUNTERPARTY_TOKEN_PREFIX)
}

/** "/start cp_<token>" from a chat: binds it once; the answer for the chat in the counterparty's language. */
export async function bindCounterpartyChat(
  ports: LinkPorts,
  token: string,
  chatId: number,
): Promise<{ use: TokenUse; answer: string }> {
  const use: TokenUse = TOKEN.test(token)
    ? await counterpartyTelegramRepository(ports.db).useToken(hashOf(token), String(chatId), ports.now())
    : { status: 'unknown' }
  if (use.status === 'linked')
    await ports.audit.record({
      memberId: use.memberId,
      actor: `telegram:${chatId}`,
      source: 'telegram',
      action: 'dunning.telegram-linked',
      entity: 'counterparty',
      entityId: String(use.counterpartyId),
      details: { chatId: String(chatId) },
    })
  return { use, answer: await answerFor(ports, use) }
}

async function answerFor(ports: LinkPorts, use: TokenUse): Promise<string> {
  if (use.status === 'unknown')
    return (
      'Ссылка недействительна. Попросите у вашего менеджера новую ссылку. / ' +
      'This link is not valid. Ask your manager for a new one.'
    )
  const cp = await ports.db
    .selectFrom('counterparties as c')
    .leftJoin('dunning_counterparties as d', (j) =>
      j.onRef('d.counterparty_id', '=', 'c.id').onRef('d.member_id', '=', 'c.member_id'),
    )
    .select(['c.name', 'd.lang'])
    .where('c.id', '=', use.counterpartyId)
    .executeTakeFirst()
  const lang = cp?.lang ?? ((await ports.portalOf(use.memberId))?.lang === 'ru' ? 'ru' : 'en')
  const name = cp?.name ?? ''
  const texts = {
    linked: {
      ru: `Готово: этот чат подключён к напоминаниям об оплате счетов «${name}».`,
      en: `Done: this chat now receives the payment reminders for "${name}".`,
    },
    used: {
      ru: 'Эта ссылка уже использована, чат не изменён. Попросите у вашего менеджера новую ссылку.',
      en: 'This link has already been used; nothing was changed. Ask your manager for a new one.',
    },
    expired: {
      ru:
        `Срок действия ссылки истёк (${COUNTERPARTY_LINK_TTL_DAYS} дней), чат не изменён. ` +
        'Попросите у вашего менеджера новую ссылку.',
      en:
        `This link has expired (${COUNTERPARTY_LINK_TTL_DAYS} days); nothing was changed. ` +
        'Ask your manager for a new one.',
    },
  }
  return texts[use.status === 'already-linked' ? 'linked' : use.status][lang]
}
