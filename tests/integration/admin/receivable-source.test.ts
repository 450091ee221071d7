// Where receivables come from, on the admin page against the sandbox portal: the portal's deal and smart-invoice
// pipelines with their stages by name; a valid choice is stored and audited; a stage that is not in the pipeline,
// an unknown source or no stage at all is refused with a clear code and stores nothing; non-admins get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import type { ReceivableSourceDto } from '../../../contracts/receivable-source.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let clerk: number
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
const stored = () => w.ctx.repos.settings.get(w.memberId, 'receivables.source')
const audits = async () =>
  w.ctx.database.db
    .selectFrom('audit_log')
    .select(['action', 'actor'])
    .where('member_id', '=', w.memberId)
    .where('entity_id', '=', 'receivables.source')
    .execute()

beforeAll(async () => {
  w = await connectSandboxApp()
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('receivable source (admin)', () => {
  it('GET: off, with the portal pipelines and their stages by name', async () => {
    const r = await call<ReceivableSourceDto>('GET', '/admin/receivable-source')
    expect(r.status).toBe(200)
    expect(r.body.settings).toEqual({ source: 'off', stages: {} })
    const general = r.body.pipelines.deals.find((p) => p.id === 0)!
    expect(general.stages.map((s) => s.id)).toContain('WON')
    expect(general.stages.find((s) => s.id === 'WON')!.name).toBeTruthy()
    const inv = r.body.pipelines.invoices[0]
    expect(inv.stages.map((s) => s.id)).toEqual([
      `DT31_${inv.id}:N`,
      `DT31_${inv.id}:S`,
      `DT31_${inv.id}:P`,
      `DT31_${inv.id}:D`,
    ])
  })

  it('PUT: bad choices are refused and store nothing; a plain user gets 403', async () => {
    for (const [body, code] of [
      [{ source: 'deals', stages: { '0': 'NO_SUCH' } }, 'source.unknown-stage'],
      [{ source: 'deals', stages: { '77': 'WON' } }, 'source.unknown-stage'],
      [{ source: 'deals', stages: {} }, 'source.stages-required'],
      [{ source: 'leads', stages: { '0': 'WON' } }, 'settings.invalid'],
      [{ source: 'deals', stages: { '0': 'WON' }, extra: 1 }, 'settings.invalid'],
    ] as const) {
      const r = await call('PUT', '/admin/receivable-source', body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.body.error).toBe(code)
    }
    expect((await call('PUT', '/admin/receivable-source', { source: 'off', stages: {} }, clerk)).status).toBe(403)
    expect(await stored()).toBeNull()
    expect(await audits()).toEqual([])
  })

  it('PUT: a valid choice is stored and audited once', async () => {
    const body = { source: 'deals', stages: { '0': 'WON' } }
    const r = await call<{ settings: unknown }>('PUT', '/admin/receivable-source', body)
    expect(r.status).toBe(200)
    expect(r.body.settings).toEqual(body)
    await call('PUT', '/admin/receivable-source', body)
    expect(await stored()).toEqual(body)
    expect(await audits()).toEqual([{ action: 'settings.receivable-source-changed', actor: 'user:1' }])
    expect((await call<ReceivableSourceDto>('GET', '/admin/receivable-source')).body.settings).toEqual(body)
  })
})
