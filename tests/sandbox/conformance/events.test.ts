// Conformance: online event delivery (queue, no redelivery, no tokens for automation, string ids), through the
// official SDK for binding and a plain HTTP receiver for what arrives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeSpa, setup, waitFor, type World } from '../harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  for (const event of ['ONCRMDYNAMICITEMADD', 'ONCRMCOMPANYADD'])
    await call(w.b24, 'event.bind', { event, handler: `${w.rx.url}/events` })
})
afterAll(async () => w.close())

const arrived = (event: string) => w.rx.received.filter((r) => r.body.event === event)
const fieldsOf = (r: { body: Record<string, unknown> }) => (r.body.data as { FIELDS: Record<string, unknown> }).FIELDS

describe('api-reference/events/index.md', () => {
  it('api-reference/events/index.md: events pass a queue: delayed, later ones may arrive first, each sent once', async () => {
    w.sb.admin.setFaults(w.portalId, { eventDelayMs: 400 })
    const slow = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'slow' } })
    w.sb.admin.setFaults(w.portalId, { eventDelayMs: 0 })
    const fast = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'fast' } })
    await w.sb.admin.flush()
    const order = arrived('ONCRMDYNAMICITEMADD').map((r) => Number(fieldsOf(r).ID))
    expect(order).toEqual([fast.item.id, slow.item.id])
    // each event is posted exactly once (no retries, no redelivery)
    expect(w.sb.admin.deliveries({ portalId: w.portalId, name: 'ONCRMDYNAMICITEMADD' })).toHaveLength(2)
  })

  it('api-reference/events/index.md: a change made by automation / a business process arrives without tokens', async () => {
    w.rx.received.length = 0
    await w.sb.admin.call(
      w.portalId,
      'crm.item.add',
      { entityTypeId: spa.entityTypeId, fields: { title: 'by robot' } },
      { automation: true },
    )
    const r = await waitFor(() => arrived('ONCRMDYNAMICITEMADD')[0])
    const auth = r.body.auth as Record<string, unknown>
    expect(auth.access_token).toBeUndefined()
    expect(auth.refresh_token).toBeUndefined()
    expect(auth).toMatchObject({ application_token: w.applicationToken, member_id: w.tokens.member_id })
    // a user's change carries the user's token
    await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'by user' } })
    const u = await waitFor(() => arrived('ONCRMDYNAMICITEMADD')[1])
    expect((u.body.auth as Record<string, unknown>).access_token).toEqual(expect.any(String))
  })

  it('api-reference/crm/universal/events/on-crm-dynamic-item-add.md, api-reference/crm/companies/events/on-crm-company-add.md: ids are strings', async () => {
    await call(w.b24, 'event.bind', { event: 'ONCRMCOMPANYADD', event_type: 'offline' })
    await call(w.b24, 'crm.company.add', { fields: { TITLE: 'Vasilek' } })
    const q = await call(w.b24, 'event.offline.get', { clear: 1 })
    const row = (q.events as { EVENT_NAME: string; EVENT_DATA: { FIELDS: Record<string, unknown> } }[]).find(
      (e) => e.EVENT_NAME === 'ONCRMCOMPANYADD',
    )
    expect(typeof row?.EVENT_DATA.FIELDS.ID).toBe('string')
    const item = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'ids' } })
    await w.sb.admin.flush()
    const ev = arrived('ONCRMDYNAMICITEMADD').find((r) => fieldsOf(r).ID === String(item.item.id))
    expect(fieldsOf(ev!)).toEqual({ ID: String(item.item.id), ENTITY_TYPE_ID: String(spa.entityTypeId) })
  })
})
