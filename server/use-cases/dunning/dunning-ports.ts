// What the dunning use-cases need: the receivables ports plus the dunning repository and Telegram.
import type { AppDeps } from '../app-deps.ts'
import { createTelegramClient, type TelegramClient } from '../../channels/telegram-client.ts'
import { dunningRepository, type DunningRepository } from '../../storage/repositories/dunning.ts'
import { receivablesPorts, type ReceivablesPorts } from '../receivables/receivables-ports.ts'
import { dunningReviewRepository, type DunningReviewRepository } from '../../storage/repositories/dunning-review.ts'
import { approvalTelegramRepository } from '../../storage/repositories/approval-telegram.ts'

export interface DunningPorts extends ReceivablesPorts {
  repo: DunningRepository
  /** The lines waiting for review (reminders of the segments the admin reviews). */
  review: DunningReviewRepository
  telegram: TelegramClient
  /** The chat an employee linked through the approvals bot (/start code), if any. */
  approvalChatOf: (memberId: string, userId: number) => Promise<number | null>
}

export function dunningPorts(
  ctx: AppDeps,
  o: Partial<Pick<DunningPorts, 'clients' | 'installState' | 'now' | 'telegram' | 'send'>> = {},
): DunningPorts {
  const base = receivablesPorts(ctx, o)
  return {
    ...base,
    ...(o.send ? { send: o.send, sendMany: undefined } : {}),
    repo: dunningRepository(ctx.database.db),
    review: dunningReviewRepository(ctx.database.db),
    approvalChatOf: (memberId, userId) => approvalTelegramRepository(ctx.database.db).chatOf(memberId, userId),
    telegram:
      o.telegram ??
      createTelegramClient({ botToken: ctx.config.telegram.botToken, apiBase: ctx.config.telegram.apiBase }),
  }
}
