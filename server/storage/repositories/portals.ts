import type { Db } from '../database.ts'
import { encryptSecret, decryptSecret } from '../crypto.ts'

export interface Portal {
  memberId: string
  domain: string
  clientEndpoint: string
  serverEndpoint: string
  applicationToken: string | null
  status: 'active' | 'disconnected' | 'uninstalled'
  statusReason: string | null
  licenceFamily: string | null
  timezone: string
  lang: string
  appVersion: string | null
  /** After an uninstall with CLEAN: when the portal's data is deleted (null: never). */
  purgeAfter: Date | null
}

export interface PortalTokens {
  accessToken: string
  refreshToken: string
  expiresAt: Date
  userId: number | null
  scope: string | null
  version: number
}

export type PortalInput = Omit<Portal, 'status' | 'statusReason' | 'timezone' | 'lang' | 'purgeAfter'> &
  Partial<Pick<Portal, 'timezone' | 'lang'>>

type Row = {
  member_id: string
  domain: string
  client_endpoint: string
  server_endpoint: string
  application_token: string | null
  status: Portal['status']
  status_reason: string | null
  licence_family: string | null
  timezone: string
  lang: string
  app_version: string | null
  purge_after: Date | null
}

const toPortal = (r: Row): Portal => ({
  memberId: r.member_id,
  domain: r.domain,
  clientEndpoint: r.client_endpoint,
  serverEndpoint: r.server_endpoint,
  applicationToken: r.application_token,
  status: r.status,
  statusReason: r.status_reason,
  licenceFamily: r.licence_family,
  timezone: r.timezone,
  lang: r.lang,
  appVersion: r.app_version,
  purgeAfter: r.purge_after ? new Date(r.purge_after) : null,
})

export function portalsRepository(db: Db, secretKey: string) {
  return {
    async get(memberId: string): Promise<Portal | null> {
      const r = await db.selectFrom('portals').selectAll().where('member_id', '=', memberId).executeTakeFirst()
      return r ? toPortal(r) : null
    },
    async list(status?: Portal['status']): Promise<Portal[]> {
      let q = db.selectFrom('portals').selectAll().orderBy('member_id')
      if (status) q = q.where('status', '=', status)
      return (await q.execute()).map(toPortal)
    },
    async upsert(p: PortalInput): Promise<void> {
      const values = {
        member_id: p.memberId,
        domain: p.domain,
        client_endpoint: p.clientEndpoint,
        server_endpoint: p.serverEndpoint,
        application_token: p.applicationToken,
        licence_family: p.licenceFamily,
        app_version: p.appVersion,
        status: 'active' as const,
        status_reason: null,
        purge_after: null,
        updated_at: new Date(),
        ...(p.timezone ? { timezone: p.timezone } : {}),
        ...(p.lang ? { lang: p.lang } : {}),
      }
      await db
        .insertInto('portals')
        .values(values)
        .onConflict((oc) => oc.column('member_id').doUpdateSet(values))
        .execute()
    },
    async setStatus(memberId: string, status: Portal['status'], reason: string | null): Promise<void> {
      await db
        .updateTable('portals')
        .set({ status, status_reason: reason, updated_at: new Date() })
        .where('member_id', '=', memberId)
        .execute()
    },
    /** Sets (or clears) the date the portal's data is deleted after an uninstall with CLEAN. */
    async schedulePurge(memberId: string, at: Date | null): Promise<void> {
      await db
        .updateTable('portals')
        .set({ purge_after: at, updated_at: new Date() })
        .where('member_id', '=', memberId)
        .execute()
    },
    /** Uninstalled portals whose grace period is over at `now`. */
    async duePurges(now: Date): Promise<Portal[]> {
      const rows = await db
        .selectFrom('portals')
        .selectAll()
        .where('status', '=', 'uninstalled')
        .where('purge_after', '<=', now)
        .orderBy('member_id')
        .execute()
      return rows.map(toPortal)
    },
    async update(
      memberId: string,
      patch: Partial<Pick<Portal, 'licenceFamily' | 'timezone' | 'lang' | 'appVersion' | 'applicationToken'>>,
    ): Promise<void> {
      const set: Record<string, unknown> = { updated_at: new Date() }
      if (patch.licenceFamily !== undefined) set.licence_family = patch.licenceFamily
      if (patch.timezone !== undefined) set.timezone = patch.timezone
      if (patch.lang !== undefined) set.lang = patch.lang
      if (patch.appVersion !== undefined) set.app_version = patch.appVersion
      if (patch.applicationToken !== undefined) set.application_token = patch.applicationToken
      await db.updateTable('portals').set(set).where('member_id', '=', memberId).execute()
    },
    async delete(memberId: string): Promise<void> {
      await db.deleteFrom('portals').where('member_id', '=', memberId).execute()
    },
    async getTokens(memberId: string): Promise<PortalTokens | null> {
      const r = await db.selectFrom('portal_tokens').selectAll().where('member_id', '=', memberId).executeTakeFirst()
      if (!r) return null
      return {
        accessToken: decryptSecret(r.access_token_enc, secretKey),
        refreshToken: decryptSecret(r.refresh_token_enc, secretKey),
        expiresAt: new Date(r.expires_at),
        userId: r.user_id,
        scope: r.scope,
        version: r.version,
      }
    },
    async saveTokens(memberId: string, t: Omit<PortalTokens, 'version'>): Promise<void> {
      const values = {
        member_id: memberId,
        access_token_enc: encryptSecret(t.accessToken, secretKey),
        refresh_token_enc: encryptSecret(t.refreshToken, secretKey),
        expires_at: t.expiresAt,
        user_id: t.userId,
        scope: t.scope,
        updated_at: new Date(),
      }
      await db
        .insertInto('portal_tokens')
        .values(values)
        .onConflict((oc) =>
          oc.column('member_id').doUpdateSet((eb) => ({ ...values, version: eb('portal_tokens.version', '+', 1) })),
        )
        .execute()
    },
  }
}
export type PortalsRepository = ReturnType<typeof portalsRepository>
