// /api/admin/dunning-review: the review list of reminders that wait for a person (risk segments the
// admin chose), its setting, and the decisions (send all, send one, skip one, change step or text).
// Admins only; thin handlers: parse, call one use-case, map DunningError to 4xx.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { dunningPorts } from '../../../use-cases/dunning/dunning-ports.ts'
import { listDunningReview } from '../../../use-cases/dunning/review-list.ts'
import { saveReviewSettings } from '../../../use-cases/dunning/review-settings.ts'
import { sendAllReviewLines, sendReviewLine, skipReviewLine } from '../../../use-cases/dunning/review-decisions.ts'
import { editReviewLine } from '../../../use-cases/dunning/review-edit.ts'
import type {
  DunningReviewItemDto,
  DunningReviewListDto,
  DunningReviewSendAllDto,
  DunningReviewSettingsDto,
} from '../../../../contracts/dunning-review.ts'
import { idParam, mapped, objectBody } from '../dunning/map-error.ts'

type Params = { id: string }

export async function adminDunningReviewApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => dunningPorts(ctx)
  const who = (s: { memberId: string; userId: number }) => ({ memberId: s.memberId, userId: s.userId })

  scope.get('/admin/dunning-review', async (req): Promise<DunningReviewListDto> => {
    const s = requireAdmin(req)
    return listDunningReview(ports(), s.memberId)
  })
  scope.put('/admin/dunning-review/settings', async (req): Promise<DunningReviewSettingsDto> => {
    const s = requireAdmin(req)
    return mapped(() => saveReviewSettings(ports(), s.memberId, objectBody(req.body), `user:${s.userId}`))
  })
  scope.post('/admin/dunning-review/send-all', async (req): Promise<DunningReviewSendAllDto> => {
    const s = requireAdmin(req)
    return mapped(() => sendAllReviewLines(ports(), who(s)))
  })
  scope.post<{ Params: Params }>('/admin/dunning-review/:id/send', async (req) => {
    const s = requireAdmin(req)
    const id = idParam(req.params.id, 'review line id')
    return mapped(() => sendReviewLine(ports(), who(s), id))
  })
  scope.post<{ Params: Params }>('/admin/dunning-review/:id/skip', async (req) => {
    const s = requireAdmin(req)
    const id = idParam(req.params.id, 'review line id')
    return mapped(() => skipReviewLine(ports(), who(s), id))
  })
  scope.post<{ Params: Params }>('/admin/dunning-review/:id/edit', async (req): Promise<DunningReviewItemDto> => {
    const s = requireAdmin(req)
    const id = idParam(req.params.id, 'review line id')
    return mapped(() => editReviewLine(ports(), who(s), id, objectBody(req.body)))
  })
}
