// Per-portal API keys: stored as SHA-256 only; found by hash (the key names its portal).
import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../database.ts'

export interface ApiKey {
  id: number
  memberId: string
  name: string
  prefix: string
  createdBy: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex')
type Row = {
  id: number
  member_id: string
  name: string
  prefix: string
  created_by: string
  created_at: Date
  last_used_at: Date | null
  revoked_at: Date | null
}
const toKey = (r: Row): ApiKey => ({
  id: Number(r.id),
  memberId: r.member_id,
  name: r.name,
  prefix: r.prefix,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
})
const cols = ['id', 'member_id', 'name', 'prefix', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const

export function apiKeysRepository(db: Db) {
  return {
    /** A new key: the plain text is returned once and never stored. */
    async create(memberId: string, name: string, createdBy: string): Promise<{ key: string; record: ApiKey }> {
      const key = `rck_${randomBytes(24).toString('base64url')}`
      const r = await db
        .insertInto('api_keys')
        .values({
          member_id: memberId,
          name,
          key_hash: hashApiKey(key),
          prefix: key.slice(0, 10),
          created_by: createdBy,
        })
        .returning(cols)
        .executeTakeFirstOrThrow()
      return { key, record: toKey(r as Row) }
    },
    async list(memberId: string): Promise<ApiKey[]> {
      return (
        await db.selectFrom('api_keys').select(cols).where('member_id', '=', memberId).orderBy('id').execute()
      ).map((r) => toKey(r as Row))
    },
    async revoke(memberId: string, id: number): Promise<boolean> {
      const r = await db
        .updateTable('api_keys')
        .set({ revoked_at: new Date() })
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    /** The live key with this plain text; null when unknown or revoked. "Last used" is written at
     * most once a minute, so a busy accounting system does not turn every call into a write. */
    async authenticate(key: string): Promise<ApiKey | null> {
      const r = await db
        .selectFrom('api_keys')
        .select(cols)
        .where('key_hash', '=', hashApiKey(key))
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      if (!r) return null
      const found = toKey(r as Row)
      if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
        await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', found.id).execute()
      }
      return found
    },
  }
}
