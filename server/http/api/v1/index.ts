// /api/v1: the public API for accounting systems, authenticated by a per-portal API key (not by a
// portal user's token). POST /payments reports a payment; GET /openapi.json describes the API.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { ApiError } from '../../error-handler.ts'
import { apiKeysRepository, type ApiKey } from '../../../storage/repositories/api-keys.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { receiveApiPayment, type ApiPaymentInput } from '../../../use-cases/statements/receive-api-payment.ts'
import type { StatementLine } from '../../../storage/repositories/statements.ts'
import { mapped, objectBody } from '../receivables/parse.ts'
import { openApiDocument } from './openapi.ts'
import { isValidInn } from '../../../domain/parties/inn.ts'

const result = (l: StatementLine, duplicate: boolean) => ({
  id: l.id,
  reference: l.docNumber,
  amount: l.amount,
  paidOn: l.valueDate,
  status: l.status === 'assigned' ? 'matched' : l.status,
  reason: l.status === 'review' ? l.reason : null,
  allocations: l.allocations,
  duplicate,
  /** a payer INN with wrong control digits: the payment waits for review, never matched by it */
  warnings: l.payerInn && !isValidInn(l.payerInn) ? [{ code: 'inn-invalid', inn: l.payerInn }] : [],
})

export async function v1Api(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const keyOf = async (req: FastifyRequest): Promise<ApiKey> => {
    const h = req.headers.authorization ?? ''
    const key = h.startsWith('Bearer ') ? h.slice(7).trim() : ''
    if (!key)
      throw new ApiError(
        401,
        'auth.api-key-required',
        'Send the API key as Authorization: Bearer <key> (an administrator creates it in the app)',
      )
    const found = key.length <= 100 ? await apiKeysRepository(ctx.database.db).authenticate(key) : null
    if (!found) {
      req.log.warn({ prefix: key.slice(0, 6) }, 'api.v1.key-rejected')
      throw new ApiError(401, 'auth.api-key-invalid', 'This API key is unknown or revoked')
    }
    const portal = await ctx.portalLookup(found.memberId)
    if (!portal || portal.status !== 'active')
      throw new ApiError(401, 'auth.unknown-portal', 'The portal of this key is not connected to the app')
    return found
  }
  scope.get('/v1/openapi.json', { config: { auth: 'none' } }, async () => openApiDocument(ctx.config.http.baseUrl))
  scope.post('/v1/payments', { config: { auth: 'none' } }, async (req, reply) => {
    const key = await keyOf(req)
    const out = await mapped(() =>
      receiveApiPayment(dunningPorts(ctx), key.memberId, key.name, objectBody(req.body) satisfies ApiPaymentInput),
    )
    return reply.status(out.duplicate ? 200 : 201).send(result(out.line, out.duplicate))
  })
}
