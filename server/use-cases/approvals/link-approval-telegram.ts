// Linking a Telegram account once: our tab shows a one-time code; "/start <code>" to the bot links
// the chat to that portal user.
import { randomBytes } from 'node:crypto'
import type { ApprovalPorts } from './approval-ports.ts'

const CODE_TTL_MS = 15 * 60_000
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export async function createTelegramLinkCode(
  ports: ApprovalPorts,
  memberId: string,
  userId: number,
): Promise<{ code: string; expiresAt: string }> {
  const code = [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  const expiresAt = new Date(ports.now().getTime() + CODE_TTL_MS)
  await ports.telegramLinks.createCode(memberId, userId, code, expiresAt)
  return { code, expiresAt: expiresAt.toISOString() }
}

export async function linkTelegramChat(
  ports: ApprovalPorts,
  code: string,
  chatId: number,
): Promise<{ memberId: string; userId: number } | null> {
  const owner = await ports.telegramLinks.consumeCode(code.trim().toUpperCase(), ports.now())
  if (!owner) return null
  await ports.telegramLinks.link(owner.memberId, owner.userId, chatId)
  await ports.audit.record({
    memberId: owner.memberId,
    actor: `user:${owner.userId}`,
    source: 'telegram',
    action: 'telegram.linked',
    entity: 'user',
    entityId: String(owner.userId),
  })
  return owner
}
