// Install and uninstall events forged by a plain portal user. Every user who opens the app gets the
// application_token and a refresh token of their own in the frame POST (reference 1.2), so neither
// proves anything: an uninstall is acted on only when the app's stored tokens stop working (a real
// uninstall revokes them first, 1.5), and an install for a connected portal needs an admin's token and
// never changes the application_token. Data of an uninstall with CLEAN goes after the grace period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import qs from 'qs'
import { sql } from 'kysely'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { startWorkers } from '../../../server/create-context.ts'
import { purgePortal } from '../../../server/use-cases/portal/purge-portal.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let clerkId = 0
let appToken = ''
const form = { 'content-type': 'application/x-www-form-urlencoded' }
const post = (url: string, body: Record<string, unknown>) =>
  w.app.inject({ method: 'POST', url, headers: form, payload: qs.stringify(body) })
const audit = async (action: string) =>
  (
    await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM audit_log WHERE member_id = ${w.memberId} AND action = ${action}`.execute(
      w.ctx.database.db,
    )
  ).rows[0].n

beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
  await startWorkers(w.ctx)
  clerkId = w.sb.admin.addUser(w.portalId, { name: 'Clerk', isAdmin: false }).id
  appToken = (await w.ctx.repos.portals.get(w.memberId))!.applicationToken!
  await w.ctx.repos.settings.set(w.memberId, 'probe', { keep: true }, null)
}, 120_000)
afterAll(async () => w?.close())

describe('a plain user with the frame POST', () => {
  it('gets the application_token, like everyone who opens the app', () => {
    const frame = w.sb.admin.framePost(w.portalId, w.sbApp.id, clerkId)
    expect(frame.fields.APPLICATION_TOKEN).toBe(appToken)
  })

  it('cannot uninstall: the event is accepted, changes nothing and is recorded as a security event', async () => {
    const f = w.sb.admin.framePost(w.portalId, w.sbApp.id, clerkId).fields
    const r = await post('/bitrix/events', {
      event: 'ONAPPUNINSTALL',
      ts: '1',
      data: { LANGUAGE_ID: 'ru', CLEAN: '1' },
      auth: { member_id: f.member_id, application_token: f.APPLICATION_TOKEN, domain: w.portal.domain },
    })
    expect(r.statusCode).toBe(200)
    await expect.poll(() => audit('security.uninstall-forged'), { timeout: 20_000, interval: 200 }).toBe(1)
    expect(await w.ctx.repos.portals.get(w.memberId)).toMatchObject({ status: 'active', purgeAfter: null })
    expect(await w.ctx.repos.settings.get(w.memberId, 'probe')).toEqual({ keep: true })
    expect(await w.ctx.repos.installState.get(w.memberId)).not.toBeNull()
  })

  it('cannot take the portal over with an install event or the install page carrying their own refresh token', async () => {
    const f = w.sb.admin.framePost(w.portalId, w.sbApp.id, clerkId).fields
    const before = await w.ctx.repos.portals.getTokens(w.memberId)
    const r = await post('/bitrix/events', {
      event: 'ONAPPINSTALL',
      ts: '2',
      data: { VERSION: '1', ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'ru' },
      auth: {
        member_id: f.member_id,
        refresh_token: f.REFRESH_ID,
        access_token: f.AUTH_ID,
        application_token: 'attacker-chosen-token-000000000',
        domain: w.portal.domain,
      },
    })
    expect([r.statusCode, r.json().error], r.body).toEqual([403, 'install.not-admin'])
    // the install page registers only portals we do not know: a known one is left as it is
    await post('/bitrix/install', { ...f, APPLICATION_TOKEN: 'attacker-chosen-token-000000000' })
    expect((await w.ctx.repos.portals.get(w.memberId))!.applicationToken).toBe(appToken)
    expect((await w.ctx.repos.portals.getTokens(w.memberId))!.userId).toBe(before!.userId)
    expect(await audit('security.install-takeover-refused')).toBe(1)
    // the portal's real events still pass
    const real = await post('/bitrix/events', {
      event: 'ONCRMDYNAMICITEMUPDATE',
      ts: '3',
      data: { FIELDS: { ID: '999', ENTITY_TYPE_ID: '1' } },
      auth: { member_id: w.memberId, application_token: appToken, domain: w.portal.domain },
    })
    expect(real.statusCode).toBe(200)
  })

  it("an admin's install event reconnects with the admin's token but keeps the application_token", async () => {
    const f = w.sb.admin.framePost(w.portalId, w.sbApp.id, 1).fields
    const r = await post('/bitrix/events', {
      event: 'ONAPPINSTALL',
      ts: '4',
      data: { VERSION: '1', ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: 'ru' },
      auth: {
        member_id: f.member_id,
        refresh_token: f.REFRESH_ID,
        access_token: f.AUTH_ID,
        application_token: 'another-token-000000000000000000',
        domain: w.portal.domain,
      },
    })
    expect(r.statusCode).toBe(200)
    expect((await w.ctx.repos.portals.get(w.memberId))!.applicationToken).toBe(appToken)
  })
})

describe('the real uninstall with CLEAN', () => {
  it('keeps the data for the grace period, a reinstall restores it, and the purge after the grace deletes it', async () => {
    const started = w.ctx.clock.now().getTime() // the app clock decides the grace period
    await w.sb.admin.uninstallApp(w.portalId, w.sbApp.id, { clean: true })
    await expect
      .poll(async () => (await w.ctx.repos.portals.get(w.memberId))?.status, { timeout: 20_000, interval: 200 })
      .toBe('uninstalled')
    const gone = (await w.ctx.repos.portals.get(w.memberId))!
    const days = (gone.purgeAfter!.getTime() - started) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThan(7.01)
    expect(await purgePortal(w.ctx, w.memberId, new Date(gone.purgeAfter!.getTime() - 60_000))).toBe(false)
    expect(await w.ctx.repos.settings.get(w.memberId, 'probe')).toEqual({ keep: true })

    // reinstalled within the grace period: active again, nothing lost, no purge pending
    await w.sb.admin.installApp(w.portalId, w.sbApp.id)
    await installPortal(w.ctx, w.memberId, true)
    w.sb.admin.finishInstall(w.portalId, w.sbApp.id)
    expect(await w.ctx.repos.portals.get(w.memberId)).toMatchObject({ status: 'active', purgeAfter: null })
    expect(await w.ctx.repos.settings.get(w.memberId, 'probe')).toEqual({ keep: true })
    expect(await purgePortal(w.ctx, w.memberId, new Date(gone.purgeAfter!.getTime() + 60_000))).toBe(false)

    // uninstalled again: past the grace period the data goes
    await w.sb.admin.uninstallApp(w.portalId, w.sbApp.id, { clean: true })
    await expect
      .poll(async () => (await w.ctx.repos.portals.get(w.memberId))?.purgeAfter ?? null, { timeout: 20_000 })
      .not.toBeNull()
    const at = (await w.ctx.repos.portals.get(w.memberId))!.purgeAfter!
    expect(await purgePortal(w.ctx, w.memberId, new Date(at.getTime() + 1000))).toBe(true)
    expect(await w.ctx.repos.portals.get(w.memberId)).toBeNull()
    expect(await w.ctx.repos.settings.get(w.memberId, 'probe')).toBeNull()
  })
})
