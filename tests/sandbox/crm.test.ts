import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, callFull, fails, makeSpa, setup, type World } from './harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24, undefined, { isLinkWithProductsEnabled: 'Y' })
})
afterAll(async () => w.close())

describe('smart processes, pipelines, stages', () => {
  it('a new type has a default pipeline with the five default stages', async () => {
    const { categories } = await call(w.b24, 'crm.category.list', { entityTypeId: spa.entityTypeId })
    expect(categories).toHaveLength(1)
    expect(categories[0]).toMatchObject({ isDefault: 'Y', entityTypeId: spa.entityTypeId })
    const stages = await call(w.b24, 'crm.status.list', {
      filter: { ENTITY_ID: `DYNAMIC_${spa.entityTypeId}_STAGE_${categories[0].id}` },
    })
    expect(stages.map((s: { STATUS_ID: string }) => s.STATUS_ID.split(':')[1])).toEqual([
      'NEW',
      'PREPARATION',
      'CLIENT',
      'SUCCESS',
      'FAIL',
    ])
    expect(stages[3]).toMatchObject({
      SEMANTICS: 'S',
      SYSTEM: 'Y',
      SORT: '40',
      STATUS_ID: `DT${spa.entityTypeId}_${categories[0].id}:SUCCESS`,
    })
    expect(stages[1].SEMANTICS).toBeNull()
  })

  it('crm.type get/list/update/delete and the allowed id range', async () => {
    const t = await makeSpa(w.b24, 'Temp', { entityTypeId: 140 })
    expect(t.entityTypeId).toBe(140)
    expect((await call(w.b24, 'crm.type.get', { id: t.id })).type.title).toBe('Temp')
    expect((await call(w.b24, 'crm.type.update', { id: t.id, fields: { title: 'Temp 2' } })).type.title).toBe('Temp 2')
    expect((await call(w.b24, 'crm.type.list', { filter: { title: 'Temp 2' } })).types).toHaveLength(1)
    expect(await fails(w.b24, 'crm.type.add', { fields: { title: 'Bad', entityTypeId: 1031 } })).toMatchObject({
      code: 'INVALID_ARG_VALUE',
      status: 400,
    })
    expect(await call(w.b24, 'crm.type.delete', { id: t.id })).toEqual([])
    expect(await fails(w.b24, 'crm.type.get', { id: t.id })).toEqual({ code: 'NOT_FOUND', status: 400 })
    const owner = (await call(w.b24, 'crm.enum.ownertype')).find((o: { ID: number }) => o.ID === spa.entityTypeId)
    expect(owner).toMatchObject({
      SYMBOL_CODE: `DYNAMIC_${spa.entityTypeId}`,
      SYMBOL_CODE_SHORT: `T${spa.entityTypeId.toString(16)}`,
    })
    const type = (await call(w.b24, 'crm.type.get', { id: spa.id })).type
    expect(type.linkedUserFields['TASKS_TASK|UF_CRM_TASK']).toBe('Y')
    expect(type.relations.parent.map((r: { entityTypeId: number }) => r.entityTypeId)).toEqual([3, 4])
  })

  it('adds a pipeline and custom stages with the prefix added, updates and deletes them', async () => {
    const { category } = await call(w.b24, 'crm.category.add', {
      entityTypeId: spa.entityTypeId,
      fields: { name: 'Debt recovery', sort: 200 },
    })
    const entityId = `DYNAMIC_${spa.entityTypeId}_STAGE_${category.id}`
    const id = await call(w.b24, 'crm.status.add', {
      fields: { ENTITY_ID: entityId, STATUS_ID: 'COURT', NAME: 'In court', SORT: 35, COLOR: '#123456' },
    })
    const [s] = await call(w.b24, 'crm.status.list', { filter: { ID: id } })
    expect(s).toMatchObject({
      STATUS_ID: `DT${spa.entityTypeId}_${category.id}:COURT`,
      NAME: 'In court',
      CATEGORY_ID: String(category.id),
      SYSTEM: 'N',
    })
    expect(await call(w.b24, 'crm.status.update', { id, fields: { NAME: 'Court' } })).toBe(true)
    expect((await call(w.b24, 'crm.status.list', { filter: { ID: id } }))[0].NAME).toBe('Court')
    expect(
      (await fails(w.b24, 'crm.status.add', { fields: { ENTITY_ID: entityId, STATUS_ID: 'COURT', NAME: 'dup' } }))
        .status,
    ).toBe(400)
    const success = (await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: entityId, SEMANTICS: 'S' } }))[0]
    expect((await fails(w.b24, 'crm.status.delete', { id: success.ID })).status).toBe(400)
    expect(await call(w.b24, 'crm.status.delete', { id })).toBe(true)
  })
})

describe('custom fields and item field names', () => {
  it('userfieldconfig add/get/list/update/delete and the camelCase rule', async () => {
    const add = (fieldName: string, userTypeId: string, extra: Record<string, unknown> = {}) =>
      call(w.b24, 'userfieldconfig.add', {
        moduleId: 'crm',
        field: { entityId: `CRM_${spa.id}`, fieldName, userTypeId, editFormLabel: { en: fieldName }, ...extra },
      })
    const amount = (await add(`UF_CRM_${spa.id}_AMOUNT`, 'double')).field
    expect(amount).toMatchObject({
      fieldName: `UF_CRM_${spa.id}_AMOUNT`,
      userTypeId: 'double',
      multiple: 'N',
      id: expect.any(String),
    })
    await add(`UF_CRM_${spa.id}_DUE_DATE`, 'date')
    await add(`UF_CRM_${spa.id}_1747309727`, 'string')
    await add(`UF_CRM_${spa.id}_DIGIT10`, 'integer')
    const risk = (
      await add(`UF_CRM_${spa.id}_RISK`, 'enumeration', { enum: [{ value: 'Low', def: 'Y' }, { value: 'High' }] })
    ).field
    expect(risk.enum).toHaveLength(2)
    expect(
      (
        await fails(w.b24, 'userfieldconfig.add', {
          moduleId: 'crm',
          field: { entityId: `CRM_${spa.id}`, fieldName: 'UF_CRM_999_X', userTypeId: 'string' },
        })
      ).status,
    ).toBe(400)
    const { fields } = await call(w.b24, 'crm.item.fields', { entityTypeId: spa.entityTypeId })
    expect(fields[`ufCrm${spa.id}Amount`]).toMatchObject({
      type: 'double',
      upperName: `UF_CRM_${spa.id}_AMOUNT`,
      isDynamic: true,
    })
    expect(fields[`ufCrm${spa.id}DueDate`]).toBeDefined()
    expect(fields[`ufCrm${spa.id}_1747309727`]).toBeDefined()
    expect(fields[`ufCrm_${spa.id}_DIGIT10`]).toBeDefined()
    expect(fields[`ufCrm${spa.id}Risk`].items.map((i: { VALUE: string }) => i.VALUE)).toEqual(['Low', 'High'])
    const orig = (await call(w.b24, 'crm.item.fields', { entityTypeId: spa.entityTypeId, useOriginalUfNames: 'Y' }))
      .fields
    expect(orig[`UF_CRM_${spa.id}_AMOUNT`]).toBeDefined()
    const list = (await call(w.b24, 'userfieldconfig.list', { moduleId: 'crm', filter: { entityId: `CRM_${spa.id}` } }))
      .fields
    expect(list).toHaveLength(5)
    const upd = await call(w.b24, 'userfieldconfig.update', {
      moduleId: 'crm',
      id: amount.id,
      field: { editFormLabel: { en: 'Amount' }, mandatory: 'N' },
    })
    expect(upd.field.editFormLabel.en).toBe('Amount')
    expect((await call(w.b24, 'userfieldconfig.get', { moduleId: 'crm', id: amount.id })).field.editFormLabel.en).toBe(
      'Amount',
    )
    const tmp = (await add(`UF_CRM_${spa.id}_TMP`, 'string')).field
    expect(await call(w.b24, 'userfieldconfig.delete', { moduleId: 'crm', id: tmp.id })).toBe(true)
  })

  it('crm.item add/get/update/delete with custom fields in both naming regimes', async () => {
    const f = (s: string) => `ufCrm${spa.id}${s}`
    const { item } = await call(w.b24, 'crm.item.add', {
      entityTypeId: spa.entityTypeId,
      fields: { title: 'Invoice 1', [f('Amount')]: '1500.5', [f('DueDate')]: '2026-03-01', companyId: 5 },
    })
    expect(item).toMatchObject({
      title: 'Invoice 1',
      [f('Amount')]: 1500.5,
      companyId: 5,
      assignedById: 1,
      entityTypeId: spa.entityTypeId,
    })
    expect(item[f('DueDate')]).toBe('2026-03-01T00:00:00+03:00')
    expect(item.stageId).toMatch(new RegExp(`^DT${spa.entityTypeId}_\\d+:NEW$`))
    expect(item[f('Risk')]).toEqual(expect.any(Number))
    const got = (
      await call(w.b24, 'crm.item.get', { entityTypeId: spa.entityTypeId, id: item.id, useOriginalUfNames: 'Y' })
    ).item
    expect(got[`UF_CRM_${spa.id}_AMOUNT`]).toBe(1500.5)
    const stage = item.stageId.replace(':NEW', ':PREPARATION')
    const upd = (
      await call(w.b24, 'crm.item.update', {
        entityTypeId: spa.entityTypeId,
        id: item.id,
        useOriginalUfNames: 'Y',
        fields: { stageId: stage, [`UF_CRM_${spa.id}_AMOUNT`]: 10 },
      })
    ).item
    expect(upd).toMatchObject({ stageId: stage, previousStageId: item.stageId, [`UF_CRM_${spa.id}_AMOUNT`]: 10 })
    expect(
      await fails(w.b24, 'crm.item.update', {
        entityTypeId: spa.entityTypeId,
        id: item.id,
        fields: { stageId: 'DT1_1:NOPE' },
      }),
    ).toMatchObject({ status: 400 })
    expect(await call(w.b24, 'crm.item.delete', { entityTypeId: spa.entityTypeId, id: item.id })).toEqual([])
    expect(await fails(w.b24, 'crm.item.get', { entityTypeId: spa.entityTypeId, id: item.id })).toEqual({
      code: 'NOT_FOUND',
      status: 400,
    })
    expect(await fails(w.b24, 'crm.item.list', { entityTypeId: 999 })).toEqual({ code: 'NOT_FOUND', status: 400 })
  })
})

describe('crm.item.list', () => {
  let ids: number[]
  beforeAll(() => {
    ids = w.sb.admin.seedItems(
      w.portalId,
      spa.entityTypeId,
      Array.from({ length: 130 }, (_, i) => ({
        title: `Seed ${i}`,
        opportunity: i * 10,
        companyId: i % 3 === 0 ? 7 : 8,
      })),
    )
  })

  it('pages by 50 with total and next', async () => {
    const p1 = await callFull(w.b24, 'crm.item.list', { entityTypeId: spa.entityTypeId, filter: { '%title': 'Seed' } })
    expect([p1.result.items.length, p1.total, p1.next]).toEqual([50, 130, 50])
    const p3 = await callFull(w.b24, 'crm.item.list', {
      entityTypeId: spa.entityTypeId,
      filter: { '%title': 'Seed' },
      start: 100,
    })
    expect([p3.result.items.length, p3.next]).toEqual([30, undefined])
  })

  it('filters with prefixes, selects, orders', async () => {
    const list = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      (await call(w.b24, 'crm.item.list', { entityTypeId: spa.entityTypeId, filter, ...extra })).items
    expect((await list({ '>=opportunity': 1200 })).length).toBe(10)
    expect((await list({ '<opportunity': 30, '%title': 'Seed' })).length).toBe(3)
    expect((await list({ '@id': [ids[0], ids[1]] })).length).toBe(2)
    expect(
      (await list({ '!companyId': 7, '%title': 'Seed' })).every((i: { companyId: number }) => i.companyId === 8),
    ).toBe(true)
    expect((await list({ '=title': 'Seed 5' })).map((i: { id: number }) => i.id)).toEqual([ids[5]])
    const sel = await list({ id: ids[2] }, { select: ['title'] })
    expect(Object.keys(sel[0]).sort()).toEqual(['id', 'title'])
    const desc = await list({ '%title': 'Seed' }, { order: { opportunity: 'DESC' }, select: ['id', 'opportunity'] })
    expect(desc[0].opportunity).toBe(1290)
    const or = await list({ 0: { logic: 'OR', 0: { '=title': 'Seed 1' }, 1: { '=title': 'Seed 2' } } })
    expect(or).toHaveLength(2)
  })

  it('start=-1 gives no total and the SDK fast list reads all rows', async () => {
    const fast = await callFull(w.b24, 'crm.item.list', {
      entityTypeId: spa.entityTypeId,
      order: { id: 'ASC' },
      filter: { '>id': ids[100] },
      start: -1,
    })
    expect(fast.result.items.length).toBe(29)
    expect(fast.total ?? 0).toBe(0)
    expect(fast.next).toBeUndefined()
    const before = w.sb.admin.counters(w.portalId).byMethod['crm.item.list'] ?? 0
    const all = await w.b24.actions.v2.callList.make({
      method: 'crm.item.list',
      params: { entityTypeId: spa.entityTypeId, filter: { '%title': 'Seed' } },
      idKey: 'id',
      customKeyForResult: 'items',
    })
    expect((all.getData() as unknown[]).length).toBe(130)
    expect((w.sb.admin.counters(w.portalId).byMethod['crm.item.list'] ?? 0) - before).toBe(3)
  })
})

describe('batch', () => {
  it('runs commands in order with $result references and per-command totals', async () => {
    const body = await callFull(w.b24, 'batch', {
      halt: 0,
      cmd: {
        me: 'user.current',
        dept: 'department.get?ID=$result[me][UF_DEPARTMENT][0]',
        items: `crm.item.list?entityTypeId=${spa.entityTypeId}&filter[%title]=Seed`,
        first: `crm.item.get?entityTypeId=${spa.entityTypeId}&id=$result[items][items][0][id]`,
        bad: 'crm.item.get?entityTypeId=1&id=1',
      },
    })
    const r = body.result
    expect(r.result.dept[0].ID).toBe('1')
    expect(r.result.first.item.title).toBe('Seed 0')
    expect(r.result_total).toMatchObject({ items: 130, dept: 1 })
    expect(r.result_next).toEqual({ items: 50 })
    expect(r.result_error.bad).toEqual({ error: 'NOT_FOUND', error_description: 'Smart process not found' })
    expect(Object.keys(r.result_time)).toEqual(['me', 'dept', 'items', 'first'])
  })

  it('halt stops at the first error; commands past the 50th fail one by one; the SDK batch works', async () => {
    const halted = (
      await callFull(w.b24, 'batch', { halt: 1, cmd: ['crm.item.get?entityTypeId=1&id=1', 'user.current'] })
    ).result
    expect(halted.result).toEqual([])
    expect(Object.keys(halted.result_error)).toEqual(['0'])
    const big = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'user.current']))
    const over = (await callFull(w.b24, 'batch', { cmd: big })).result
    expect(Object.keys(over.result)).toHaveLength(50)
    expect(over.result_error).toEqual({
      c50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    })
    const before = w.sb.admin.counters(w.portalId)
    const res = await w.b24.actions.v2.batch.make({
      calls: [
        ['user.current', {}],
        ['crm.item.list', { entityTypeId: spa.entityTypeId, filter: { '>opportunity': 1250 } }],
      ],
      options: { isHaltOnError: true },
    })
    expect(res.isSuccess).toBe(true)
    const after = w.sb.admin.counters(w.portalId)
    expect(after.requests - before.requests).toBe(1)
    expect(after.byMethod['user.current'] - (before.byMethod['user.current'] ?? 0)).toBe(1)
  })
})
