// Approve / Reject buttons ("ap:a|r:<approvalId>:<round>:<step>") and the reason of a rejection
// (the next text message of that chat). Every decision goes through decide-approval, exactly as
// if it was taken in the portal.
import type { TelegramHandler } from './telegram-handler.ts'
import { ApprovalError } from '../../domain/approvals/index.ts'
import { approvalPorts, type ApprovalPorts } from '../../use-cases/approvals/approval-ports.ts'
import { decideApproval, type DecideInput } from '../../use-cases/approvals/decide-approval.ts'

const REASON_TTL_MS = 30 * 60_000
const CALLBACK = /^ap:([ar]):(\d{1,15}):(\d{1,6}):(\d{1,3})$/

async function decideFromTelegram(ports: ApprovalPorts, input: DecideInput): Promise<string> {
  try {
    const out = await decideApproval(ports, input, 'telegram')
    if (out.status === 'already-decided') return 'Это решение уже принято. / Already decided.'
    return input.decision === 'approve' ? 'Согласовано. / Approved.' : 'Отклонено. / Rejected.'
  } catch (e) {
    if (e instanceof ApprovalError) return e.message
    throw e
  }
}

export const approvalCallback: TelegramHandler = async (ctx, update) => {
  const ports = approvalPorts(ctx)
  const cb = update.callback!
  const m = CALLBACK.exec(cb.data)
  const user = await ports.telegramLinks.userOfChat(update.chatId)
  if (!m || !user || update.fromId !== update.chatId) {
    await ports.telegram.answerCallback(
      cb.id,
      user
        ? 'Unknown button'
        : 'Привяжите аккаунт на вкладке «Согласование». / Link your account in the Approval tab first.',
    )
    return
  }
  const [, action, id, round, step] = m
  const input: DecideInput = {
    memberId: user.memberId,
    approvalId: Number(id),
    round: Number(round),
    stepIndex: Number(step),
    decision: 'approve',
    actorId: user.userId,
  }
  if (action === 'r') {
    await ports.telegramLinks.setReasonPrompt({
      chatId: update.chatId,
      memberId: user.memberId,
      approvalId: input.approvalId,
      round: input.round!,
      stepIndex: input.stepIndex!,
      expiresAt: new Date(ports.now().getTime() + REASON_TTL_MS),
    })
    await ports.telegram.answerCallback(cb.id, 'Напишите причину отклонения. / Send the reason.')
    await ports.telegram.sendMessage(
      update.chatId,
      'Напишите причину отклонения одним сообщением. / Send the reason for the rejection in one message.',
    )
    return
  }
  const answer = await decideFromTelegram(ports, input)
  await ports.telegram.answerCallback(cb.id, answer)
  if (cb.messageId !== null) await ports.telegram.clearButtons(update.chatId, cb.messageId)
}

/** A plain text message: the reason of a rejection the chat was asked for (else ignored). */
export const approvalReasonText: TelegramHandler = async (ctx, update) => {
  const ports = approvalPorts(ctx)
  if (!update.text || update.fromId !== update.chatId) return
  const prompt = await ports.telegramLinks.takeReasonPrompt(update.chatId, ports.now())
  const user = prompt ? await ports.telegramLinks.userOfChat(update.chatId) : null
  if (!prompt || !user || user.memberId !== prompt.memberId) return
  const answer = await decideFromTelegram(ports, {
    memberId: prompt.memberId,
    approvalId: prompt.approvalId,
    round: prompt.round,
    stepIndex: prompt.stepIndex,
    decision: 'reject',
    actorId: user.userId,
    reason: update.text.slice(0, 1000),
  })
  await ports.telegram.sendMessage(update.chatId, answer)
}
