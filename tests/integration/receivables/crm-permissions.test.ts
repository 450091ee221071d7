// The portal's CRM permissions decide what a user sees in our tabs and API (sandbox: per-user read
// permission on companies, sandbox/methods/crm-permissions.ts): a plain user whose CRM role reads
// only their own companies gets 403 for another company's receivables and for company-wide views;
// a user holding a role named in the admin page sees the register and the reports; an administrator
// sees everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'

let w: RobotWorld
let manager: number
let chief: number
let theirs: number // a company the manager is responsible for
const R: Record<string, number> = {}

const get = async (url: string, user: number) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method: 'GET',
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
  })
  return { status: r.statusCode, body: r.json() as Record<string, unknown> }
}

beforeAll(async () => {
  w = await startRobotWorld()
  manager = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер', crmRead: 'own' }).id
  chief = w.sb.admin.addUser(w.portalId, { name: 'Ольга', lastName: 'Главбух', crmRead: 'own' }).id
  theirs = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Своя', ASSIGNED_BY_ID: manager })
  await w.ctx.repos.settings.set(w.memberId, 'approvals.roles', { chiefAccountant: chief }, 'test')
  const ports = receivablesPorts(w.ctx)
  const who = { memberId: w.memberId, actor: 'user:1', source: 'test' }
  for (const [k, id, name] of [
    ['other', w.companyId, 'ООО Ромашка'],
    ['own', theirs, 'ООО Своя'],
  ] as const)
    R[k] = (
      await createReceivable(ports, who, {
        counterparty: { type: 'company', id, name },
        invoiceNumber: `P-${k}`,
        invoiceDate: '2025-03-01',
        dueDate: '2025-03-31',
        amount: 100_000,
        currency: 'RUB',
      })
    ).id
}, 120_000)
afterAll(async () => w?.close())

describe('CRM permissions in the API', () => {
  it('a plain user sees the receivables of a company they may read in CRM, and 403 for one they may not', async () => {
    expect((await get(`/counterparties/company/${theirs}/summary`, manager)).status).toBe(200)
    const mine = await get(`/receivables?counterpartyType=company&counterpartyId=${theirs}`, manager)
    expect(mine.status).toBe(200)
    expect((mine.body.rows as { id: number }[]).map((r) => r.id)).toEqual([R.own])
    expect((await get(`/receivables/${R.own}`, manager)).status).toBe(200)

    const denied = await get(`/receivables?counterpartyType=company&counterpartyId=${w.companyId}`, manager)
    expect(denied).toMatchObject({ status: 403, body: { error: 'access.crm-denied' } })
    expect((await get(`/counterparties/company/${w.companyId}/summary`, manager)).status).toBe(403)
    expect((await get(`/counterparties/company/${w.companyId}/contracts`, manager)).status).toBe(403)
    expect((await get(`/receivables/${R.other}`, manager)).status).toBe(403)
    expect((await get(`/ageing?counterpartyType=company&counterpartyId=${w.companyId}`, manager)).status).toBe(403)
  })

  it('company-wide views and reports are refused to a plain user', async () => {
    for (const url of ['/receivables', '/ageing', '/reports/collection', '/exports/reports/ageing.csv'])
      expect((await get(url, manager)).status, url).toBe(403)
  })

  it('a role named in the admin page sees the register and the reports', async () => {
    const all = await get('/receivables', chief)
    expect(all.status).toBe(200)
    expect((all.body.rows as { id: number }[]).map((r) => r.id).sort()).toEqual([R.other, R.own].sort())
    expect((await get('/reports/collection', chief)).status).toBe(200)
    expect((await get('/ageing', chief)).status).toBe(200)
    expect((await get(`/receivables/${R.other}`, chief)).status).toBe(200)
  })

  it('an administrator sees everything', async () => {
    expect((await get('/receivables', 1)).body.total).toBe(2)
    expect((await get(`/receivables/${R.other}`, 1)).status).toBe(200)
    expect((await get(`/counterparties/company/${theirs}/summary`, 1)).status).toBe(200)
    expect((await get('/reports/collection', 1)).status).toBe(200)
  })
})
