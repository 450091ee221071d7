// Notifications of approvals: a portal system notification, and the same text in Telegram when the
// person linked their account (with Approve / Reject buttons for a decision).
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InlineButton } from '../../channels/telegram-client.ts'
import type { ApprovalPorts } from './approval-ports.ts'

export async function notifyUser(
  ports: ApprovalPorts,
  client: PortalClient,
  memberId: string,
  userId: number,
  message: string,
  tag: string,
): Promise<void> {
  await client.call('im.notify.system.add', { USER_ID: userId, MESSAGE: message, TAG: tag }, { idempotent: false })
}

export function decisionButtons(approvalId: number, round: number, step: number, lang: 'ru' | 'en'): InlineButton[][] {
  return [
    [
      { text: lang === 'ru' ? '✅ Согласовать' : '✅ Approve', callbackData: `ap:a:${approvalId}:${round}:${step}` },
      { text: lang === 'ru' ? '❌ Отклонить' : '❌ Reject', callbackData: `ap:r:${approvalId}:${round}:${step}` },
    ],
  ]
}

/** Sends to the user's linked Telegram chat; false when not linked or not delivered. */
export async function telegramUser(
  ports: ApprovalPorts,
  memberId: string,
  userId: number,
  text: string,
  buttons?: InlineButton[][],
): Promise<boolean> {
  const chat = await ports.telegramLinks.chatOf(memberId, userId)
  if (chat === null) return false
  const r = await ports.telegram.sendMessage(chat, text, buttons)
  if (!r.delivered) ports.log.warn({ memberId, userId, reason: r.reason }, 'approval.telegram.not-delivered')
  return r.delivered
}
