// Conformance: deals (entityTypeId 2) and smart invoices (31) through the universal crm.item.*, their pipelines
// and stages (crm.category.list / crm.status.list) and their events, through the official SDK.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, setup, waitFor, type World } from '../harness.ts'

let w: World

beforeAll(async () => {
  w = await setup()
  for (const event of ['ONCRMDEALADD', 'ONCRMDEALUPDATE', 'ONCRMDYNAMICITEMUPDATE'])
    await call(w.b24, 'event.bind', { event, handler: `${w.rx.url}/events` })
})
afterAll(async () => w.close())

const arrived = (event: string) => w.rx.received.filter((r) => r.body.event === event)
const fieldsOf = (r: { body: Record<string, unknown> }) => (r.body.data as { FIELDS: Record<string, unknown> }).FIELDS
type Status = { STATUS_ID: string; SEMANTICS: string | null; CATEGORY_ID: string | null }

describe('deals through crm.item.*', () => {
  it('api-reference/crm/universal/category/crm-category-list.md: the default deal pipeline is category 0', async () => {
    const r = await call(w.b24, 'crm.category.list', { entityTypeId: 2 })
    expect(r.categories).toEqual([expect.objectContaining({ id: 0, isDefault: 'Y', entityTypeId: 2 })])
  })

  it('api-reference/crm/status/crm-status-list.md: DEAL_STAGE has unprefixed codes, one success stage', async () => {
    const stages = (await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE' } })) as Status[]
    expect(stages.map((s) => s.STATUS_ID)).toContain('NEW')
    expect(stages.filter((s) => s.SEMANTICS === 'S').map((s) => s.STATUS_ID)).toEqual(['WON'])
    expect(stages.filter((s) => s.SEMANTICS === 'F').map((s) => s.STATUS_ID)).toEqual(['LOSE'])
  })

  it('reference 5.4: another deal pipeline uses C{cat}: stages; a stage of another pipeline is refused', async () => {
    const cat = (await call(w.b24, 'crm.category.add', { entityTypeId: 2, fields: { name: 'Опт' } })).category.id
    const stages = (await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: `DEAL_STAGE_${cat}` } })) as Status[]
    expect(stages.map((s) => s.STATUS_ID)).toContain(`C${cat}:WON`)
    const deal = (await call(w.b24, 'crm.item.add', { entityTypeId: 2, fields: { title: 'd', categoryId: cat } })).item
    expect(deal).toMatchObject({ categoryId: cat, stageId: `C${cat}:NEW` })
    await expect(
      call(w.b24, 'crm.item.update', { entityTypeId: 2, id: deal.id, fields: { stageId: 'WON', categoryId: cat } }),
    ).rejects.toThrow(/pipeline/i)
  })

  it('api-reference/crm/deals/events/on-crm-deal-update.md: ONCRMDEAL* carry FIELDS {ID} only', async () => {
    const deal = (await call(w.b24, 'crm.item.add', { entityTypeId: 2, fields: { title: 'ev', opportunity: 10 } })).item
    await call(w.b24, 'crm.item.update', { entityTypeId: 2, id: deal.id, fields: { stageId: 'WON' } })
    const add = await waitFor(() => arrived('ONCRMDEALADD').find((r) => Number(fieldsOf(r).ID) === deal.id))
    const upd = await waitFor(() => arrived('ONCRMDEALUPDATE').find((r) => Number(fieldsOf(r).ID) === deal.id))
    expect(fieldsOf(add)).toEqual({ ID: String(deal.id) })
    expect(fieldsOf(upd)).toEqual({ ID: String(deal.id) })
    // not the smart-process events (api-reference/crm/universal/events/*.md)
    expect(arrived('ONCRMDYNAMICITEMUPDATE').filter((r) => Number(fieldsOf(r).ID) === deal.id)).toEqual([])
  })
})

describe('smart invoices through crm.item.*', () => {
  it('reference 5.4: SMART_INVOICE_STAGE_{cat} with DT31_{cat}:N|S|P|D; ONCRMDYNAMICITEMUPDATE with 31', async () => {
    const cat = (await call(w.b24, 'crm.category.list', { entityTypeId: 31 })).categories[0].id
    const stages = (await call(w.b24, 'crm.status.list', {
      filter: { ENTITY_ID: `SMART_INVOICE_STAGE_${cat}` },
    })) as Status[]
    expect(stages.map((s) => s.STATUS_ID)).toEqual(['N', 'S', 'P', 'D'].map((c) => `DT31_${cat}:${c}`))
    const inv = (await call(w.b24, 'crm.item.add', { entityTypeId: 31, fields: { title: 'Счёт', opportunity: 5 } }))
      .item
    expect(inv).toMatchObject({ stageId: `DT31_${cat}:N`, categoryId: cat })
    await call(w.b24, 'crm.item.update', { entityTypeId: 31, id: inv.id, fields: { stageId: `DT31_${cat}:S` } })
    const upd = await waitFor(() => arrived('ONCRMDYNAMICITEMUPDATE').find((r) => Number(fieldsOf(r).ID) === inv.id))
    expect(fieldsOf(upd)).toEqual({ ID: String(inv.id), ENTITY_TYPE_ID: '31' })
  })
})
