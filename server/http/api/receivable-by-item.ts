import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { sessionOf } from './session.ts'
import { ApiError } from '../error-handler.ts'
import { findReceivableIdByItem } from '../../use-cases/receivables/find-receivable-by-item.ts'

/** GET /api/items/receivables/:itemId -> { receivableId } (404 when the item is not in the ledger). */
export async function receivableByItemApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.get<{ Params: { itemId: string } }>('/items/receivables/:itemId', async (req) => {
    const s = sessionOf(req)
    const itemId = Number(req.params.itemId)
    if (!Number.isSafeInteger(itemId) || itemId <= 0)
      throw new ApiError(400, 'request.invalid-id', 'itemId must be a positive integer')
    const receivableId = await findReceivableIdByItem(ctx.database.db, s.memberId, itemId)
    if (receivableId === null)
      throw new ApiError(404, 'receivable.not-found', 'This item is not linked to a receivable in the ledger')
    return { receivableId }
  })
}
