// The recorded payloads (tests/fixtures/b24, each with its doc path in doc-paths.json) replayed into our inbound
// routes exactly as the docs show them, only the portal's identity (member_id, domain, application_token) and the
// ids swapped for the installed sandbox portal's: each is accepted and handled; a forged application_token is not.
import { readFileSync } from 'node:fs'
import qs from 'qs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { revokeApp } from '../../../sandbox/oauth/tokens.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded payloads of many shapes, read field by field
type Payload = Record<string, any>
const dir = new URL('../../fixtures/b24/', import.meta.url)
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as Payload
const docPaths = JSON.parse(readFileSync(new URL('doc-paths.json', dir), 'utf8')) as Record<string, string>

let w: RobotWorld
let appToken: string
let itemId: number
let taskId: number

beforeAll(async () => {
  w = await startRobotWorld()
  appToken = (await w.ctx.repos.portals.get(w.memberId))!.applicationToken!
  const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
    entityTypeId: w.receivables.entityTypeId,
    fields: { title: 'Replay' },
  })
  itemId = Number(result.item.id)
  const t = await w.sb.admin.call<{ task: { id: string } }>(w.portalId, 'tasks.task.add', {
    fields: { TITLE: 'Replay', RESPONSIBLE_ID: 1 },
  })
  taskId = Number(t.result.task.id)
}, 120_000)
afterAll(async () => w?.close())

/** The fixture with the installed portal's identity and real ids. */
function localise(body: Payload, token = appToken): Payload {
  const b = structuredClone(body)
  const domain = w.portal.domain
  if (b.auth)
    Object.assign(b.auth, {
      member_id: w.memberId,
      application_token: token,
      domain,
      client_endpoint: `http://${domain}/rest/`,
    })
  const f = b.data?.FIELDS
  if (f?.ENTITY_TYPE_ID) Object.assign(f, { ID: String(itemId), ENTITY_TYPE_ID: String(w.receivables.entityTypeId) })
  for (const k of ['FIELDS_BEFORE', 'FIELDS_AFTER']) if (b.data?.[k]?.ID) b.data[k].ID = String(taskId)
  return b
}

const post = (url: string, body: Record<string, unknown>) =>
  w.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: qs.stringify(body, { arrayFormat: 'indices' }),
  })

const handled = async () =>
  (
    await sql<{ state: string; n: number }>`SELECT state, count(*)::int AS n FROM pgboss.job
      WHERE name = 'event-handle' GROUP BY state`.execute(w.ctx.database.db)
  ).rows

const EVENTS = [
  'oncrmdynamicitemadd.json',
  'oncrmdynamicitemupdate.json',
  'oncrmdynamicitemdelete.json',
  'ontaskadd.json',
  'ontaskupdate.json',
  'oncrmactivityadd.json',
]

describe('recorded payloads replayed into our routes', () => {
  it('every fixture names its doc path', () => {
    for (const f of [...EVENTS, 'onappuninstall.json', 'robot-call.json', 'frame-post.json', 'onappinstall.json'])
      expect(docPaths[f], f).toMatch(/^(api-reference|settings)\//)
  })

  for (const name of EVENTS)
    it(`${name} (${docPaths[name]}) is accepted and its job finishes`, async () => {
      const r = await post('/bitrix/events', localise(fixture(name)))
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toEqual({ ok: true })
      await expect
        .poll(async () => (await handled()).filter((s) => !['completed'].includes(s.state)), {
          timeout: 30_000,
          interval: 200,
        })
        .toEqual([])
      expect((await handled()).find((s) => s.state === 'completed')?.n).toBeGreaterThan(0)
    })

  it('an event with a forged application_token is refused and queues nothing', async () => {
    const before = await handled()
    const r = await post('/bitrix/events', localise(fixture('oncrmdynamicitemupdate.json'), 'f'.repeat(32)))
    expect(r.statusCode).toBeGreaterThanOrEqual(400)
    expect(r.statusCode).toBeLessThan(500)
    expect(await handled()).toEqual(before)
  })

  it(`frame-post.json (${docPaths['frame-post.json']}) opens our page`, async () => {
    const f = fixture('frame-post.json')
    const fields = { ...f.fields, member_id: w.memberId, APPLICATION_TOKEN: appToken, PLACEMENT: 'DEFAULT' }
    const query = qs.stringify({ ...f.query, DOMAIN: w.portal.domain, PROTOCOL: '0' })
    const r = await w.app.inject({
      method: 'POST',
      url: `/bitrix/placements/admin?${query}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: qs.stringify(fields),
    })
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200)
    expect(r.headers['content-type']).toMatch(/html/)
  })

  it(`robot-call.json (${docPaths['robot-call.json'].split(' ')[0]}) is accepted and queued for its robot`, async () => {
    const body = localise(fixture('robot-call.json'))
    Object.assign(body, {
      code: 'department-head-find',
      document_id: [body.document_id[0], body.document_id[1], `DYNAMIC_${w.receivables.entityTypeId}_${itemId}`],
      document_type: [body.document_type[0], body.document_type[1], `DYNAMIC_${w.receivables.entityTypeId}`],
    })
    const r = await post('/bitrix/robots/department-head-find', body)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toEqual({ ok: true })
    const jobs = await sql<{
      data: { eventToken: string }
    }>`SELECT data FROM pgboss.job WHERE name = 'robot-run'`.execute(w.ctx.database.db)
    expect(jobs.rows.map((j) => j.data.eventToken)).toContain(body.event_token)
    const forged = await post('/bitrix/robots/department-head-find', {
      ...body,
      auth: { ...body.auth, application_token: 'f'.repeat(32) },
    })
    expect(forged.statusCode).toBeGreaterThanOrEqual(400)
  })

  it(`onappuninstall.json (${docPaths['onappuninstall.json']}) is accepted and the portal is marked uninstalled`, async () => {
    // a real uninstall revokes the app's access before the event goes out (reference 1.5): without that
    // the app takes the event for a forged one and keeps the portal
    revokeApp(w.sb.runtime.world, w.portalId, w.sbApp.id)
    const r = await post('/bitrix/events', localise(fixture('onappuninstall.json')))
    expect(r.statusCode, r.body).toBe(200)
    await expect
      .poll(async () => (await w.ctx.repos.portals.get(w.memberId))?.status, { timeout: 30_000, interval: 200 })
      .not.toBe('active')
  })
})
