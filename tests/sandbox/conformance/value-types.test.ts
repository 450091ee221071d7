// Value types as the docs show them: strings where the docs show strings, objects where objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeSpa, setup, type World } from '../harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
let itemId: number

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  itemId = (await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'v' } })).item.id
})
afterAll(async () => w.close())

const GIF = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='

describe('value types', () => {
  it('profile: ID is a string, ADMIN a boolean, TIME_ZONE a string (api-reference/common/users/profile.md)', async () => {
    const p = await call(w.b24, 'profile')
    expect(typeof p.ID).toBe('string')
    expect(p.ID).toMatch(/^\d+$/)
    expect(typeof p.ADMIN).toBe('boolean')
    expect(typeof p.TIME_ZONE).toBe('string')
  })

  it('crm.timeline.comment.get: ID, ENTITY_ID, AUTHOR_ID strings; FILES an object by file id (crm-timeline-comment-get.md)', async () => {
    const type = `dynamic_${spa.entityTypeId}`
    const id = await call(w.b24, 'crm.timeline.comment.add', {
      fields: { ENTITY_ID: itemId, ENTITY_TYPE: type, COMMENT: 'with files', FILES: [['1.gif', GIF]] },
    })
    expect(typeof id).toBe('number')
    const c = await call(w.b24, 'crm.timeline.comment.get', { id })
    expect(c).toMatchObject({ ID: String(id), ENTITY_ID: String(itemId), ENTITY_TYPE: type, AUTHOR_ID: '1' })
    expect(Array.isArray(c.FILES)).toBe(false)
    const files = Object.values(c.FILES as Record<string, Record<string, unknown>>)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({ name: '1.gif', id: expect.any(Number), urlDownload: expect.any(String) })
    expect(Object.keys(c.FILES)).toEqual([String(files[0].id)])
  })

  it('crm.timeline.comment.list: the same shapes in the list (crm-timeline-comment-list.md)', async () => {
    const rows = await call(w.b24, 'crm.timeline.comment.list', {
      filter: { ENTITY_ID: itemId, ENTITY_TYPE: `dynamic_${spa.entityTypeId}` },
    })
    expect(rows[0]).toMatchObject({ ENTITY_ID: String(itemId), AUTHOR_ID: '1' })
    expect(String(rows[0].CREATED)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  })

  it('crm.item.get: date-times as YYYY-MM-DDThh:mm:ss±hh:mm, ids as numbers (data-types.md, crm-item-get.md)', async () => {
    const item = (await call(w.b24, 'crm.item.get', { entityTypeId: spa.entityTypeId, id: itemId })).item
    expect(item.id).toBe(itemId)
    expect(typeof item.createdBy).toBe('number')
    expect(String(item.createdTime)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
  })
})
