import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import qs from 'qs'
import { sql } from 'kysely'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { reconcile } from '../../../install/reconcile.ts'
import { startWorkers } from '../../../server/create-context.ts'
import { uninstallPortal } from '../../../server/use-cases/portal/uninstall-portal.ts'
import { purgePortal } from '../../../server/use-cases/portal/purge-portal.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
})
afterAll(async () => w.close())

const uninstallBody = (token: string) =>
  qs.stringify({
    event: 'ONAPPUNINSTALL',
    data: { LANGUAGE_ID: 'ru', CLEAN: '1' },
    ts: '1',
    auth: { member_id: w.memberId, application_token: token, domain: w.portal.domain },
  })

describe('app lifecycle', () => {
  it('an uninstall with a forged application_token deletes nothing', async () => {
    const r = await w.app.inject({
      method: 'POST',
      url: '/bitrix/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: uninstallBody('forged-token'),
    })
    expect(r.statusCode).toBe(401)
    expect(await w.ctx.repos.portals.get(w.memberId)).toMatchObject({ status: 'active' })
    expect(await w.ctx.repos.installState.get(w.memberId)).not.toBeNull()
  })

  it('a changed APP_BASE_URL updates only handler URLs', async () => {
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const state = await w.ctx.repos.installState.get(w.memberId)
    const moved = `${w.ctx.config.http.baseUrl}/new-base`
    const plan = await reconcile(
      { client, state, baseUrl: moved, appVersion: '1', lang: 'ru', robots: w.ctx.robotCatalog! },
      false,
    )
    const kinds = new Set(plan.ops.map((o) => o.kind))
    expect(kinds.has('event') && kinds.has('placement')).toBe(true)
    expect([...kinds].every((k) => ['event', 'placement', 'robot'].includes(k))).toBe(true)
    const applied = await reconcile(
      { client, state, baseUrl: moved, appVersion: '1', lang: 'ru', robots: w.ctx.robotCatalog! },
      true,
    )
    expect(w.sb.admin.eventBindings(w.portalId).every((b) => String(b.handler).startsWith(moved))).toBe(true)
    expect(w.sb.admin.placements(w.portalId).every((p) => String(p.handler).startsWith(moved))).toBe(true)
    // and back, so the portal talks to this test's app again
    await reconcile(
      {
        client,
        state: applied.state,
        baseUrl: w.ctx.config.http.baseUrl,
        appVersion: '1',
        lang: 'ru',
        robots: w.ctx.robotCatalog!,
      },
      true,
    )
  })

  it('the Market uninstall with CLEAN deletes our data for that portal only, after the grace period', async () => {
    const other = 'member-other-portal'
    await w.ctx.repos.portals.upsert({
      memberId: other,
      domain: 'o.test',
      clientEndpoint: 'https://o.test/rest/',
      serverEndpoint: 'https://o/rest/',
      applicationToken: 'x',
      licenceFamily: null,
      appVersion: '1',
    })
    await w.ctx.repos.settings.set(other, 'probe', { keep: true }, null)
    await w.ctx.repos.settings.set(w.memberId, 'probe', { keep: false }, null)
    await startWorkers(w.ctx)
    await w.sb.admin.uninstallApp(w.portalId, w.sbApp.id, { clean: true })
    // kept through the grace period (forged-lifecycle.test.ts), deleted by the purge after it
    await expect
      .poll(async () => (await w.ctx.repos.portals.get(w.memberId))?.purgeAfter ?? null, { timeout: 20_000 })
      .not.toBeNull()
    const at = (await w.ctx.repos.portals.get(w.memberId))!.purgeAfter!
    expect(await purgePortal(w.ctx, w.memberId, new Date(at.getTime() + 1000))).toBe(true)
    expect(await w.ctx.repos.portals.get(w.memberId)).toBeNull()
    const left = await sql<{
      n: number
    }>`SELECT count(*)::int AS n FROM portal_settings WHERE member_id = ${w.memberId}`.execute(w.ctx.database.db)
    expect(left.rows[0].n).toBe(0)
    expect(await w.ctx.repos.settings.get(other, 'probe')).toEqual({ keep: true })
  })
})

describe('app update', () => {
  it('the first tab opened after a new version queues one reconcile for that portal', async () => {
    const v = await connectSandboxApp({ env: { B24_APP_VERSION: '2' } })
    try {
      await v.ctx.repos.portals.update(v.memberId, { appVersion: '1' })
      for (let i = 0; i < 2; i++) {
        const r = await v.app.inject({
          method: 'POST',
          url: '/bitrix/placements/counterparty-receivables',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `member_id=${v.memberId}`,
        })
        expect(r.statusCode).toBe(200)
      }
      const jobs = await v.ctx.queue.boss.findJobs<{ memberId: string }>('portal-install', { queued: true })
      expect(jobs.map((j) => j.data.memberId)).toEqual([v.memberId])
    } finally {
      await v.close()
    }
  })
})

describe('uninstall from the command line', () => {
  it('plans, then removes our events, placements and robots, and keeps our data', async () => {
    const v = await connectSandboxApp()
    try {
      await installPortal(v.ctx, v.memberId, true)
      const plan = await uninstallPortal(v.ctx, v.memberId, false, false)
      expect(new Set(plan.map((o) => o.kind))).toEqual(new Set(['event', 'placement', 'robot']))
      expect(plan.every((o) => o.action === 'delete')).toBe(true)
      expect(v.sb.admin.robots(v.portalId).length).toBeGreaterThan(0)
      await uninstallPortal(v.ctx, v.memberId, true, false)
      expect(v.sb.admin.robots(v.portalId)).toHaveLength(0)
      expect(v.sb.admin.placements(v.portalId)).toHaveLength(0)
      expect(v.sb.admin.eventBindings(v.portalId)).toHaveLength(0)
      expect(await v.ctx.repos.installState.get(v.memberId)).toMatchObject({
        robots: [],
        placements: [],
        eventHandlers: [],
      })
      expect(await v.ctx.repos.portals.get(v.memberId)).toMatchObject({ status: 'uninstalled' })
    } finally {
      await v.close()
    }
  })
})
