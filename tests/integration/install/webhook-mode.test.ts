// Incoming-webhook mode: the install runs through the SDK's B24Hook (over TLS in front of the
// sandbox) and creates the smart processes; events, robots and placements are skipped, because a
// webhook cannot have them. A second run changes nothing; uninstall --purge lists our processes and
// our field on the company card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts'
import { createTestContext } from '../../helpers/app.ts'
import { startHttpsProxy } from '../../helpers/https-proxy.ts'
import { connectWebhookPortal } from '../../../server/use-cases/portal/connect-webhook-portal.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { uninstallPortal } from '../../../server/use-cases/portal/uninstall-portal.ts'

let sb: Sandbox
let proxy: Awaited<ReturnType<typeof startHttpsProxy>>
let t: Awaited<ReturnType<typeof createTestContext>>
let portalId: number
let memberId: string

beforeAll(async () => {
  sb = await startSandbox()
  const portal = await sb.admin.createPortal({ title: 'Webhook portal' })
  portalId = portal.id
  sb.admin.setLimits(portalId, { burst: 100_000, drain: 100_000 })
  const hook = sb.admin.addWebhook(portalId, 1)
  const u = new URL(hook.url)
  proxy = await startHttpsProxy(`http://${u.host}`)
  t = await createTestContext({ B24_WEBHOOK_URL: `${proxy.origin}${u.pathname}`, B24_RATE_LIMIT: '100000/100000' })
  memberId = (await connectWebhookPortal(t.ctx))!
})
afterAll(async () => {
  await t?.dispose()
  await proxy?.close()
  await sb?.close()
})

describe('incoming-webhook mode', () => {
  it('registers the webhook portal once, without OAuth tokens', async () => {
    expect(memberId).toMatch(/^webhook-127\.0\.0\.1/)
    expect(await connectWebhookPortal(t.ctx)).toBe(memberId)
    expect(await t.ctx.repos.portals.get(memberId)).toMatchObject({ status: 'active' })
    expect(await t.ctx.repos.portals.getTokens(memberId)).toBeNull()
  })

  it('installs the smart processes through the webhook and skips what needs an application', async () => {
    const ops = await installPortal(t.ctx, memberId, true)
    expect(ops.filter((o) => o.kind === 'smart-process').map((o) => o.action)).toEqual(['create', 'create', 'create'])
    expect(ops.some((o) => ['event', 'placement', 'robot'].includes(o.kind))).toBe(false)
    const types = (await sb.admin.call<{ types: { title: string }[] }>(portalId, 'crm.type.list', {})).result.types
    expect(types).toHaveLength(3)
    expect(sb.admin.robots(portalId)).toHaveLength(0)
    expect(sb.admin.requestLog(portalId).every((e) => e.auth === 'webhook')).toBe(true)
    expect(await installPortal(t.ctx, memberId, false)).toEqual([])
  })

  it('uninstall lists nothing to unbind and, with purge, our three processes and the company field', async () => {
    expect(await uninstallPortal(t.ctx, memberId, false, false)).toEqual([])
    const purge = await uninstallPortal(t.ctx, memberId, false, true)
    expect(purge.map((o) => `${o.kind}:${o.action}:${o.target}`).sort()).toEqual([
      'field:delete:company.contractStatus',
      'smart-process:delete:approvals',
      'smart-process:delete:claims',
      'smart-process:delete:receivables',
    ])
  })
})
