// Telegram linking from the approval tab: a one-time code to send to the bot as "/start <code>".
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { approvalPorts } from '../../../use-cases/approvals/approval-ports.ts'
import { createTelegramLinkCode } from '../../../use-cases/approvals/link-approval-telegram.ts'
import type { TelegramLinkCodeDto } from '../../../../contracts/approvals.ts'

export async function approvalTelegramRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.post('/approvals/telegram/link-code', async (req, reply): Promise<TelegramLinkCodeDto> => {
    const s = sessionOf(req)
    const ports = approvalPorts(ctx)
    const { code, expiresAt } = await createTelegramLinkCode(ports, s.memberId, s.userId)
    void reply.status(201)
    return {
      code,
      expiresAt,
      command: `/start ${code}`,
      linked: (await ports.telegramLinks.chatOf(s.memberId, s.userId)) !== null,
    }
  })

  scope.get('/approvals/telegram/link', async (req): Promise<{ linked: boolean }> => {
    const s = sessionOf(req)
    return { linked: (await approvalPorts(ctx).telegramLinks.chatOf(s.memberId, s.userId)) !== null }
  })
}
