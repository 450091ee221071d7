// /api/admin/stage-templates: the print forms of the recovery stages (upload a DOCX with
// {{variables}} or a PDF as base64, list, delete, preview with sample values). Admins only.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import {
  listStageTemplates,
  previewStageTemplate,
  removeStageTemplate,
  uploadStageTemplate,
} from '../../../use-cases/admin/stage-templates-admin.ts'
import { mapped } from '../receivables/parse.ts'
import { sendDocument } from '../claims/send-document.ts'

type Params = { stage: string }

export async function adminStageTemplatesApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  const who = (s: { memberId: string; userId: number }) => ({
    memberId: s.memberId,
    actor: `user:${s.userId}`,
    source: 'admin',
  })
  scope.get('/admin/stage-templates', async (req) => listStageTemplates(ports(), requireAdmin(req).memberId))
  scope.put<{ Params: Params }>('/admin/stage-templates/:stage', { bodyLimit: 3 * 1024 * 1024 }, async (req) => {
    const s = requireAdmin(req)
    return mapped(async () => ({ templates: await uploadStageTemplate(ports(), who(s), req.params.stage, req.body) }))
  })
  scope.delete<{ Params: Params }>('/admin/stage-templates/:stage', async (req) => {
    const s = requireAdmin(req)
    return mapped(async () => ({ templates: await removeStageTemplate(ports(), who(s), req.params.stage) }))
  })
  scope.get<{ Params: Params }>('/admin/stage-templates/:stage/preview', async (req, reply) => {
    const s = requireAdmin(req)
    return sendDocument(reply, await mapped(() => previewStageTemplate(ports(), s.memberId, req.params.stage)))
  })
}
