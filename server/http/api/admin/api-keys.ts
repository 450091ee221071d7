// /api/admin/api-keys: portal admins create (the key is shown once), list and revoke the keys
// accounting systems use for /api/v1.
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../../context.ts'
import { requireAdmin } from '../session.ts'
import { ApiError } from '../../error-handler.ts'
import { apiKeysRepository, type ApiKey } from '../../../storage/repositories/api-keys.ts'
import { idParam, objectBody } from '../receivables/parse.ts'

export interface ApiKeyDto {
  id: number
  name: string
  prefix: string
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
  revoked: boolean
}
const dto = (k: ApiKey): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdBy: k.createdBy,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revoked: k.revokedAt !== null,
})

export async function apiKeysApi(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  const repo = () => apiKeysRepository(ctx.database.db)
  scope.get('/admin/api-keys', async (req) => (await repo().list(requireAdmin(req).memberId)).map(dto))
  scope.post('/admin/api-keys', async (req, reply) => {
    const s = requireAdmin(req)
    const name = objectBody(req.body).name
    if (typeof name !== 'string' || !name.trim() || name.length > 100)
      throw new ApiError(
        400,
        'api-key.name',
        'name: say in up to 100 characters what the key is for (e.g. "1C Accounting")',
      )
    const { key, record } = await repo().create(s.memberId, name.trim(), `user:${s.userId}`)
    await ctx.repos.audit.record({
      memberId: s.memberId,
      actor: `user:${s.userId}`,
      source: 'api',
      action: 'api-key.created',
      entity: 'api-key',
      entityId: String(record.id),
      details: { name: record.name, prefix: record.prefix },
    })
    return reply.status(201).send({ ...dto(record), key })
  })
  scope.delete<{ Params: { id: string } }>('/admin/api-keys/:id', async (req) => {
    const s = requireAdmin(req)
    const id = idParam(req.params.id, 'key id')
    if (!(await repo().revoke(s.memberId, id)))
      throw new ApiError(404, 'api-key.not-found', `no live API key ${id} in this portal`)
    await ctx.repos.audit.record({
      memberId: s.memberId,
      actor: `user:${s.userId}`,
      source: 'api',
      action: 'api-key.revoked',
      entity: 'api-key',
      entityId: String(id),
      details: {},
    })
    return { revoked: true }
  })
}
