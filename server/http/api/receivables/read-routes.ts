// GET routes of the counterparty and receivable tabs.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables-ports.ts'
import { ageingReport, counterpartyContracts, counterpartySummary, receivableDetail, receivablesPage } from '../../../use-cases/receivables-read.ts'
import { counterpartyType, FILTERS, idParam, intQuery, mapped, oneOf, SORT_KEYS } from './parse.ts'
import { ApiError } from '../../error-handler.ts'

type Params = Record<string, string>
type Query = Record<string, unknown>

export async function receivablesReadRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)

  scope.get<{ Params: Params }>('/counterparties/:type/:id/summary', async (req) => {
    const s = sessionOf(req)
    return counterpartySummary(ports(), s.memberId, counterpartyType(req.params.type), idParam(req.params.id, 'counterparty id'))
  })

  scope.get<{ Params: Params }>('/counterparties/:type/:id/contracts', async (req) => {
    const s = sessionOf(req)
    return counterpartyContracts(ports(), s.memberId, counterpartyType(req.params.type), idParam(req.params.id, 'counterparty id'))
  })

  scope.get<{ Querystring: Query }>('/receivables', async (req) => {
    const s = sessionOf(req)
    const q = req.query
    const page = intQuery(q.page, 'page', 1, 1_000_000, 1)
    const pageSize = intQuery(q.pageSize, 'pageSize', 1, 200, 50)
    const search = q.q === undefined ? '' : String(q.q)
    if (search.length > 100) throw new ApiError(400, 'request.invalid-query', 'q must be at most 100 characters')
    const counterparty = q.counterpartyType !== undefined || q.counterpartyId !== undefined
      ? { type: counterpartyType(q.counterpartyType), entityId: idParam(q.counterpartyId, 'counterpartyId') } : undefined
    return receivablesPage(ports(), s.memberId, {
      counterparty, q: search.trim() || undefined, filter: oneOf(q.filter, FILTERS, 'filter', 'all'), sort: oneOf(q.sort, SORT_KEYS, 'sort', 'invoiceDate'),
      dir: oneOf(q.dir, ['asc', 'desc'] as const, 'dir', 'desc'), limit: pageSize, offset: (page - 1) * pageSize,
    })
  })

  scope.get<{ Params: Params }>('/receivables/:id', async (req) => {
    const s = sessionOf(req)
    const id = idParam(req.params.id, 'receivable id')
    return mapped(() => receivableDetail(ports(), s.memberId, id))
  })

  scope.get<{ Querystring: Query }>('/ageing', async (req) => {
    const s = sessionOf(req)
    const q = req.query
    const counterparty = q.counterpartyType !== undefined || q.counterpartyId !== undefined
      ? { type: counterpartyType(q.counterpartyType), entityId: idParam(q.counterpartyId, 'counterpartyId') } : undefined
    return ageingReport(ports(), s.memberId, counterparty)
  })
}
