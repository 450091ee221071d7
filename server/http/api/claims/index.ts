// /api claims module: the claim tab's view, tranche edits and the claim letter. Thin handlers.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { PayoutError } from '../../../domain/claims/payouts.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { readClaim } from '../../../use-cases/claims/read-claim.ts'
import { editClaimTranches, type TrancheEdit } from '../../../use-cases/claims/edit-claim-tranches.ts'
import { generateClaimLetter } from '../../../use-cases/claims/generate-claim-letter.ts'
import { claimsRepository } from '../../../storage/repositories/claims.ts'
import { claimLetterLink } from '../../../use-cases/claims/claim-letter-link.ts'
import type { ClaimViewDto } from '../../../../contracts/claims.ts'
import { idParam, mapped, objectBody } from '../receivables/parse.ts'
import { claimStatementRoute } from './statement-route.ts'
import { claimStageFormRoute } from './stage-form-route.ts'

type Params = Record<string, string>

export async function claimsApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => dunningPorts(ctx)
  const client = (memberId: string) => ctx.b24!.forPortal(memberId)
  const link = (memberId: string, letterId: number) => claimLetterLink(ctx.config.secretKey, memberId, letterId, 3600)
  const run = <T>(work: () => Promise<T>) =>
    mapped(async () => {
      try {
        return await work()
      } catch (e) {
        if (e instanceof PayoutError) throw new ApiError(400, e.code, e.message)
        throw e
      }
    })
  const view = async (memberId: string, itemId: number) =>
    readClaim(ports(), await client(memberId), memberId, itemId, link)
  const itemOf = async (memberId: string, caseId: number) => {
    const c = await claimsRepository(ctx.database.db).get(memberId, caseId)
    if (!c) throw new ApiError(404, 'claim.not-found', `claim ${caseId} not found`)
    return c.itemId
  }
  const edit = async (
    req: { params: Params; body: unknown },
    s: { memberId: string; userId: number },
    e: TrancheEdit,
  ): Promise<ClaimViewDto> => {
    const itemId = await run(async () =>
      editClaimTranches(
        ports(),
        await client(s.memberId),
        s.memberId,
        idParam(req.params.id, 'claim id'),
        e,
        `user:${s.userId}`,
      ),
    )
    return run(() => view(s.memberId, itemId))
  }

  scope.get<{ Params: Params }>('/claims/item/:itemId', async (req) => {
    const s = sessionOf(req)
    return run(() => view(s.memberId, idParam(req.params.itemId, 'item id')))
  })
  scope.post<{ Params: Params }>('/claims/:id/tranches', async (req) => {
    const b = objectBody(req.body)
    return edit(req, sessionOf(req), { op: 'add', deadline: b.deadline, amount: b.amount })
  })
  scope.put<{ Params: Params }>('/claims/:id/tranches/:trancheId', async (req) => {
    const b = objectBody(req.body)
    return edit(req, sessionOf(req), {
      op: 'edit',
      id: idParam(req.params.trancheId, 'tranche id'),
      deadline: b.deadline,
      amount: b.amount,
    })
  })
  scope.delete<{ Params: Params }>('/claims/:id/tranches/:trancheId', async (req) =>
    edit(req, sessionOf(req), { op: 'delete', id: idParam(req.params.trancheId, 'tranche id') }),
  )
  scope.post<{ Params: Params }>('/claims/:id/letter', async (req) => {
    const s = sessionOf(req)
    const itemId = await itemOf(s.memberId, idParam(req.params.id, 'claim id'))
    await run(async () =>
      generateClaimLetter(ports(), await client(s.memberId), s.memberId, itemId, `user:${s.userId}`),
    )
    return run(() => view(s.memberId, itemId))
  })
  await claimStatementRoute(scope, ctx)
  await claimStageFormRoute(scope, ctx)
}
