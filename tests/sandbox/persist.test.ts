import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/index.ts'
import { call, makeSpa, sdkFrom } from './harness.ts'

const dir = mkdtempSync(join(tmpdir(), 'sandbox-persist-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('PGlite persistence', () => {
  it('a portal, its smart process, items and tokens survive a restart', async () => {
    const first = await startSandbox({ persistDir: dir })
    const portal = await first.admin.createPortal({ title: 'Persistent' })
    const app = first.admin.registerApp({ code: 'p', clientId: 'local.p', clientSecret: 'sp' })
    const { tokens } = await first.admin.installApp(portal.id, app.id)
    const spa = await makeSpa(sdkFrom(tokens, app), 'Kept')
    first.admin.seedItems(portal.id, spa.entityTypeId, [{ title: 'one' }, { title: 'two' }])
    await first.close()

    const second = await startSandbox({ persistDir: dir })
    try {
      const [again] = second.admin.portals()
      expect(again).toMatchObject({ memberId: portal.memberId, title: 'Persistent' })
      const b24 = sdkFrom(
        { ...tokens, client_endpoint: again.restBase, server_endpoint: `${second.baseUrl}/rest/` },
        app,
      )
      const { items } = await call(b24, 'crm.item.list', { entityTypeId: spa.entityTypeId })
      expect(items.map((i: { title: string }) => i.title)).toEqual(['one', 'two'])
      const added = (await call(b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'three' } }))
        .item
      expect(added.id).toBe(3)
    } finally {
      await second.close()
    }
  })
})
