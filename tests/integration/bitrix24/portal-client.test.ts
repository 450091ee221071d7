import { afterEach, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { createPortalClients } from '../../../server/bitrix24/client/portal-clients.ts'

type World = Awaited<ReturnType<typeof connectSandboxApp>>
let w: World | null = null
afterEach(async () => {
  await w?.close()
  w = null
})

async function spa(world: World) {
  const r = await world.sb.admin.call<{ type: { entityTypeId: number } }>(world.portalId, 'crm.type.add', {
    fields: { title: 'Probe', isStagesEnabled: 'Y' },
  })
  return r.result.type.entityTypeId
}

describe('portal client on the official SDK against the sandbox', () => {
  it('calls, batches with $result references and funnels errors into Bitrix24Error', async () => {
    w = await connectSandboxApp()
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const info = await client.call<{ INSTALLED: boolean }>('app.info')
    expect(info.INSTALLED).toBe(true)
    const etid = await spa(w)
    const b = await client.batch<{ item: { id: number; title: string } }>({
      a: { method: 'crm.item.add', params: { entityTypeId: etid, fields: { title: 'first' } } },
      b: { method: 'crm.item.get', params: { entityTypeId: etid, id: '$result[a][item][id]' } },
    })
    expect(b.results.b.item.title).toBe('first')
    await expect(client.call('crm.item.get', { entityTypeId: etid, id: 999999 })).rejects.toMatchObject({
      name: 'Bitrix24Error',
      code: 'NOT_FOUND',
      retryable: false,
    })
    await expect(client.call('no.such.method')).rejects.toMatchObject({ code: 'ERROR_METHOD_NOT_FOUND', status: 404 })
  })

  it('keeps the portals used last: one pushed out is built again from its stored tokens and still calls', async () => {
    w = await connectSandboxApp()
    const clients = createPortalClients(w.ctx, 1)
    const first = await clients.forPortal(w.memberId)
    expect(await clients.forPortal(w.memberId)).toBe(first)
    // another portal used after it (here one that is not connected) pushes it out: one client kept
    await expect(clients.forPortal('no-such-member')).rejects.toMatchObject({ code: 'PORTAL_DISCONNECTED' })
    const again = await clients.forPortal(w.memberId)
    expect(again).not.toBe(first)
    expect((await again.call<{ INSTALLED: boolean }>('app.info')).INSTALLED).toBe(true)
    expect(await clients.forPortal(w.memberId)).toBe(again)
  })

  /** A portal with `n` items; read() lists them all and says what the portal saw. */
  async function listing(n: number) {
    const world = (w = await connectSandboxApp())
    const etid = await spa(world)
    world.sb.admin.seedItems(
      world.portalId,
      etid,
      Array.from({ length: n }, (_, i) => ({ title: `i${i}` })),
    )
    const client = await world.ctx.b24!.forPortal(world.memberId)
    return async (expectRows?: number) => {
      world.sb.admin.resetCounters(world.portalId)
      const items = await client.listAll<{ id: number }>(
        'crm.item.list',
        { entityTypeId: etid, select: ['id', 'title'] },
        { itemsKey: 'items', idField: 'id', ...(expectRows === undefined ? {} : { expectRows }) },
      )
      const c = world.sb.admin.counters(world.portalId)
      return { n: new Set(items.map((i) => i.id)).size, requests: c.requests, commands: c.byMethod['crm.item.list'] }
    }
  }

  it('reads 10,000 items in at most 5 HTTP requests (batched fast listing)', async () => {
    const read = await listing(10_000)
    const r = await read()
    expect(r.n).toBe(10_000)
    expect(r.requests).toBeLessThanOrEqual(5)
  })

  it('reads 120 items in one request of 3 list commands, not 50 (no query past the end for nothing)', async () => {
    const read = await listing(120)
    expect(await read()).toEqual({ n: 120, requests: 1, commands: 3 })
  })

  it('sizes its batches to the rows expected, and a list longer than expected is still read whole', async () => {
    const read = await listing(3_000)
    // 60 full pages and the empty one after them: 50 + 11 commands in 2 requests
    expect(await read(3_000)).toEqual({ n: 3_000, requests: 2, commands: 61 })
    // told 100: 3 pages, then full batches
    expect(await read(100)).toEqual({ n: 3_000, requests: 3, commands: 103 })
  })

  it('50 concurrent calls with an expired token cause exactly one refresh, persisted', async () => {
    w = await connectSandboxApp()
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const before = await w.ctx.repos.portals.getTokens(w.memberId)
    w.sb.admin.expireTokens(w.portalId)
    const results = await Promise.all(Array.from({ length: 50 }, () => client.call<{ ID: number }>('profile')))
    expect(results).toHaveLength(50)
    const clients = w.ctx.b24 as ReturnType<typeof createPortalClients>
    expect(clients.broker.refreshCount()).toBe(1)
    const after = await w.ctx.repos.portals.getTokens(w.memberId)
    expect(after!.refreshToken).not.toBe(before!.refreshToken)
  })

  it('the request the SDK repeats after a refresh takes its own place in the shared bucket: no limit answer', async () => {
    // our share is 10 of the portal's 10: every request the portal sees must have been paced by us
    w = await connectSandboxApp({ limits: true, env: { B24_RATE_LIMIT: '10/5' } })
    w.sb.admin.setLimits(w.portalId, { burst: 10, drain: 5 })
    const client = await w.ctx.b24!.forPortal(w.memberId)
    await new Promise((r) => setTimeout(r, 2_500)) // the install's calls have drained
    w.sb.admin.resetCounters(w.portalId)
    w.sb.admin.expireTokens(w.portalId)
    // 10 calls, each answered 401 once and repeated by the SDK with the new pair: 20 requests
    const results = await Promise.all(Array.from({ length: 10 }, () => client.call<{ ID: number }>('profile')))
    expect(results).toHaveLength(10)
    const counters = w.sb.admin.counters(w.portalId)
    expect(counters.requests).toBeGreaterThanOrEqual(20)
    expect(counters.limitExceeded).toBe(0)
  })

  it("calls made with a user's own token wait in the same shared bucket as the app's", async () => {
    // our share is one place under the portal's burst: requests that leave in order may arrive a little
    // out of it on a loaded machine; without the shared pace the user's 4 calls still overrun it at once
    w = await connectSandboxApp({ limits: true, env: { B24_RATE_LIMIT: '9/5' } })
    w.sb.admin.setLimits(w.portalId, { burst: 10, drain: 5 })
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const userId = w.sb.admin.addUser(w.portalId, { name: 'Boss', isAdmin: true }).id
    const { access_token } = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, userId) as { access_token: string }
    await new Promise((r) => setTimeout(r, 2_500)) // the install's calls have drained
    w.sb.admin.resetCounters(w.portalId)
    // the app's calls fill our share; the user's session checks and CRM reads come on top
    await Promise.all([
      ...Array.from({ length: 10 }, () => client.call('profile')),
      ...Array.from({ length: 3 }, () => w!.ctx.verifyUserToken!(w!.memberId, access_token, { fresh: true })),
      w.ctx.userCrmAccess!(w.memberId, access_token, 'company', [1, 2]),
    ])
    const counters = w.sb.admin.counters(w.portalId)
    expect(counters.requests).toBeGreaterThanOrEqual(14)
    expect(counters.limitExceeded).toBe(0)
  })

  it('invalid_grant marks the portal disconnected, kept not deleted', async () => {
    w = await connectSandboxApp()
    const client = await w.ctx.b24!.forPortal(w.memberId)
    await w.ctx.repos.portals.saveTokens(w.memberId, {
      ...(await w.ctx.repos.portals.getTokens(w.memberId))!,
      refreshToken: 'revoked-or-reused',
    })
    w.sb.admin.expireTokens(w.portalId)
    await expect(client.call('profile')).rejects.toMatchObject({ code: 'PORTAL_DISCONNECTED' })
    const portal = await w.ctx.repos.portals.get(w.memberId)
    expect(portal).toMatchObject({ status: 'disconnected' })
    expect(portal!.statusReason).toMatch(/invalid_grant/)
  })
})
