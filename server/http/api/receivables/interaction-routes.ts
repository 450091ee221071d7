// The counterparty tab's interaction history, "hand over" a receivable to a colleague (a task) and
// "ping" the responsible of a task or activity (a portal notification).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { readInteractions } from '../../../use-cases/receivables/read-interactions.ts'
import { handOverReceivable } from '../../../use-cases/receivables/hand-over-receivable.ts'
import { pingResponsible } from '../../../use-cases/receivables/ping-responsible.ts'
import type { HandOverResultDto, InteractionHistoryDto, PingResultDto } from '../../../../contracts/interactions.ts'
import { counterpartyType, idParam, mapped, objectBody } from './parse.ts'

type Params = Record<string, string>

export async function interactionRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => dunningPorts(ctx)
  const client = (memberId: string) => ctx.b24!.forPortal(memberId)

  scope.get<{ Params: Params }>(
    '/counterparties/:type/:id/interactions',
    async (req): Promise<InteractionHistoryDto> => {
      const s = sessionOf(req)
      const type = counterpartyType(req.params.type)
      const id = idParam(req.params.id, 'counterparty id')
      return { items: await readInteractions(ports(), await client(s.memberId), s.memberId, type, id) }
    },
  )

  scope.post<{ Params: Params }>('/receivables/:id/hand-over', async (req): Promise<HandOverResultDto> => {
    const s = sessionOf(req)
    const b = objectBody(req.body)
    const id = idParam(req.params.id, 'receivable id')
    return mapped(async () =>
      handOverReceivable(ports(), await client(s.memberId), {
        memberId: s.memberId,
        byUserId: s.userId,
        receivableId: id,
        userId: b.userId,
        comment: b.comment,
        requestId: b.requestId,
      }),
    )
  })

  scope.post('/interactions/ping', async (req): Promise<PingResultDto> => {
    const s = sessionOf(req)
    const b = objectBody(req.body)
    return mapped(async () =>
      pingResponsible(ports(), await client(s.memberId), {
        memberId: s.memberId,
        byUserId: s.userId,
        kind: b.kind,
        id: b.id,
        requestId: b.requestId,
      }),
    )
  })
}
