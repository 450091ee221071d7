// userfieldconfig.* for smart-process fields (api-reference/crm/universal/userfieldconfig/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeSpa, setup, type World } from '../harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
let field: { id: number; enum: { id: number; xmlId: string; value: string }[] }

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  field = (
    await call(w.b24, 'userfieldconfig.add', {
      moduleId: 'crm',
      field: {
        entityId: `CRM_${spa.id}`,
        fieldName: `UF_CRM_${spa.id}_RISK`,
        userTypeId: 'enumeration',
        editFormLabel: { en: 'Risk' },
        enum: [{ value: 'Low', xmlId: 'low', sort: 100 }],
      },
    })
  ).field
})
afterAll(async () => w.close())

const options = async () =>
  ((await call(w.b24, 'userfieldconfig.get', { moduleId: 'crm', id: field.id })).field.enum as { xmlId: string }[])
    .map((e) => e.xmlId)
    .sort()

describe('userfieldconfig', () => {
  it('userfieldconfig.add: creates the field with its options and ids as the docs show (userfieldconfig-add.md)', async () => {
    expect(field).toMatchObject({ entityId: `CRM_${spa.id}`, fieldName: `UF_CRM_${spa.id}_RISK` })
    expect(field.enum.map((e) => e.xmlId)).toEqual(['low'])
  })

  it('userfieldconfig.update: enum changes without userTypeId are not applied (userfieldconfig-update.md)', async () => {
    const r = await call(w.b24, 'userfieldconfig.update', {
      moduleId: 'crm',
      id: field.id,
      field: { enum: [{ value: 'High', xmlId: 'high' }] },
    })
    expect(r.field.enum.map((e: { xmlId: string }) => e.xmlId)).toEqual(['low'])
    expect(await options()).toEqual(['low'])
  })

  it("userfieldconfig.update: enum changes apply with userTypeId 'enumeration' (userfieldconfig-update.md)", async () => {
    await call(w.b24, 'userfieldconfig.update', {
      moduleId: 'crm',
      id: field.id,
      field: { userTypeId: 'enumeration', enum: [{ value: 'High', xmlId: 'high' }] },
    })
    expect(await options()).toEqual(['high', 'low'])
    const low = field.enum[0].id
    await call(w.b24, 'userfieldconfig.update', {
      moduleId: 'crm',
      id: field.id,
      field: { userTypeId: 'enumeration', enum: [{ id: low, del: 'Y' }] },
    })
    expect(await options()).toEqual(['high'])
  })

  it('userfieldconfig.update: label changes apply without userTypeId (userfieldconfig-update.md)', async () => {
    await call(w.b24, 'userfieldconfig.update', {
      moduleId: 'crm',
      id: field.id,
      field: { editFormLabel: { en: 'R' } },
    })
    expect((await call(w.b24, 'userfieldconfig.get', { moduleId: 'crm', id: field.id })).field.editFormLabel.en).toBe(
      'R',
    )
  })

  it('userfieldconfig.list: filters by entityId, answers { fields } (userfieldconfig-list.md)', async () => {
    const r = await call(w.b24, 'userfieldconfig.list', { moduleId: 'crm', filter: { entityId: `CRM_${spa.id}` } })
    expect(r.fields.map((f: { fieldName: string }) => f.fieldName)).toEqual([`UF_CRM_${spa.id}_RISK`])
    const none = await call(w.b24, 'userfieldconfig.list', { moduleId: 'crm', filter: { entityId: 'CRM_99999' } })
    expect(none.fields).toEqual([])
  })
})
