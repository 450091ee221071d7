// /api/dunning/counterparties/:type/:id: the collection settings of the counterparty tab (read; the
// POST .../settings beside the plan saves them) and the one-time Telegram link the client joins by.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireCounterparty } from '../access.ts'
import { ApiError } from '../../error-handler.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import {
  readCounterpartyDunning,
  requireLedgerCounterparty,
} from '../../../use-cases/dunning/read-counterparty-dunning.ts'
import { issueCounterpartyTelegramLink } from '../../../use-cases/dunning/counterparty-telegram-link.ts'
import type { CounterpartyTelegramLinkDto, DunningCounterpartySettingsDto } from '../../../../contracts/dunning.ts'
import { idParam, mapped } from './map-error.ts'

type Req = FastifyRequest<{ Params: Record<string, string> }>

export function counterpartyParams(req: Req): { type: 'company' | 'contact'; id: number } {
  const type = req.params.type
  if (type !== 'company' && type !== 'contact')
    throw new ApiError(400, 'request.invalid-counterparty', 'counterparty type must be "company" or "contact"')
  return { type, id: idParam(req.params.id, 'counterparty id') }
}

export async function dunningCounterpartyRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get<{ Params: Record<string, string> }>(
    '/dunning/counterparties/:type/:id/settings',
    async (req): Promise<DunningCounterpartySettingsDto> => {
      const cp = counterpartyParams(req)
      const s = await requireCounterparty(ctx, req, cp.type, cp.id)
      return mapped(() => readCounterpartyDunning(dunningPorts(ctx), s.memberId, cp.type, cp.id))
    },
  )

  scope.post<{ Params: Record<string, string> }>(
    '/dunning/counterparties/:type/:id/telegram-link',
    async (req, reply): Promise<CounterpartyTelegramLinkDto> => {
      const cp = counterpartyParams(req)
      const s = await requireCounterparty(ctx, req, cp.type, cp.id)
      const ports = dunningPorts(ctx)
      const link = await mapped(async () =>
        issueCounterpartyTelegramLink(
          ports,
          s.memberId,
          await requireLedgerCounterparty(ports, s.memberId, cp.type, cp.id),
          `user:${s.userId}`,
        ),
      )
      void reply.status(201)
      return link
    },
  )
}
