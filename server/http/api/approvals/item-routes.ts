// The approval tab of a request card: the route view, start/restart, take into work, decisions.
// The server checks the caller IS the current approver (or the operations manager as substitute).
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { sessionOf } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { approvalPorts } from '../../../use-cases/approvals/approval-ports.ts'
import { approvalView } from '../../../use-cases/approvals/read-approval.ts'
import { decideApproval } from '../../../use-cases/approvals/decide-approval.ts'
import { takeApproval } from '../../../use-cases/approvals/take-approval.ts'
import { startApprovalFromTab } from '../../../use-cases/approvals/start-approval-from-tab.ts'
import type {
  ApprovalDecisionResultDto,
  ApprovalStartResultDto,
  ApprovalViewDto,
} from '../../../../contracts/approvals.ts'
import { idParam, intField, mapped, objectBody } from './parse.ts'

type Params = Record<string, string>

export async function approvalItemRoutes(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => approvalPorts(ctx)
  const load = async (memberId: string, id: number) => {
    const r = await ports().approvals.get(memberId, id)
    if (!r) throw new ApiError(404, 'approval.not-found', 'No such approval')
    return r
  }

  scope.get<{ Params: Params }>('/approvals/item/:entityTypeId/:itemId', async (req): Promise<ApprovalViewDto> => {
    const s = sessionOf(req)
    const r = await ports().approvals.getByItem(
      s.memberId,
      idParam(req.params.entityTypeId, 'entityTypeId'),
      idParam(req.params.itemId, 'item id'),
    )
    if (!r)
      throw new ApiError(
        404,
        'approval.not-found',
        'The approval of this request has not started (save a complete request or press Start)',
      )
    return approvalView(ports(), r, s.userId)
  })

  scope.get<{ Params: Params }>('/approvals/:id', async (req): Promise<ApprovalViewDto> => {
    const s = sessionOf(req)
    return approvalView(ports(), await load(s.memberId, idParam(req.params.id, 'approval id')), s.userId)
  })

  scope.post<{ Params: Params }>(
    '/approvals/item/:entityTypeId/:itemId/start',
    async (req, reply): Promise<ApprovalStartResultDto> => {
      const s = sessionOf(req)
      const out = await mapped(() =>
        startApprovalFromTab(
          ports(),
          s.memberId,
          idParam(req.params.entityTypeId, 'entityTypeId'),
          idParam(req.params.itemId, 'item id'),
          s.userId,
        ),
      )
      if (out.status === 'incomplete')
        throw new ApiError(400, 'approval.incomplete-request', out.message, { missing: out.missing })
      if (out.status === 'conflict')
        throw new ApiError(
          409,
          'approval.conflict',
          'The approval was started at the same moment by someone else; reload',
        )
      void reply.status(201)
      return { status: 'started', approval: await approvalView(ports(), out.record, s.userId) }
    },
  )

  scope.post<{ Params: Params }>('/approvals/:id/take', async (req): Promise<ApprovalViewDto> => {
    const s = sessionOf(req)
    const id = idParam(req.params.id, 'approval id')
    await load(s.memberId, id)
    const r = await takeApproval(ports(), s.memberId, id, s.userId, 'ui')
    return approvalView(ports(), r!, s.userId)
  })

  scope.post<{ Params: Params }>('/approvals/:id/decision', async (req): Promise<ApprovalDecisionResultDto> => {
    const s = sessionOf(req)
    const id = idParam(req.params.id, 'approval id')
    const b = objectBody(req.body)
    if (b.decision !== 'approve' && b.decision !== 'reject')
      throw new ApiError(400, 'request.invalid-body', 'decision must be "approve" or "reject"')
    if (b.reason !== undefined && b.reason !== null && (typeof b.reason !== 'string' || b.reason.length > 1000))
      throw new ApiError(400, 'request.invalid-body', 'reason must be text up to 1000 characters')
    if (b.decision === 'reject' && (typeof b.reason !== 'string' || !b.reason.trim()))
      throw new ApiError(400, 'approval.reason-required', 'A rejection needs a reason')
    await load(s.memberId, id)
    const out = await mapped(() =>
      decideApproval(
        ports(),
        {
          memberId: s.memberId,
          approvalId: id,
          round: intField(b.round, 'round', 1, 1_000_000),
          stepIndex: intField(b.stepIndex, 'stepIndex', 0, 100),
          decision: b.decision as 'approve' | 'reject',
          actorId: s.userId,
          reason: (b.reason as string | undefined) ?? null,
        },
        'ui',
      ),
    )
    return { status: out.status, approval: await approvalView(ports(), out.record, s.userId) }
  })
}
