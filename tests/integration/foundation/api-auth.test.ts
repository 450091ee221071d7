import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, seedPortal } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a')
  await seedPortal(t.ctx, 'member-gone')
  await t.ctx.repos.portals.setStatus('member-gone', 'uninstalled', 'test')
})
afterAll(async () => t.dispose())

describe('/api session binding', () => {
  it.each([
    ['no credentials', {}, 401, 'auth.required'],
    ['token without portal', { authorization: 'Bearer abc' }, 401, 'auth.required'],
    ['malformed member id', { authorization: 'Bearer abc', 'x-b24-member-id': '../x' }, 401, 'auth.malformed'],
    ['unknown portal', { authorization: 'Bearer abc', 'x-b24-member-id': 'member-zzz' }, 401, 'auth.unknown-portal'],
    [
      'uninstalled portal',
      { authorization: 'Bearer abc', 'x-b24-member-id': 'member-gone' },
      401,
      'auth.unknown-portal',
    ],
  ])('refuses %s', async (_n, headers, status, code) => {
    const r = await t.app.inject({ method: 'GET', url: '/api/whoami', headers })
    expect(r.statusCode).toBe(status)
    expect(r.json().error).toBe(code)
  })
})
