// POST routes: create a receivable, record a payment, reverse a payment. Each is one use-case:
// a ledger transaction, then a keyed mirror job; bad input is a 4xx and changes nothing.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { createReceivable } from '../../../use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../../use-cases/receivables/record-payment.ts'
import { reversePayment } from '../../../use-cases/receivables/reverse-payment.ts'
import { closeContract, reopenContract } from '../../../use-cases/receivables/close-contract.ts'
import { receivableRow } from '../../../use-cases/receivables/receivables-read.ts'
import { portalDay } from '../../../use-cases/receivables/receivable-calendar.ts'
import type { PaymentOutcomeDto, ReceivableRowDto } from '../../../../contracts/receivables.ts'
import { counterpartyType, idParam, knownFields, mapped, objectBody } from './parse.ts'

type Params = Record<string, string>

const contractRef = (p: Params, s: { memberId: string; userId: number }) => ({
  memberId: s.memberId,
  actor: `user:${s.userId}`,
  counterparty: { type: counterpartyType(p.type), entityId: idParam(p.id, 'counterparty id') },
  contractId: idParam(p.contractId, 'contract id'),
})

function optionalObject(v: unknown, name: string): Record<string, unknown> | null {
  if (v === undefined || v === null) return null
  if (typeof v !== 'object' || Array.isArray(v))
    throw new ApiError(400, 'request.invalid-body', `${name} must be an object`)
  return v as Record<string, unknown>
}

const optionalId = (v: unknown, name: string) => {
  if (v === undefined || v === null) return null
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0)
    throw new ApiError(400, 'request.invalid-body', `${name} must be a positive integer`)
  return v
}

export async function receivablesWriteRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)

  scope.post('/receivables', async (req, reply): Promise<ReceivableRowDto> => {
    const s = sessionOf(req)
    const b = objectBody(req.body)
    const cp = optionalObject(b.counterparty, 'counterparty')
    if (!cp) throw new ApiError(400, 'request.invalid-body', 'counterparty is required')
    const contract = optionalObject(b.contract, 'contract')
    const rec = await mapped(() =>
      createReceivable(
        ports(),
        { memberId: s.memberId, actor: `user:${s.userId}`, source: 'ui' },
        {
          counterparty: {
            type: counterpartyType(cp.type),
            id: optionalId(cp.id, 'counterparty.id') ?? 0,
            name: typeof cp.name === 'string' ? cp.name.slice(0, 255) : null,
          },
          contract: contract
            ? {
                number: contract.number as string,
                date: typeof contract.date === 'string' ? contract.date : null,
                legalEntity: typeof contract.legalEntity === 'string' ? contract.legalEntity.slice(0, 255) : null,
                paymentTermsDays: optionalId(contract.paymentTermsDays, 'contract.paymentTermsDays'),
                paymentTermsKind: contract.paymentTermsKind,
                penaltyTerms: contract.penaltyTerms,
              }
            : null,
          invoiceNumber: b.invoiceNumber,
          invoiceDate: b.invoiceDate,
          dueDate: b.dueDate,
          amount: b.amount,
          currency: b.currency,
          responsibleId: optionalId(b.responsibleId, 'responsibleId') ?? s.userId,
        },
      ),
    )
    void reply.status(201)
    return receivableRow(ports(), s.memberId, rec.id)
  })

  scope.post<{ Params: Params }>('/receivables/:id/payments', async (req, reply): Promise<PaymentOutcomeDto> => {
    const s = sessionOf(req)
    const id = idParam(req.params.id, 'receivable id')
    const b = objectBody(req.body)
    const out = await mapped(() =>
      recordPayment(
        ports(),
        { memberId: s.memberId, actor: `user:${s.userId}`, source: 'ui' },
        {
          receivableId: id,
          amount: b.amount,
          paidOn: b.paidOn,
          source: 'manual',
          sourceRef: b.sourceRef,
          comment: b.comment,
          typedByPerson: { confirmAdvance: b.confirmAdvance === true },
        },
      ),
    )
    void reply.status(out.duplicate ? 200 : 201)
    return { payment: out.payment, receivable: await receivableRow(ports(), s.memberId, id), duplicate: out.duplicate }
  })

  scope.post<{ Params: Params }>('/counterparties/:type/:id/contracts/:contractId/close', async (req) => {
    const s = sessionOf(req)
    const ref = contractRef(req.params, s)
    return { status: await mapped(() => closeContract(ports(), ref, objectBody(req.body))) }
  })

  scope.post<{ Params: Params }>('/counterparties/:type/:id/contracts/:contractId/reopen', async (req) => {
    const s = sessionOf(req)
    return { status: await mapped(() => reopenContract(ports(), contractRef(req.params, s))) }
  })

  scope.post<{ Params: Params }>('/payments/:id/reverse', async (req, reply): Promise<PaymentOutcomeDto> => {
    const s = sessionOf(req)
    const id = idParam(req.params.id, 'payment id')
    const b = req.body === undefined || req.body === null ? {} : knownFields(objectBody(req.body), ['reason'])
    if (b.reason !== undefined && (typeof b.reason !== 'string' || b.reason.length > 1000))
      throw new ApiError(400, 'request.invalid-body', 'reason must be text up to 1000 characters')
    const { today } = await portalDay(ports(), s.memberId)
    const out = await mapped(() =>
      reversePayment(
        ports(),
        { memberId: s.memberId, actor: `user:${s.userId}`, source: 'ui' },
        id,
        (b.reason as string | undefined) ?? null,
        today,
      ),
    )
    void reply.status(201)
    return {
      payment: out.payment,
      receivable: await receivableRow(ports(), s.memberId, out.receivable.id),
      duplicate: false,
    }
  })
}
