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

  it("the CRM chooser's records: companies and contacts of the types asked, what the person may read", async () => {
    const portal = await sb.admin.createPortal({ title: 'Vasilek' })
    const co = sb.admin.seedCompany(portal.id, { TITLE: 'АО «Василёк»', ASSIGNED_BY_ID: 1 })
    const c = sb.admin.seedContact(portal.id, { NAME: 'Иван', LAST_NAME: 'Васильев', ASSIGNED_BY_ID: 1 })
    const own = sb.admin.addUser(portal.id, { name: 'Ольга', lastName: 'Своя', crmRead: 'own' }).id
    const none = sb.admin.addUser(portal.id, { name: 'Нина', lastName: 'Никакая', crmRead: 'none' }).id
    const rows = async (types: string, user: number) =>
      (await fetch(`${portal.origin}/_portal/crm?types=${types}&user=${user}`)).json()
    expect(await rows('company,contact,spaceship', 1)).toEqual([
      {
        id: `CO_${co}`,
        type: 'company',
        place: 'company',
        title: 'АО «Василёк»',
        desc: '',
        url: `/crm/company/details/${co}/`,
      },
      {
        id: `C_${c}`,
        type: 'contact',
        place: 'contact',
        title: 'Иван Васильев',
        desc: '',
        url: `/crm/contact/details/${c}/`,
      },
    ])
    expect(await rows('contact', 1)).toEqual([expect.objectContaining({ id: `C_${c}` })])
    expect(await rows('company,contact', own)).toEqual([]) // not responsible for either
    expect(await rows('company,contact', none)).toEqual([])
    const page = await (await fetch(`${portal.origin}/crm/company/`)).text()
    expect(page).toContain('window.__pickCrm') // the page carries the chooser
  })
})
