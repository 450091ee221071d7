// Who may call what, on two portals in one sandbox (both installed through the real ONAPPINSTALL):
// a UI token of portal A never opens portal B's data, a session of A never reaches B's records by
// id, a plain user is refused by every admin route (the list is read from the running app), and
// none of the tokens ends up in the app's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts'
import { apiRoutes, routeKey } from './route-list.ts'
import { routeSpecs, type RouteSpec } from './fuzz-route-specs.ts'
import { captureLog } from './log-capture.ts'
import { TEST_APP } from '../helpers/sandbox-app.ts'
import { createReceivable } from '../../server/use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'

const cap = captureLog()
let w: FuzzWorld
let specs: RouteSpec[]
const B = { memberId: '', portalId: 0, admin: '', receivable: 0, payment: 0, applicationToken: '' }

beforeAll(async () => {
  w = await startFuzzWorld({ log: cap.log })
  specs = routeSpecs(w.ids, Buffer.from('not a statement'))
  const portal = await w.sb.admin.createPortal({ title: 'Portal B' })
  w.sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  await w.sb.admin.installApp(portal.id, w.sbApp.id)
  w.sb.admin.finishInstall(portal.id, w.sbApp.id)
  Object.assign(B, {
    memberId: portal.memberId,
    portalId: portal.id,
    applicationToken: w.sb.admin.installation(portal.id, w.sbApp.id)?.applicationToken ?? '',
  })
  expect(await w.ctx.repos.portals.get(B.memberId), 'portal B connected through ONAPPINSTALL').toBeTruthy()
  B.admin = (w.sb.admin.issueTokens(portal.id, w.sbApp.id, 1) as { access_token: string }).access_token
  const ports = receivablesPorts(w.ctx)
  const who = { memberId: B.memberId, actor: 'user:1', source: 'test' }
  const rec = await createReceivable(ports, who, {
    counterparty: { type: 'company', id: 7, name: 'ООО Б' },
    invoiceNumber: 'B-1',
    invoiceDate: '2026-09-01',
    dueDate: '2026-10-01',
    amount: 500_000,
    currency: 'RUB',
    responsibleId: 1,
  })
  B.receivable = rec.id
  B.payment = (
    await recordPayment(ports, who, {
      receivableId: rec.id,
      amount: 1_000,
      paidOn: '2026-10-05',
      source: 'manual',
      sourceRef: 'b-1',
    })
  ).payment.id
}, 120_000)
afterAll(async () => w?.close())

const call = (method: string, url: string, token: string, memberId: string, payload?: object) =>
  w.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}`, 'x-b24-member-id': memberId },
    ...(payload ? { payload } : {}),
  })

describe('portal A and portal B in one sandbox', () => {
  it('each token opens its own portal', async () => {
    expect((await call('GET', '/api/whoami', w.admin, w.memberId)).json()).toMatchObject({
      memberId: w.memberId,
      isAdmin: true,
    })
    expect((await call('GET', '/api/whoami', B.admin, B.memberId)).json()).toMatchObject({
      memberId: B.memberId,
      isAdmin: true,
    })
  })

  it('a UI token of portal A presented as portal B is refused by B (401), for reads and writes, and writes nothing', async () => {
    const before = await w.snapshot()
    for (const [method, url, body] of [
      ['GET', '/api/whoami'],
      ['GET', `/api/receivables/${B.receivable}`],
      ['GET', '/api/admin/api-keys'],
      ['POST', `/api/payments/${B.payment}/reverse`, {}],
      ['POST', '/api/admin/api-keys', { name: 'stolen' }],
      ['PUT', '/api/admin/email-sender', { name: 'X', address: 'x@evil.test' }],
    ] as [string, string, object?][]) {
      const r = await call(method, url, w.admin, B.memberId, body)
      expect(r.statusCode, `${method} ${url}`).toBe(401)
      expect(r.json().error).toBe('auth.invalid-token')
    }
    expect((await call('GET', '/api/whoami', B.admin, w.memberId)).statusCode).toBe(401)
    expect(await w.snapshot()).toEqual(before)
  })

  it("a session of portal A never reaches portal B's records by id (404), and writes nothing", async () => {
    const before = await w.snapshot()
    expect((await call('GET', `/api/receivables/${B.receivable}`, w.admin, w.memberId)).statusCode).toBe(404)
    expect(
      (
        await call('POST', `/api/receivables/${B.receivable}/payments`, w.admin, w.memberId, {
          amount: 100,
          paidOn: '2026-10-06',
          sourceRef: 'x-portal',
        })
      ).statusCode,
    ).toBe(404)
    expect((await call('POST', `/api/payments/${B.payment}/reverse`, w.admin, w.memberId, {})).statusCode).toBe(404)
    expect(
      (
        await call('POST', `/api/dunning/receivables/${B.receivable}/pause`, w.admin, w.memberId, {
          until: '2099-01-01',
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404)
    const page = (await call('GET', '/api/receivables?pageSize=200', w.admin, w.memberId)).json() as {
      rows: { id: number }[]
    }
    expect(page.rows.map((i) => i.id)).toEqual([Number(w.ids.receivable)])
    expect(await w.snapshot()).toEqual(before)
  })
})

describe('a plain portal user', () => {
  // the admin routes, from the running app: the /api/admin, install, reports and exports trees (these two
  // also for the roles named in the admin page), and
  // the admin-only settings writes of the approval and dunning modules
  const ADMIN_TREES = ['/api/admin/', '/api/install/', '/api/reports/', '/api/exports/']
  const ADMIN_ALSO = [
    'PUT /api/approvals/settings/roles',
    'PUT /api/approvals/settings/sla',
    'PUT /api/dunning/settings',
  ]
  const ACCOUNTANT = ['/api/statements', '/api/statement-review']

  it('is refused (403) by every admin route, and nothing is written', async () => {
    const routes = (await apiRoutes(w.app)).filter(
      (r) => ADMIN_TREES.some((p) => r.url.startsWith(p)) || ADMIN_ALSO.includes(routeKey(r)),
    )
    expect(routes.length).toBeGreaterThan(25)
    const before = await w.snapshot()
    for (const r of routes) {
      const spec = specs.find((s) => routeKey(s) === routeKey(r))
      let url = r.url
      for (const [k, v] of Object.entries(spec?.params ?? {})) url = url.replace(`:${k}`, v)
      expect(url, `${routeKey(r)} needs a spec with its parameters`).not.toContain(':')
      const body = r.method === 'GET' ? undefined : spec && typeof spec.body === 'object' ? spec.body.template : {}
      const res = await call(r.method, url, w.clerk, w.memberId, body)
      // reports and exports are company-wide views: administrators and the roles named in the admin page
      const code = /^\/api\/(reports|exports)\//.test(r.url) ? 'access.company-wide' : 'auth.admin-only'
      expect([res.statusCode, res.json().error], routeKey(r)).toEqual([403, code])
    }
    expect(await w.snapshot()).toEqual(before)
  })

  it('is refused (403) by the statement routes unless named an accountant', async () => {
    const routes = (await apiRoutes(w.app)).filter((r) => ACCOUNTANT.some((p) => r.url.startsWith(p)))
    expect(routes.length).toBeGreaterThanOrEqual(6)
    const before = await w.snapshot()
    for (const r of routes) {
      const spec = specs.find((s) => routeKey(s) === routeKey(r))!
      let url = r.url
      for (const [k, v] of Object.entries(spec.params)) url = url.replace(`:${k}`, v)
      const res = spec.raw
        ? await w.app.inject({
            method: 'POST',
            url,
            headers: {
              authorization: `Bearer ${w.clerk}`,
              'x-b24-member-id': w.memberId,
              'content-type': 'application/octet-stream',
            },
            payload: Buffer.from('x'),
          })
        : await call(
            r.method,
            url,
            w.clerk,
            w.memberId,
            r.method === 'GET' ? undefined : typeof spec.body === 'object' ? spec.body.template : {},
          )
      expect([res.statusCode, res.json().error], routeKey(r)).toEqual([403, 'auth.accountant-only'])
    }
    expect(await w.snapshot()).toEqual(before)
  })
})

describe('the log', () => {
  it('has the refusals, and no token, key or secret of either portal', async () => {
    expect(cap.lines.some((l) => l.includes('api.auth.rejected'))).toBe(true)
    expect(cap.lines.some((l) => l.includes('"http.rejected"') && l.includes('403'))).toBe(true)
    const stored = await Promise.all([w.memberId, B.memberId].map((m) => w.ctx.repos.portals.getTokens(m)))
    const portals = await Promise.all([w.memberId, B.memberId].map((m) => w.ctx.repos.portals.get(m)))
    const secrets = [
      w.admin,
      w.clerk,
      B.admin,
      B.applicationToken,
      w.apiKey,
      TEST_APP.clientSecret,
      ...stored.flatMap((t) => [t?.accessToken, t?.refreshToken]),
      ...portals.map((p) => p?.applicationToken),
    ]
    expect(secrets.filter(Boolean).length).toBeGreaterThanOrEqual(9)
    expect(cap.leaks(secrets)).toEqual([])
  })
})
