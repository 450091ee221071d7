// GET routes of the counterparty and receivable tabs.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import {
  ageingReport,
  counterpartyContracts,
  counterpartySummary,
  receivableDetail,
  receivablesPage,
} from '../../../use-cases/receivables/receivables-read.ts'
import { counterpartyType, FILTERS, idParam, intQuery, mapped, oneOf, SORT_KEYS } from './parse.ts'
import { ApiError } from '../../error-handler.ts'
import { requireCompanyWide, requireCounterparty, requireReceivable } from '../access.ts'

type Params = Record<string, string>
type Query = Record<string, unknown>

export async function receivablesReadRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)

  scope.get<{ Params: Params }>('/counterparties/:type/:id/summary', async (req) => {
    const type = counterpartyType(req.params.type)
    const id = idParam(req.params.id, 'counterparty id')
    const s = await requireCounterparty(ctx, req, type, id)
    return counterpartySummary(ports(), s.memberId, type, id)
  })

  scope.get<{ Params: Params }>('/counterparties/:type/:id/contracts', async (req) => {
    const type = counterpartyType(req.params.type)
    const id = idParam(req.params.id, 'counterparty id')
    const s = await requireCounterparty(ctx, req, type, id)
    return counterpartyContracts(ports(), s.memberId, type, id)
  })

  scope.get<{ Querystring: Query }>('/receivables', async (req) => {
    const s = sessionOf(req)
    const q = req.query
    const page = intQuery(q.page, 'page', 1, 1_000_000, 1)
    const pageSize = intQuery(q.pageSize, 'pageSize', 1, 200, 50)
    const search = q.q === undefined ? '' : String(q.q)
    if (search.length > 100) throw new ApiError(400, 'request.invalid-query', 'q must be at most 100 characters')
    const counterparty =
      q.counterpartyType !== undefined || q.counterpartyId !== undefined
        ? { type: counterpartyType(q.counterpartyType), entityId: idParam(q.counterpartyId, 'counterpartyId') }
        : undefined
    // the whole register is a company-wide view; one counterparty's receivables follow its CRM permissions
    if (counterparty) await requireCounterparty(ctx, req, counterparty.type, counterparty.entityId)
    else await requireCompanyWide(ctx, req)
    return receivablesPage(ports(), s.memberId, {
      counterparty,
      q: search.trim() || undefined,
      filter: oneOf(q.filter, FILTERS, 'filter', 'all'),
      sort: oneOf(q.sort, SORT_KEYS, 'sort', 'invoiceDate'),
      dir: oneOf(q.dir, ['asc', 'desc'] as const, 'dir', 'desc'),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    })
  })

  scope.get<{ Params: Params }>('/receivables/:id', async (req) => {
    const s = sessionOf(req)
    const id = idParam(req.params.id, 'receivable id')
    await requireReceivable(ctx, req, id)
    return mapped(() => receivableDetail(ports(), s.memberId, id))
  })

  scope.get<{ Querystring: Query }>('/ageing', async (req) => {
    const s = sessionOf(req)
    const q = req.query
    const counterparty =
      q.counterpartyType !== undefined || q.counterpartyId !== undefined
        ? { type: counterpartyType(q.counterpartyType), entityId: idParam(q.counterpartyId, 'counterpartyId') }
        : undefined
    if (counterparty) await requireCounterparty(ctx, req, counterparty.type, counterparty.entityId)
    else await requireCompanyWide(ctx, req)
    return ageingReport(ports(), s.memberId, counterparty)
  })
}
