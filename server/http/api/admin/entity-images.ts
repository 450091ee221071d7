// /api/admin/legal-entities/:inn/images: the logo, signature and stamp printed on our invoices
// (PNG or JPEG, at most 512 KB each, validated and audited in the use-case). Admins only.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { receivablesPorts } from '../../../use-cases/receivables/receivables-ports.ts'
import { deleteEntityImage, listEntityImages, uploadEntityImage } from '../../../use-cases/admin/legal-entity-images.ts'
import { mapped } from '../receivables/parse.ts'

type Params = { inn: string; kind: string }

export async function adminEntityImagesApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const ports = () => receivablesPorts(ctx)
  const who = (s: { memberId: string; userId: number }) => ({
    memberId: s.memberId,
    actor: `user:${s.userId}`,
    source: 'admin',
  })
  scope.get<{ Params: Pick<Params, 'inn'> }>('/admin/legal-entities/:inn/images', async (req) => ({
    images: await listEntityImages(ports(), requireAdmin(req).memberId, req.params.inn),
  }))
  scope.put<{ Params: Params }>('/admin/legal-entities/:inn/images/:kind', async (req) => {
    const s = requireAdmin(req)
    return { images: await mapped(() => uploadEntityImage(ports(), who(s), req.params.inn, req.params.kind, req.body)) }
  })
  scope.delete<{ Params: Params }>('/admin/legal-entities/:inn/images/:kind', async (req) => {
    const s = requireAdmin(req)
    return { images: await mapped(() => deleteEntityImage(ports(), who(s), req.params.inn, req.params.kind)) }
  })
}
