// Basic conformance of the setup and directory methods the app calls: the documented parameters are
// accepted and the result has the documented shape. One test per method, naming its doc path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, makeSpa, setup, type World } from '../harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
let itemId: number

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  itemId = (await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'b' } })).item.id
})
afterAll(async () => w.close())

const DIR = 'api-reference/crm/universal/user-defined-object-types'

describe('basic conformance: types, pipelines, stages, directories', () => {
  it(`crm.type.add: answers { type } with the Y/N flags and relations (${DIR}/crm-type-add.md)`, async () => {
    const { type } = await call(w.b24, 'crm.type.add', { fields: { title: 'T1', isStagesEnabled: 'Y' } })
    expect(type).toMatchObject({ title: 'T1', isStagesEnabled: 'Y', isLinkWithProductsEnabled: 'N' })
    expect(type.relations).toEqual({ parent: [], child: [] })
  })

  it(`crm.type.list: answers { types } (${DIR}/crm-type-list.md)`, async () => {
    const r = await call(w.b24, 'crm.type.list', { filter: { entityTypeId: spa.entityTypeId } })
    expect(r.types.map((t: { id: number }) => t.id)).toEqual([spa.id])
  })

  it(`crm.type.update: changes the title and flags, answers { type } (${DIR}/crm-type-update.md)`, async () => {
    const { type } = await call(w.b24, 'crm.type.update', {
      id: spa.id,
      fields: { title: 'Renamed', isBeginCloseDatesEnabled: 'Y' },
    })
    expect(type).toMatchObject({ title: 'Renamed', isBeginCloseDatesEnabled: 'Y' })
  })

  it(`crm.type.delete: answers [] and the type is gone (${DIR}/crm-type-delete.md)`, async () => {
    const { type } = await call(w.b24, 'crm.type.add', { fields: { title: 'Gone' } })
    expect(await call(w.b24, 'crm.type.delete', { id: type.id })).toEqual([])
    expect(await fails(w.b24, 'crm.type.get', { id: type.id })).toMatchObject({ code: 'NOT_FOUND', status: 400 })
  })

  it('crm.category.list: answers { categories } with the default pipeline (api-reference/crm/universal/category/crm-category-list.md)', async () => {
    const { categories } = await call(w.b24, 'crm.category.list', { entityTypeId: spa.entityTypeId })
    expect(categories).toEqual([expect.objectContaining({ isDefault: 'Y', entityTypeId: spa.entityTypeId })])
  })

  it('crm.category.add: answers { category } (api-reference/crm/universal/category/crm-category-add.md)', async () => {
    const { category } = await call(w.b24, 'crm.category.add', {
      entityTypeId: spa.entityTypeId,
      fields: { name: 'Second' },
    })
    expect(category).toMatchObject({ name: 'Second', isDefault: 'N', entityTypeId: spa.entityTypeId })
  })

  it('crm.category.update: renames, answers { category } (api-reference/crm/universal/category/crm-category-update.md)', async () => {
    const { category } = await call(w.b24, 'crm.category.add', {
      entityTypeId: spa.entityTypeId,
      fields: { name: 'A' },
    })
    const r = await call(w.b24, 'crm.category.update', {
      entityTypeId: spa.entityTypeId,
      id: category.id,
      fields: { name: 'B' },
    })
    expect(r.category).toMatchObject({ id: category.id, name: 'B' })
  })

  const stageDir = async () => {
    const { categories } = await call(w.b24, 'crm.category.list', { entityTypeId: spa.entityTypeId })
    return `DYNAMIC_${spa.entityTypeId}_STAGE_${categories.find((c: { isDefault: string }) => c.isDefault === 'Y').id}`
  }

  it('crm.status.list: stages with numbers as strings, SEMANTICS null in progress (api-reference/crm/status/crm-status-list.md)', async () => {
    const rows = await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: await stageDir() } })
    expect(rows[0]).toMatchObject({ SORT: '10', SYSTEM: 'Y', SEMANTICS: null })
    expect(typeof rows[0].ID).toBe('string')
  })

  it('crm.status.add: adds the prefix to STATUS_ID, answers the numeric id (api-reference/crm/status/crm-status-add.md)', async () => {
    const dir = await stageDir()
    const id = await call(w.b24, 'crm.status.add', { fields: { ENTITY_ID: dir, STATUS_ID: 'EXTRA', NAME: 'Extra' } })
    expect(Number(id)).toBeGreaterThan(0)
    const rows = await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: dir } })
    expect(rows.map((r: { STATUS_ID: string }) => r.STATUS_ID)).toContainEqual(
      expect.stringMatching(/^DT\d+_\d+:EXTRA$/),
    )
  })

  it('crm.status.update: renames by numeric id (api-reference/crm/status/crm-status-update.md)', async () => {
    const dir = await stageDir()
    const row = (await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: dir } }))[1]
    expect(await call(w.b24, 'crm.status.update', { id: row.ID, fields: { NAME: 'Renamed' } })).toBe(true)
    const after = await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: dir } })
    expect(after.find((r: { ID: string }) => r.ID === row.ID).NAME).toBe('Renamed')
  })

  it('crm.status.delete: removes a custom stage (api-reference/crm/status/crm-status-delete.md)', async () => {
    const dir = await stageDir()
    const id = await call(w.b24, 'crm.status.add', { fields: { ENTITY_ID: dir, STATUS_ID: 'TMP', NAME: 'Tmp' } })
    expect(await call(w.b24, 'crm.status.delete', { id, params: { FORCED: 'Y' } })).toBe(true)
    const rows = await call(w.b24, 'crm.status.list', { filter: { ENTITY_ID: dir } })
    expect(rows.map((r: { ID: string }) => r.ID)).not.toContain(String(id))
  })

  it('crm.timeline.comment.add: answers the comment id; empty comment is 400 (api-reference/crm/timeline/comments/crm-timeline-comment-add.md)', async () => {
    const fields = { ENTITY_ID: itemId, ENTITY_TYPE: `dynamic_${spa.entityTypeId}` }
    expect(await call(w.b24, 'crm.timeline.comment.add', { fields: { ...fields, COMMENT: 'c' } })).toEqual(
      expect.any(Number),
    )
    expect(await fails(w.b24, 'crm.timeline.comment.add', { fields: { ...fields, COMMENT: '' } })).toMatchObject({
      status: 400,
    })
  })

  it('crm.timeline.comment.update: changes the text in place (api-reference/crm/timeline/comments/crm-timeline-comment-update.md)', async () => {
    const fields = { ENTITY_ID: itemId, ENTITY_TYPE: `dynamic_${spa.entityTypeId}` }
    const id = await call(w.b24, 'crm.timeline.comment.add', { fields: { ...fields, COMMENT: 'old' } })
    await call(w.b24, 'crm.timeline.comment.update', { id, fields: { COMMENT: 'new' } })
    expect((await call(w.b24, 'crm.timeline.comment.get', { id })).COMMENT).toBe('new')
  })

  it('app.info: INSTALLED and LICENSE_FAMILY (api-reference/common/system/app-info.md)', async () => {
    const info = await call(w.b24, 'app.info')
    expect(info).toMatchObject({ INSTALLED: true })
    expect(typeof info.LICENSE_FAMILY).toBe('string')
  })

  it('user.get: by ID, ids as strings, UF_DEPARTMENT an array (api-reference/user/user-get.md)', async () => {
    const [u] = await call(w.b24, 'user.get', { ID: 1 })
    expect(u.ID).toBe('1')
    expect(Array.isArray(u.UF_DEPARTMENT)).toBe(true)
  })

  it('department.get: by ID, ID/NAME/PARENT (api-reference/departments/department-get.md)', async () => {
    const d = w.sb.admin.addDepartment(w.portalId, { name: 'Finance' })
    const rows = await call(w.b24, 'department.get', { ID: d.id })
    expect(rows).toEqual([expect.objectContaining({ ID: String(d.id), NAME: 'Finance' })])
  })

  it('im.notify.system.add: answers the notification id (api-reference/chats/notifications/im-notify-system-add.md)', async () => {
    expect(await call(w.b24, 'im.notify.system.add', { USER_ID: 1, MESSAGE: 'Hello', TAG: 't-1' })).toEqual(
      expect.any(Number),
    )
  })
})
