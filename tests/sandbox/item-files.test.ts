// File fields of crm.item.* as the docs describe them: a file is uploaded as [name, base64]
// (api-reference/files/how-to-upload-files.md; a multiple field takes a list of those) and read back
// as { id, url, urlMachine } (api-reference/files/how-to-download-files.md#crm); a broken upload is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, makeSpa, setup, type World } from './harness.ts'

let w: World
let spa: { id: number; entityTypeId: number }
const b64 = Buffer.from('%PDF-1.3 invoice').toString('base64')

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
  for (const [name, multiple] of [
    ['FILE', 'N'],
    ['FILES', 'Y'],
  ])
    await call(w.b24, 'userfieldconfig.add', {
      moduleId: 'crm',
      field: {
        entityId: `CRM_${spa.id}`,
        fieldName: `UF_CRM_${spa.id}_${name}`,
        userTypeId: 'file',
        multiple,
        editFormLabel: { en: name },
      },
    })
})
afterAll(async () => w.close())

describe('file fields of smart-process items', () => {
  it('keeps an uploaded file and returns it with its id and links', async () => {
    const one = `ufCrm${spa.id}File`
    const many = `ufCrm${spa.id}Files`
    const { item } = await call(w.b24, 'crm.item.add', {
      entityTypeId: spa.entityTypeId,
      fields: {
        title: 'With files',
        [one]: ['invoice.pdf', b64],
        [many]: [
          ['a.pdf', b64],
          ['b.pdf', b64],
        ],
      },
    })
    const got = (await call(w.b24, 'crm.item.get', { entityTypeId: spa.entityTypeId, id: item.id })).item
    expect(got[one]).toEqual({
      id: expect.any(Number),
      url: expect.stringContaining('crm.controller.item.getFile'),
      urlMachine: expect.stringContaining(`fieldName=UF_CRM_${spa.id}_FILE`),
    })
    expect(got[many]).toHaveLength(2)
    expect(new Set([got[one].id, ...got[many].map((f: { id: number }) => f.id)]).size).toBe(3)
  })

  it('refuses a file without a name or with content that is not base64', async () => {
    for (const bad of [
      ['', b64],
      ['x.pdf', 'not base64!'],
    ])
      expect(
        await fails(w.b24, 'crm.item.add', {
          entityTypeId: spa.entityTypeId,
          fields: { title: 'Bad', [`ufCrm${spa.id}File`]: bad },
        }),
      ).toMatchObject({ code: 'CRM_FIELD_ERROR_VALUE_NOT_VALID', status: 400 })
  })
})
