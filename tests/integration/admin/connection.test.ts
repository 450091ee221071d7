// The admin page's connection card against the sandbox portal: opening the tab does not re-run the
// install dry-run each time (the check is kept for a few minutes), "check now" does; a broken
// portal (an event unbound) is repaired with the install apply, audited as the admin who ran it;
// the texts are codes the UI words in ru/en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { CONNECTION_CHECK_TTL_MS, readConnection } from '../../../server/use-cases/portal/read-connection.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let clerk: number
type View = {
  status: string
  hint: string | null
  outdated: boolean
  plan: { count: number; operations: string[]; error: string | null; checkedAt: string | null }
}
const call = async <T>(method: 'GET' | 'POST', url: string, user = 1, payload: object = {}) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
    ...(method === 'POST' ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
// what the app asked the portal with its own tokens (the user's token check is not the tab's cost)
const appRequests = () =>
  w.sb.admin
    .requestLog(w.portalId)
    .filter((e) => e.auth === 'oauth' && !['user.current', 'user.admin', 'profile', 'app.info'].includes(e.method))

beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('admin connection card', () => {
  it('opening the tab again costs the portal nothing; "check now" runs the full dry-run', async () => {
    await w.ctx.repos.settings.set(w.memberId, 'connection.check', null, null)
    w.sb.admin.resetCounters(w.portalId)
    const first = await call<View>('GET', '/admin/connection')
    expect(first.body).toMatchObject({ status: 'active', hint: null, outdated: false, plan: { count: 0, error: null } })
    const dryRun = appRequests().length
    expect(dryRun).toBeGreaterThan(2)
    w.sb.admin.resetCounters(w.portalId)
    for (let i = 0; i < 3; i++)
      expect((await call<View>('GET', '/admin/connection')).body.plan.checkedAt).toBe(first.body.plan.checkedAt)
    expect(appRequests().map((e) => e.method)).toEqual([])
    const checked = await call<View>('POST', '/admin/connection/check')
    expect(checked.status).toBe(200)
    expect(appRequests().length).toBe(dryRun)
    expect(Date.parse(checked.body.plan.checkedAt!)).toBeGreaterThanOrEqual(Date.parse(first.body.plan.checkedAt!))
    // the kept check runs out after a few minutes
    w.sb.admin.resetCounters(w.portalId)
    await readConnection(w.ctx, w.memberId, { now: new Date(Date.now() + CONNECTION_CHECK_TTL_MS + 1000) })
    expect(appRequests().length).toBe(dryRun)
    expect((await call('POST', '/admin/connection/check', clerk)).status).toBe(403)
  })

  it('a broken portal: check now shows what to repair, the repair re-binds it, audited as the admin', async () => {
    const binding = w.sb.admin.eventBindings(w.portalId)[0] as unknown as { event: string; handler: string }
    const client = await w.ctx.b24!.forPortal(w.memberId)
    await client.call('event.unbind', { event: binding.event, handler: binding.handler })
    expect(
      w.sb.admin.eventBindings(w.portalId).some((b) => b.event === binding.event && b.handler === binding.handler),
    ).toBe(false)
    const broken = await call<View>('POST', '/admin/connection/check')
    expect(broken.body).toMatchObject({ status: 'active', hint: 'repair' })
    expect(broken.body.plan.count).toBeGreaterThan(0)
    expect(broken.body.plan.operations.join('\n')).toContain(binding.event)
    // the kept check says the same until it is repaired
    expect((await call<View>('GET', '/admin/connection')).body).toMatchObject({
      hint: 'repair',
      plan: { count: broken.body.plan.count },
    })
    const applied = await call<{ steps: string[]; operations: unknown[] }>('POST', '/install/apply')
    expect(applied.status).toBe(200)
    expect(applied.body.operations.length).toBe(broken.body.plan.count)
    expect(
      w.sb.admin.eventBindings(w.portalId).some((b) => b.event === binding.event && b.handler === binding.handler),
    ).toBe(true)
    // applying forgot the kept check: the tab shows the portal as it is now
    expect((await call<View>('GET', '/admin/connection')).body).toMatchObject({ hint: null, plan: { count: 0 } })
    const audit = await w.ctx.database.db
      .selectFrom('audit_log')
      .select(['actor'])
      .where('member_id', '=', w.memberId)
      .where('action', '=', 'install.applied')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.actor).toBe('user:1')
  })

  it('a portal installed by another version is outdated: the card offers the repair', async () => {
    await w.ctx.repos.portals.update(w.memberId, { appVersion: 'old-build' })
    try {
      expect((await call<View>('GET', '/admin/connection')).body).toMatchObject({ outdated: true, hint: 'repair' })
    } finally {
      await w.ctx.repos.portals.update(w.memberId, { appVersion: w.ctx.config.b24.appVersion })
    }
  })

  it('disconnected: the reason and a hint code, no English sentence for the Russian UI', async () => {
    await w.ctx.repos.portals.setStatus(w.memberId, 'disconnected', 'invalid_grant: the refresh token was refused')
    w.ctx.portalLookup.invalidate(w.memberId)
    try {
      const d = await call<View & { reason: string }>('GET', '/admin/connection')
      expect(d.body).toMatchObject({
        status: 'disconnected',
        reason: 'invalid_grant: the refresh token was refused',
        hint: 'reinstall-from-market',
      })
      expect(JSON.stringify(d.body)).not.toMatch(/Market page|Open the app/)
    } finally {
      await w.ctx.repos.portals.setStatus(w.memberId, 'active', null)
      w.ctx.portalLookup.invalidate(w.memberId)
    }
  })

  it("reconnect: a disconnected portal is connected again with the admin frame's refresh token, audited; a forged one changes nothing", async () => {
    await w.ctx.repos.portals.setStatus(w.memberId, 'disconnected', 'invalid_grant: the refresh token was refused')
    w.ctx.portalLookup.invalidate(w.memberId)
    const forged = await call<{ error: string }>('POST', '/admin/connection/reconnect', 1, {
      refreshToken: 'forged-refresh-token',
    })
    expect(forged).toMatchObject({ status: 409, body: { error: 'connection.refused' } })
    expect((await call('POST', '/admin/connection/reconnect', 1, {})).status).toBe(400)
    const frame = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { refresh_token: string }
    expect(
      (await call('POST', '/admin/connection/reconnect', clerk, { refreshToken: frame.refresh_token })).status,
    ).toBe(403)
    expect(await w.ctx.repos.portals.get(w.memberId)).toMatchObject({ status: 'disconnected' })
    const r = await call<View>('POST', '/admin/connection/reconnect', 1, { refreshToken: frame.refresh_token })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ status: 'active', hint: null, plan: { count: 0, error: null } })
    expect(await w.ctx.repos.portals.get(w.memberId)).toMatchObject({ status: 'active', statusReason: null })
    const audit = await w.ctx.database.db
      .selectFrom('audit_log')
      .select(['actor'])
      .where('member_id', '=', w.memberId)
      .where('action', '=', 'portal.reconnected')
      .execute()
    expect(audit.map((a) => a.actor)).toEqual(['user:1'])
  })

  it('a call the portal refuses shows in the card with its method, documented code and status', async () => {
    // several, so that a background install job of the previous test cannot use up the only one
    w.sb.admin.failNext(w.portalId, {
      count: 5,
      kind: 'error',
      status: 403,
      error: 'insufficient_scope',
      method: 'crm.type.list',
    })
    const r = await call<View>('POST', '/admin/connection/check')
    expect(r.body.hint).toBe('repair')
    expect(r.body.plan.error).toMatch(/^crm\.type\.list: insufficient_scope \(HTTP 403\)/)
    w.sb.admin.clearFaults(w.portalId)
  })
})
