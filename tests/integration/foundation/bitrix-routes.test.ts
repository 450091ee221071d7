import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import qs from 'qs'
import { createTestContext, seedPortal } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const form = { 'content-type': 'application/x-www-form-urlencoded' }

const eventBody = (over: Record<string, unknown> = {}) =>
  qs.stringify({
    event: 'ONCRMDYNAMICITEMUPDATE',
    event_handler_id: '7',
    ts: '1700000000',
    data: { FIELDS: { ID: '15', ENTITY_TYPE_ID: '1040' } },
    auth: {
      member_id: 'member-a',
      application_token: 'app-token-a',
      domain: 'a.bitrix24.test',
      access_token: 'secret-access',
    },
    ...over,
  })
const robotBody = (over: Record<string, unknown> = {}) =>
  qs.stringify({
    workflow_id: 'wf1',
    code: 'penalty-calculate',
    event_token: 'evt-1',
    document_id: ['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic', 'DYNAMIC_1040_15'],
    document_type: ['crm', 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic', 'DYNAMIC_1040'],
    properties: { debt: '1000.00' },
    auth: { member_id: 'member-a', application_token: 'app-token-a' },
    ...over,
  })

async function queued(name: string) {
  return t.ctx.queue.boss.findJobs(name, { queued: true })
}

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx)
})
afterAll(async () => t.dispose())

describe('POST /bitrix/events', () => {
  it('acknowledges a verified event and enqueues it once, without tokens', async () => {
    const r1 = await t.app.inject({ method: 'POST', url: '/bitrix/events', headers: form, payload: eventBody() })
    const r2 = await t.app.inject({ method: 'POST', url: '/bitrix/events', headers: form, payload: eventBody() })
    expect(r1.statusCode).toBe(200)
    expect(r2.statusCode).toBe(200)
    const jobs = await queued('event-handle')
    expect(jobs).toHaveLength(1)
    expect(jobs[0].data).toMatchObject({
      event: 'ONCRMDYNAMICITEMUPDATE',
      data: { FIELDS: { ID: '15' } },
      auth: { memberId: 'member-a' },
    })
    expect(JSON.stringify(jobs[0].data)).not.toContain('secret-access')
  })

  it('keeps the same item id of two smart processes in the same second apart', async () => {
    const other = eventBody({ data: { FIELDS: { ID: '15', ENTITY_TYPE_ID: '1044' } } })
    expect(
      (await t.app.inject({ method: 'POST', url: '/bitrix/events', headers: form, payload: other })).statusCode,
    ).toBe(200)
    const jobs = await queued('event-handle')
    expect(
      jobs.map((j) => (j.data as { data: { FIELDS: { ENTITY_TYPE_ID: string } } }).data.FIELDS.ENTITY_TYPE_ID).sort(),
    ).toEqual(['1040', '1044'])
  })

  it('collapses events of one entity only while one waits: an event that comes while its job runs queues the next one', async () => {
    const post = (ts: string) =>
      t.app.inject({
        method: 'POST',
        url: '/bitrix/events',
        headers: form,
        payload: eventBody({ ts, data: { FIELDS: { ID: '31', ENTITY_TYPE_ID: '1040' } } }),
      })
    const ofItem = async () =>
      (await t.ctx.queue.boss.findJobs<{ data: { FIELDS: { ID: string } } }>('event-handle')).filter(
        (j) => j.data.data.FIELDS.ID === '31',
      )
    expect((await post('1700000100')).statusCode).toBe(200)
    expect((await post('1700000101')).statusCode).toBe(200) // a later second, still waiting: the same one job
    expect((await ofItem()).map((j) => j.state)).toEqual(['created'])
    // a worker takes it (it now reads the item) and the person saves again in the same second
    const [taken] = await t.ctx.queue.boss.fetch('event-handle', { batchSize: 50 })
    expect(taken).toBeTruthy()
    await t.ctx.queue.boss.fetch('event-handle', { batchSize: 50 }) // (any other waiting event job too)
    expect((await post('1700000101')).statusCode).toBe(200)
    expect((await ofItem()).map((j) => j.state).sort()).toEqual(['active', 'created'])
  })

  const bad: [string, Record<string, string>, string, number, string][] = [
    [
      'forged token',
      form,
      eventBody({ ts: '2', auth: { member_id: 'member-a', application_token: 'forged' } }),
      401,
      'inbound.bad-application-token',
    ],
    [
      'unknown portal',
      form,
      eventBody({ ts: '3', auth: { member_id: 'member-zzz', application_token: 'app-token-a' } }),
      401,
      'inbound.unknown-portal',
    ],
    ['no auth', form, 'event=ONCRMDYNAMICITEMUPDATE&ts=4', 400, 'inbound.malformed'],
    [
      'no event',
      form,
      qs.stringify({ auth: { member_id: 'member-a', application_token: 'app-token-a' } }),
      400,
      'inbound.missing-field',
    ],
    ['bad event name', form, eventBody({ event: 'ON CRM<script>' }), 400, 'inbound.bad-event'],
    ['too deep', form, `${eventBody({ ts: '5' })}&data[a][b][c][d][e][f][g][h]=1`, 400, 'inbound.malformed-form'],
    [
      'too many fields',
      form,
      Array.from({ length: 2100 }, (_, i) => `f${i}=1`).join('&'),
      413,
      'inbound.too-many-fields',
    ],
    ['wrong content type', { 'content-type': 'text/plain' }, 'hello', 415, 'request.unsupported-media-type'],
    ['malformed json', { 'content-type': 'application/json' }, '{"event":', 400, 'request.malformed-json'],
    ['oversized', form, `${eventBody({ ts: '6' })}&pad=${'x'.repeat(300 * 1024)}`, 413, 'request.too-large'],
    [
      'bad member id',
      form,
      eventBody({ auth: { member_id: '../../etc', application_token: 'x' } }),
      400,
      'inbound.bad-member-id',
    ],
  ]
  it.each(bad)('rejects %s with a clear 4xx and enqueues nothing', async (_name, headers, payload, status, code) => {
    const before = (await queued('event-handle')).length
    const r = await t.app.inject({ method: 'POST', url: '/bitrix/events', headers, payload })
    expect(r.statusCode).toBe(status)
    expect(r.json()).toMatchObject({ error: code })
    expect(r.json().message).toEqual(expect.any(String))
    expect((await queued('event-handle')).length).toBe(before)
  })
})

describe('POST /bitrix/robots/:code', () => {
  it('enqueues a verified robot call keyed by its event token', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/bitrix/robots/penalty-calculate',
        headers: form,
        payload: robotBody(),
      })
      expect(r.statusCode).toBe(200)
    }
    const jobs = await queued('robot-run')
    expect(jobs).toHaveLength(1)
    expect(jobs[0].data).toMatchObject({
      code: 'penalty-calculate',
      eventToken: 'evt-1',
      properties: { debt: '1000.00' },
    })
  })

  it.each([
    [
      'forged token',
      '/bitrix/robots/penalty-calculate',
      robotBody({ event_token: 'e2', auth: { member_id: 'member-a', application_token: 'nope' } }),
      401,
    ],
    ['code mismatch', '/bitrix/robots/claim-open', robotBody({ event_token: 'e3' }), 400],
    ['bad code', '/bitrix/robots/..%2F..%2Fetc', robotBody({ event_token: 'e4' }), 404],
    ['missing event token', '/bitrix/robots/penalty-calculate', robotBody({ event_token: '' }), 400],
    [
      'document_id not a list',
      '/bitrix/robots/penalty-calculate',
      robotBody({ event_token: 'e5', document_id: 'x' }),
      400,
    ],
  ])('rejects %s and enqueues nothing', async (_n, url, payload, status) => {
    const before = (await queued('robot-run')).length
    const r = await t.app.inject({ method: 'POST', url, headers: form, payload })
    expect(r.statusCode).toBe(status)
    expect(r.json().error).toEqual(expect.any(String))
    expect((await queued('robot-run')).length).toBe(before)
  })
})

describe('placements and health', () => {
  it('refuses a tab for an unknown portal', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/bitrix/placements/counterparty-receivables',
      headers: form,
      payload: 'member_id=nobody&PLACEMENT=CRM_COMPANY_DETAIL_TAB',
    })
    expect(r.statusCode).toBe(403)
  })
  it('refuses a tab without member_id and a bad tab name', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/bitrix/placements/counterparty-receivables',
          headers: form,
          payload: 'PLACEMENT=X',
        })
      ).statusCode,
    ).toBe(400)
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/bitrix/placements/Bad_Tab',
          headers: form,
          payload: 'member_id=member-a',
        })
      ).statusCode,
    ).toBe(404)
  })
  it('reports health', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ status: 'ok', checks: { database: 'ok', queue: 'ok' } })
  })
})

describe('NUL bytes from the wire', () => {
  it('are dropped from form fields so a verified event still lands in PostgreSQL or PGlite', async () => {
    const payload = eventBody({ ts: '77', data: { FIELDS: { ID: '77', TITLE: 'a%00b' } } }).replace('a%2500b', 'a%00b')
    const r = await t.app.inject({ method: 'POST', url: '/bitrix/events', headers: form, payload })
    expect(r.statusCode).toBe(200)
    const job = (
      await t.ctx.queue.boss.findJobs<{ ts: string; data: { FIELDS: { TITLE: string } } }>('event-handle', {
        queued: true,
      })
    ).find((j) => j.data.ts === '77')
    expect(job?.data.data.FIELDS.TITLE).toBe('ab')
  })
})
