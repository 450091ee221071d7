// Who hears about statement lines, on the admin page against the sandbox portal: the default is the
// approval roles' accountants; a valid list is stored and audited, an unchanged one writes nothing;
// bad forms are refused with the field named; non-admins are refused; the saved people may then
// open the statements queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import type { StatementSettingsDto } from '../../../contracts/statement-settings.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let clerk: number
let chief: number
let anna: number
const call = async <T>(method: 'GET' | 'PUT', url: string, payload?: unknown, user = 1) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  })
  return { status: r.statusCode, body: r.json() as T & { error?: string; message?: string } }
}
const audits = async () =>
  w.ctx.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'details'])
    .where('member_id', '=', w.memberId)
    .where('entity_id', '=', 'statements')
    .orderBy('id')
    .execute()
const stored = () => w.ctx.repos.settings.get(w.memberId, 'statements')

beforeAll(async () => {
  w = await connectSandboxApp()
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
  chief = w.sb.admin.addUser(w.portalId, { name: 'Ольга', lastName: 'Главбух' }).id
  anna = w.sb.admin.addUser(w.portalId, { name: 'Анна', lastName: 'Бухгалтер' }).id
  await w.ctx.repos.settings.set(w.memberId, 'approvals.roles', { chiefAccountant: chief }, 'test')
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('statement settings (admin)', () => {
  it("GET: nothing stored, the approval roles' accountants hear", async () => {
    const r = await call<StatementSettingsDto>('GET', '/admin/statement-settings')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      stored: { notifyIds: [] },
      effective: [chief],
      defaults: { chiefAccountant: chief, juniorAccountant: null },
    })
  })

  it('PUT: bad forms are refused with the field named and store nothing; non-admins get 403', async () => {
    for (const [body, message] of [
      [{ notifyIds: [anna], extra: 1 }, /unknown field "extra"/],
      [{ notifyIds: [anna, -1] }, /notifyIds\[1\] must be a portal user id/],
      [{ notifyIds: String(anna) }, /notifyIds must be a list/],
      [{}, /missing notifyIds/],
      [[anna], /body must be an object/],
    ] as const) {
      const r = await call('PUT', '/admin/statement-settings', body)
      expect(r, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
      expect(r.body.message).toMatch(message)
    }
    expect((await call('PUT', '/admin/statement-settings', { notifyIds: [clerk] }, clerk)).status).toBe(403)
    expect((await call('GET', '/admin/statement-settings', undefined, clerk)).status).toBe(403)
    expect(await stored()).toBeNull()
    expect(await audits()).toEqual([])
  })

  it('PUT: an unchanged form writes nothing; a change is stored, audited, and lets the named accountant work the queue', async () => {
    expect((await call('GET', '/statements', undefined, anna)).status).toBe(403)
    expect((await call('PUT', '/admin/statement-settings', { notifyIds: [] })).status).toBe(200)
    expect(await audits()).toEqual([])
    const r = await call<StatementSettingsDto>('PUT', '/admin/statement-settings', { notifyIds: [anna, anna] })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({ stored: { notifyIds: [anna] }, effective: [anna] })
    expect(await stored()).toEqual({ notifyIds: [anna] })
    expect(await audits()).toEqual([
      {
        action: 'settings.changed',
        actor: 'user:1',
        details: { changed: ['notifyIds'], value: { notifyIds: [anna] }, before: { notifyIds: [] } },
      },
    ])
    expect((await call('PUT', '/admin/statement-settings', { notifyIds: [anna] })).status).toBe(200)
    expect(await audits()).toHaveLength(1)
    expect((await call('GET', '/statements', undefined, anna)).status).toBe(200)
    // back to the default: the chief accountant again
    expect(
      (await call<StatementSettingsDto>('PUT', '/admin/statement-settings', { notifyIds: [] })).body,
    ).toMatchObject({ stored: { notifyIds: [] }, effective: [chief] })
    expect(await audits()).toHaveLength(2)
  })
})
