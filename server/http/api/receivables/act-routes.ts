// POST /api/counterparties/:type/:id/reconciliation-acts {from, to?, contractId?}: makes the act (PDF
// and XLSX), stores it and answers its number, totals and short-lived links to both files.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import type { ReconciliationActDto } from '../../../../contracts/reconciliation-act.ts'
import { sessionOf } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { generateReconciliationAct } from '../../../use-cases/receivables/generate-reconciliation-act.ts'
import { reconciliationActLink } from '../../../use-cases/receivables/reconciliation-act-link.ts'
import { counterpartyType, idParam, knownFields, mapped, objectBody } from './parse.ts'
import { requireCounterparty } from '../access.ts'
import { ApiError } from '../../error-handler.ts'

type Params = Record<string, string>

const day = (v: unknown, name: string): string => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new ApiError(400, 'request.invalid-body', `${name} must be a date YYYY-MM-DD`, { field: name })
  return v
}

export async function actRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.post<{ Params: Params }>(
    '/counterparties/:type/:id/reconciliation-acts',
    async (req, reply): Promise<ReconciliationActDto> => {
      const type = counterpartyType(req.params.type)
      const id = idParam(req.params.id, 'counterparty id')
      const b = knownFields(objectBody(req.body), ['from', 'to', 'contractId'])
      const from = day(b.from, 'from')
      const to = b.to === undefined || b.to === null ? undefined : day(b.to, 'to')
      const contractId =
        b.contractId === undefined || b.contractId === null
          ? null
          : idParam(typeof b.contractId === 'number' ? String(b.contractId) : b.contractId, 'contractId')
      const s = sessionOf(req)
      await requireCounterparty(ctx, req, type, id)
      const act = await mapped(() =>
        generateReconciliationAct(
          receivablesPorts(ctx),
          s.memberId,
          { type, entityId: id, contractId, from, ...(to ? { to } : {}) },
          `user:${s.userId}`,
        ),
      )
      const now = ctx.clock.now().getTime()
      const link = (kind: 'pdf' | 'xlsx') =>
        reconciliationActLink(ctx.config.secretKey, s.memberId, act.id, kind, 3600, now)
      reply.code(201)
      return {
        id: act.id,
        number: act.number,
        date: act.model.date,
        from: act.model.act.from,
        to: act.model.act.to,
        opening: act.model.act.opening,
        debit: act.model.act.debit,
        credit: act.model.act.credit,
        closing: act.model.act.closing,
        rows: act.model.act.rows.length,
        pdfUrl: link('pdf'),
        xlsxUrl: link('xlsx'),
      }
    },
  )
}
