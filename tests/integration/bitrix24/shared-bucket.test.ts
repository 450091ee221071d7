// Two app instances (two client factories over one database, as two processes would be on
// PostgreSQL) share the portal's bucket: no 503 reaches them, and after the burst they keep the
// portal's bucket busy (>= 90% of its drain rate).
import { afterEach, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { createPortalClients } from '../../../server/bitrix24/client/portal-clients.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>> | null = null
afterEach(async () => {
  await w?.close()
  w = null
})

describe('shared rate limit across two instances', () => {
  it('never exceeds the sandbox bucket and keeps it >= 90% busy', async () => {
    w = await connectSandboxApp({ limits: true, licenseFamily: 'ent' }) // 5 req/s, burst 250: a short test
    const a = await createPortalClients(w.ctx).forPortal(w.memberId)
    const b = await createPortalClients(w.ctx).forPortal(w.memberId)
    w.sb.admin.resetCounters(w.portalId)
    const started = Date.now()
    const calls = 320
    await Promise.all(Array.from({ length: calls }, (_, i) => (i % 2 ? a : b).call('profile')))
    const seconds = (Date.now() - started) / 1000
    const counters = w.sb.admin.counters(w.portalId)
    expect(counters.status503).toBe(0)
    // our share is burst 240 at 4.9/s: the 80 calls past the burst must flow at >= 90% of the
    // portal's 5/s (80 / 4.5 = 17.8 s), plus a second of start-up
    const afterBurst = calls - 240
    expect(seconds).toBeLessThan(afterBurst / (0.9 * 5) + 1)
  }, 60_000)
})
