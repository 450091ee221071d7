import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox/index.ts'
import { startSandboxWithPages } from '../../sandbox/portal-page/index.ts'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandboxWithPages((o) => startSandbox(o))
})
afterAll(async () => sb.close())

describe('sandbox portal page', () => {
  it('shows CRM cards, the Market, and installs an app through the Market flow', async () => {
    const portal = await sb.admin.createPortal({ title: 'Romashka' })
    const companyId = sb.admin.seedCompany(portal.id, { TITLE: 'ООО «Вектор»' })
    const card = await (await fetch(`${portal.origin}/crm/company/details/${companyId}/`)).text()
    expect(card).toContain('ООО «Вектор»')
    expect(card).toContain('Общие')

    const app = sb.admin.registerApp({
      name: 'Receivables Control',
      appUrl: 'http://127.0.0.1:1/app',
      installUrl: 'http://127.0.0.1:1/install',
    })
    const market = await (await fetch(`${portal.origin}/marketplace/`)).text()
    expect(market).toContain('Receivables Control')
    const res = await fetch(`${portal.origin}/marketplace/install/${app.id}/`, { method: 'POST', redirect: 'manual' })
    expect(res.status).toBe(302)
    const installPage = await (await fetch(`${portal.origin}${res.headers.get('location')}`)).text()
    expect(installPage).toContain('http://127.0.0.1:1/install?')
    expect(installPage).toContain('"INSTALL":true')

    const refreshed = (await (
      await fetch(`${portal.origin}/_portal/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: app.id, userId: 1 }),
      })
    ).json()) as { AUTH_ID?: string }
    expect(refreshed.AUTH_ID).toEqual(expect.any(String))
    const finished = await (
      await fetch(`${portal.origin}/_portal/finish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: app.id }),
      })
    ).json()
    expect(finished).toEqual({ result: true })
  })
})
