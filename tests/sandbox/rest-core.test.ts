import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, callFull, fails, sdkFrom, setup, type World } from './harness.ts'

let w: World
let rest: string
let hook: string

beforeAll(async () => {
  w = await setup()
  rest = w.sb.admin.info(w.portalId).restBase
  hook = w.sb.admin.addWebhook(w.portalId, 1, { code: 'abc123' }).url
})
afterAll(async () => w.close())

describe('REST envelope and URL forms', () => {
  it('answers with result and the full time block', async () => {
    const body = await callFull(w.b24, 'app.info')
    expect(Object.keys(body.time).sort()).toEqual([
      'date_finish',
      'date_start',
      'duration',
      'finish',
      'operating',
      'operating_reset_at',
      'processing',
      'start',
    ])
    expect(body.time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
    expect(body.result).toMatchObject({ CODE: 'test.app', INSTALLED: true, LICENSE_FAMILY: 'pro', STATUS: 'L' })
  })

  it('accepts .json, double slash, GET query, form bodies and ignores SDK telemetry params', async () => {
    const token = String(w.tokens.access_token)
    type Profile = { result: { ID: string; ADMIN: boolean } }
    const a = (await (await fetch(`${rest}profile.json?auth=${token}`)).json()) as Profile
    const b = (await (await fetch(`${rest}/profile?auth=${token}&bx24_request_id=1&bx24_sdk_ver=2`)).json()) as Profile
    const c = (await (
      await fetch(`${rest}user.get`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `auth=${token}&FILTER[ID]=1`,
      })
    ).json()) as { result: unknown[]; total: number }
    expect(a.result.ID).toBe('1')
    expect(b.result.ADMIN).toBe(true)
    expect(c.result).toHaveLength(1)
    expect(c.total).toBe(1)
  })

  it('serves incoming webhooks and rejects a wrong code', async () => {
    const ok = (await (await fetch(`${hook}user.current`)).json()) as { result: { ID: string } }
    expect(ok.result.ID).toBe('1')
    const bad = await fetch(hook.replace('abc123', 'nope') + 'user.current')
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' })
  })

  it('unknown method is 404 ERROR_METHOD_NOT_FOUND; missing and bad auth are 401', async () => {
    expect(await fails(w.b24, 'crm.nothing.here')).toEqual({ code: 'ERROR_METHOD_NOT_FOUND', status: 404 })
    const none = await fetch(`${rest}profile`)
    expect([none.status, ((await none.json()) as { error?: string }).error]).toEqual([401, 'NO_AUTH_FOUND'])
    const bad = await fetch(`${rest}profile?auth=deadbeef`)
    expect([bad.status, ((await bad.json()) as { error?: string }).error]).toEqual([401, 'invalid_token'])
  })

  it('answers CORS preflight and sets Access-Control-Allow-Origin', async () => {
    const pre = await fetch(`${rest}profile`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://app.example')
    const r = await fetch(`${rest}profile?auth=${String(w.tokens.access_token)}`, {
      headers: { origin: 'http://app.example' },
    })
    expect(r.headers.get('access-control-allow-origin')).toBe('http://app.example')
  })
})

describe('scopes and admin rights', () => {
  it('insufficient_scope when the app lacks the scope', async () => {
    const narrow = w.sb.admin.registerApp({
      code: 'narrow',
      clientId: 'local.narrow',
      clientSecret: 's',
      scopes: ['crm'],
    })
    const inst = await w.sb.admin.installApp(w.portalId, narrow.id)
    const b24 = sdkFrom(inst.tokens, narrow)
    expect(await fails(b24, 'user.current')).toEqual({ code: 'insufficient_scope', status: 403 })
    expect((await call(b24, 'crm.type.list')).types).toEqual([])
  })

  it('admin-only methods deny a regular user; application-only methods deny webhooks', async () => {
    const user = w.sb.admin.addUser(w.portalId, { name: 'Ivan', lastName: 'Petrov', email: 'ivan@example.com' })
    const b24 = sdkFrom(w.sb.admin.issueTokens(w.portalId, w.appId, user.id), w.app)
    expect(await fails(b24, 'crm.type.add', { fields: { title: 'X' } })).toEqual({ code: 'ACCESS_DENIED', status: 400 })
    expect(await fails(b24, 'bizproc.robot.add', { CODE: 'x' })).toEqual({ code: 'ACCESS_DENIED', status: 403 })
    const r = await fetch(`${hook}event.bind?event=ONTASKADD&handler=http://x.example/h`)
    expect([r.status, ((await r.json()) as { error?: string }).error]).toEqual([403, 'ACCESS_DENIED'])
    const p = await fetch(`${hook}placement.bind`)
    expect([p.status, ((await p.json()) as { error?: string }).error]).toEqual([403, 'WRONG_AUTH_TYPE'])
  })
})

describe('users and departments', () => {
  it('user.get filters, department.get returns heads and parents', async () => {
    const a = w.sb.admin
    const root = (await call(w.b24, 'department.get', { ID: 1 }))[0]
    expect(root).toMatchObject({ ID: '1', UF_HEAD: '1' })
    const sales = a.addDepartment(w.portalId, { name: 'Sales', parent: 1 })
    const head = a.addUser(w.portalId, {
      name: 'Olga',
      lastName: 'Head',
      email: 'olga@example.com',
      departments: [sales.id],
    })
    a.updateDepartment(w.portalId, sales.id, { head: head.id })
    const [u] = await call(w.b24, 'user.get', { FILTER: { EMAIL: 'olga@example.com' } })
    expect(u).toMatchObject({ NAME: 'Olga', UF_DEPARTMENT: [sales.id], ACTIVE: true })
    const [d] = await call(w.b24, 'department.get', { ID: u.UF_DEPARTMENT[0] })
    expect(d).toEqual({ ID: String(sales.id), NAME: 'Sales', SORT: 500, PARENT: '1', UF_HEAD: String(head.id) })
    const byDept = await call(w.b24, 'user.get', { filter: { UF_DEPARTMENT: sales.id } })
    expect(byDept.map((x: { ID: string }) => x.ID)).toEqual([String(head.id)])
    expect(await call(w.b24, 'user.admin')).toBe(true)
  })

  it('app.info reports the enterprise family after a licence change', async () => {
    w.sb.admin.setLicense(w.portalId, 'ent')
    expect((await call(w.b24, 'app.info')).LICENSE_FAMILY).toBe('ent')
    w.sb.admin.setLicense(w.portalId, 'pro')
  })
})
