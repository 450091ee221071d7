// crm.item.* on smart processes, one test per documented rule. Driven through the official SDK
// (B24OAuth) and, where the HTTP status matters, raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, makeSpa, setup, type World } from '../harness.ts'

let w: World
let bare: { id: number; entityTypeId: number } // a type with every optional setting off
let full: { id: number; entityTypeId: number } // products, dates, client, sources, observers, my company on
let child: { id: number; entityTypeId: number } // `full` configured as its parent

const OPTIONAL = [
  'opportunity',
  'isManualOpportunity',
  'taxValue',
  'currencyId',
  'begindate',
  'closedate',
  'companyId',
  'contactId',
  'contactIds',
  'mycompanyId',
  'sourceId',
  'sourceDescription',
  'observers',
]

beforeAll(async () => {
  w = await setup()
  bare = await makeSpa(w.b24, 'Bare', { isClientEnabled: 'N' })
  full = await makeSpa(w.b24, 'Full', {
    isLinkWithProductsEnabled: 'Y',
    isBeginCloseDatesEnabled: 'Y',
    isMycompanyEnabled: 'Y',
    isSourceEnabled: 'Y',
    isObserversEnabled: 'Y',
  })
  child = await makeSpa(w.b24, 'Child', { relations: { parent: [{ entityTypeId: full.entityTypeId }] } })
  await call(w.b24, 'userfieldconfig.add', {
    moduleId: 'crm',
    field: { entityId: `CRM_${bare.id}`, fieldName: `UF_CRM_${bare.id}_FLAG`, userTypeId: 'boolean' },
  })
})
afterAll(async () => w.close())

const fieldsOf = async (etid: number) =>
  Object.keys((await call(w.b24, 'crm.item.fields', { entityTypeId: etid })).fields as Record<string, unknown>)

describe('crm.item on smart processes (api-reference/crm/universal/)', () => {
  it('crm.item.fields: lists only the fields the type settings switch on (object-fields.md, SPA)', async () => {
    const bareFields = await fieldsOf(bare.entityTypeId)
    for (const f of OPTIONAL) expect(bareFields).not.toContain(f)
    const fullFields = await fieldsOf(full.entityTypeId)
    for (const f of OPTIONAL) expect(fullFields).toContain(f)
  })

  it('crm.item.fields: parentId<N> exists only where a relation to type N is configured (object-fields.md)', async () => {
    expect(await fieldsOf(child.entityTypeId)).toContain(`parentId${full.entityTypeId}`)
    expect(await fieldsOf(bare.entityTypeId)).not.toContain(`parentId${full.entityTypeId}`)
    // the parent side sees the relation as a child, but gets no parent field for it
    expect(await fieldsOf(full.entityTypeId)).not.toContain(`parentId${child.entityTypeId}`)
  })

  it('crm.item.add: switched-off fields are not stored and read back as null (crm-item-add.md)', async () => {
    const { item } = await call(w.b24, 'crm.item.add', {
      entityTypeId: bare.entityTypeId,
      fields: { title: 'x', opportunity: 500, currencyId: 'USD', begindate: '2026-01-10', companyId: 3 },
    })
    expect(item).toMatchObject({ opportunity: null, currencyId: null, begindate: null, companyId: null })
    const got = (await call(w.b24, 'crm.item.get', { entityTypeId: bare.entityTypeId, id: item.id })).item
    expect(got).toMatchObject({ opportunity: null, currencyId: null, begindate: null, companyId: null })
  })

  it('crm.item.add: with the settings on the same fields are stored (object-fields.md, SPA)', async () => {
    const { item } = await call(w.b24, 'crm.item.add', {
      entityTypeId: full.entityTypeId,
      fields: { title: 'x', opportunity: 500, currencyId: 'USD', begindate: '2026-01-10', isManualOpportunity: 'Y' },
    })
    expect(item).toMatchObject({ opportunity: 500, currencyId: 'USD', isManualOpportunity: 'Y' })
    expect(String(item.begindate)).toMatch(/^2026-01-10T00:00:00[+-]\d{2}:\d{2}$/)
  })

  it('crm.item.update: writing a switched-off field changes nothing (crm-item-update.md, crm-item-add.md)', async () => {
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: bare.entityTypeId, fields: { title: 'u' } })
    const upd = await call(w.b24, 'crm.item.update', {
      entityTypeId: bare.entityTypeId,
      id: item.id,
      fields: { opportunity: 7, title: 'u2' },
    })
    expect(upd.item).toMatchObject({ title: 'u2', opportunity: null })
  })

  it('crm.item.get: parentId<N> without a relation is dropped (object-fields.md)', async () => {
    const { item: parent } = await call(w.b24, 'crm.item.add', { entityTypeId: full.entityTypeId, fields: {} })
    const linked = await call(w.b24, 'crm.item.add', {
      entityTypeId: child.entityTypeId,
      fields: { [`parentId${full.entityTypeId}`]: parent.id },
    })
    expect(linked.item[`parentId${full.entityTypeId}`]).toBe(parent.id)
    const unlinked = await call(w.b24, 'crm.item.add', {
      entityTypeId: bare.entityTypeId,
      fields: { [`parentId${full.entityTypeId}`]: parent.id },
    })
    const got = (await call(w.b24, 'crm.item.get', { entityTypeId: bare.entityTypeId, id: unlinked.item.id })).item
    expect(got[`parentId${full.entityTypeId}`]).toBeUndefined()
  })

  it('crm.item.list: an unknown order field is 400 INVALID_ARG_VALUE (crm-item-list.md)', async () => {
    expect(await fails(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, order: { nope: 'ASC' } })).toEqual({
      code: 'INVALID_ARG_VALUE',
      status: 400,
    })
    // a switched-off field is not a field of the type
    expect(
      await fails(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, order: { opportunity: 'DESC' } }),
    ).toEqual({ code: 'INVALID_ARG_VALUE', status: 400 })
  })

  it('crm.item.list: a sort direction other than ASC/DESC is 400 INVALID_ARG_VALUE (crm-item-list.md)', async () => {
    const r = await fetch(`${String(w.tokens.client_endpoint)}crm.item.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: w.tokens.access_token, entityTypeId: bare.entityTypeId, order: { id: 'UP' } }),
    })
    expect(r.status).toBe(400)
    const body = (await r.json()) as { error: string; error_description: string }
    expect(body.error).toBe('INVALID_ARG_VALUE')
    expect(body.error_description).toContain("allowed sort directions are ASC, DESC. But got 'UP' for field 'id'")
  })

  it('crm.item.list: an unknown or switched-off filter field is 400 INVALID_ARG_VALUE (crm-item-list.md)', async () => {
    for (const filter of [{ nope: 1 }, { '>=opportunity': 1 }, { begindate: '2026-01-01' }])
      expect(await fails(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, filter })).toEqual({
        code: 'INVALID_ARG_VALUE',
        status: 400,
      })
  })

  it('crm.item.list: date-time filter values only as YYYY-MM-DD or YYYY-MM-DDThh:mm:ss±hh:mm (data-types.md)', async () => {
    const list = (filter: Record<string, unknown>) =>
      call(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, filter, select: ['id'] })
    expect((await list({ '>=createdTime': '2000-01-01T00:00:00+03:00' })).items.length).toBeGreaterThan(0)
    expect((await list({ '>=createdTime': '2000-01-01' })).items.length).toBeGreaterThan(0)
    for (const v of ['2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00Z', '01.01.2000', 'yesterday'])
      expect(
        await fails(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, filter: { '>=createdTime': v } }),
      ).toEqual({ code: 'INVALID_ARG_VALUE', status: 400 })
  })

  it('crm.item.list: boolean user fields filter by 1/0, not Y/N (crm-item-list.md)', async () => {
    const flag = `ufCrm${bare.id}Flag`
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: bare.entityTypeId, fields: { [flag]: 'Y' } })
    expect(item[flag]).toBe('Y')
    const ids = async (v: unknown) =>
      (
        await call(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, filter: { [flag]: v }, select: ['id'] })
      ).items.map((i: { id: number }) => i.id)
    expect(await ids(1)).toEqual([item.id])
    expect(await ids(0)).not.toContain(item.id)
    expect(
      await fails(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, filter: { [flag]: 'Y' } }),
    ).toMatchObject({ code: 'INVALID_ARG_VALUE', status: 400 })
  })

  it('crm.item.list: select * returns switched-off fields as null (crm-item-add.md "Disabled fields")', async () => {
    const { items } = await call(w.b24, 'crm.item.list', { entityTypeId: bare.entityTypeId, select: ['*'] })
    expect(items[0]).toMatchObject({ opportunity: null, begindate: null, companyId: null, observers: null })
  })

  it('crm.item.delete: deletes, then get answers 400 NOT_FOUND (crm-item-delete.md, crm-item-get.md)', async () => {
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: bare.entityTypeId, fields: { title: 'd' } })
    expect(await call(w.b24, 'crm.item.delete', { entityTypeId: bare.entityTypeId, id: item.id })).toEqual([])
    expect(await fails(w.b24, 'crm.item.get', { entityTypeId: bare.entityTypeId, id: item.id })).toEqual({
      code: 'NOT_FOUND',
      status: 400,
    })
  })
})
