// Conformance: crm.activity.add / crm.activity.list, through raw HTTP (exact error bodies) and the official SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, setup, type World } from '../harness.ts'

let w: World
let company: number

beforeAll(async () => {
  w = await setup()
  company = w.sb.admin.seedCompany(w.portalId, { TITLE: 'Romashka LLC' })
})
afterAll(async () => w.close())

async function raw(method: string, params: Record<string, unknown>) {
  const res = await fetch(`${String(w.tokens.client_endpoint)}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, auth: w.tokens.access_token }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const email = (extra: Record<string, unknown> = {}) => ({
  OWNER_TYPE_ID: 4,
  OWNER_ID: company,
  TYPE_ID: 4,
  SUBJECT: 'Invoice 7',
  DIRECTION: 2,
  COMPLETED: 'N',
  RESPONSIBLE_ID: 1,
  COMMUNICATIONS: [{ VALUE: 'client@example.com', ENTITY_ID: company, ENTITY_TYPE_ID: 4 }],
  ...extra,
})

const P = 'api-reference/crm/timeline/activities/activity-base/crm-activity-add.md'

describe(P, () => {
  it(`${P}: RESPONSIBLE_ID is required (400, documented text), nothing is created`, async () => {
    const r = await raw('crm.activity.add', { fields: email({ RESPONSIBLE_ID: undefined }) })
    expect(r.status).toBe(400)
    expect(r.body.error_description).toBe('The field RESPONSIBLE_ID is not defined or invalid')
    expect((await w.sb.admin.call(w.portalId, 'crm.activity.list', {})).result).toEqual([])
  })

  it(`${P}: COMMUNICATIONS is required, and only one for an e-mail`, async () => {
    const none = await raw('crm.activity.add', { fields: email({ COMMUNICATIONS: [] }) })
    expect([none.status, none.body.error_description]).toEqual([
      400,
      'The field COMMUNICATIONS is not defined or invalid',
    ])
    const two = await raw('crm.activity.add', {
      fields: email({
        COMMUNICATIONS: [
          { VALUE: 'a@example.com', ENTITY_ID: company, ENTITY_TYPE_ID: 4 },
          { VALUE: 'b@example.com', ENTITY_ID: company, ENTITY_TYPE_ID: 4 },
        ],
      }),
    })
    expect([two.status, two.body.error_description]).toEqual([
      400,
      'The only one communication is allowed for activity of specified type',
    ])
  })

  it(`${P}: SUBJECT of an e-mail and TYPE_ID are required`, async () => {
    const subj = await raw('crm.activity.add', { fields: email({ SUBJECT: '' }) })
    expect(subj.body.error_description).toBe('The field SUBJECT is not defined or empty')
    const type = await raw('crm.activity.add', { fields: email({ TYPE_ID: undefined }) })
    expect(type.body.error_description).toBe('The field TYPE_ID is not defined or invalid')
  })

  it(`${P}: ORIGINATOR_ID / ORIGIN_ID are stored and filterable in crm.activity.list`, async () => {
    const id = await call(w.b24, 'crm.activity.add', { fields: email({ ORIGINATOR_ID: 'rc', ORIGIN_ID: 'dun-1' }) })
    await call(w.b24, 'crm.activity.add', { fields: email({ ORIGIN_ID: 'dun-2' }) })
    const rows = await call(w.b24, 'crm.activity.list', {
      filter: { OWNER_TYPE_ID: 4, OWNER_ID: company, ORIGIN_ID: 'dun-1' },
      select: ['ID', 'ORIGIN_ID', 'ORIGINATOR_ID'],
    })
    expect(rows).toEqual([{ ID: String(id), ORIGIN_ID: 'dun-1', ORIGINATOR_ID: 'rc' }])
  })
})

describe('api-reference/crm/timeline/activities/activity-base/crm-activity-list.md', () => {
  it('api-reference/crm/timeline/activities/activity-base/crm-activity-list.md: default order is START_TIME ascending', async () => {
    const clock = w.sb.admin.clock()
    clock.freeze('2026-03-02T10:00:00Z')
    const late = await call(w.b24, 'crm.activity.add', { fields: email({ ORIGIN_ID: 'late' }) })
    clock.freeze('2026-03-01T10:00:00Z')
    const early = await call(w.b24, 'crm.activity.add', { fields: email({ ORIGIN_ID: 'early' }) })
    clock.real()
    const rows = (await call(w.b24, 'crm.activity.list', {
      filter: { '@ORIGIN_ID': ['late', 'early'] },
      select: ['ID'],
    })) as { ID: string }[]
    expect(rows.map((r) => Number(r.ID))).toEqual([early, late])
  })
})
