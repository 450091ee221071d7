// Basic conformance of the legacy counterparty methods the app reads (UPPER_CASE fields).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, fails, setup, type World } from '../harness.ts'

let w: World
let company: number
let contact: number

beforeAll(async () => {
  w = await setup()
  company = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Ромашка', EMAIL: [{ VALUE: 'a@b.test' }] }, [
    { RQ_INN: '7701234567', RQ_KPP: '770101001', NAME: 'Реквизиты' },
  ])
  contact = w.sb.admin.seedContact(w.portalId, { NAME: 'Иван', LAST_NAME: 'Петров' })
})
afterAll(async () => w.close())

describe('basic conformance: counterparties', () => {
  it('crm.company.get: the company by id, ID as a string (api-reference/crm/companies/crm-company-get.md)', async () => {
    const c = await call(w.b24, 'crm.company.get', { id: company })
    expect(c).toMatchObject({ ID: String(company), TITLE: 'ООО Ромашка' })
    expect(await fails(w.b24, 'crm.company.get', { id: 999_999 })).toMatchObject({ status: 400 })
  })

  it('crm.contact.get: the contact by id (api-reference/crm/contacts/crm-contact-get.md)', async () => {
    expect(await call(w.b24, 'crm.contact.get', { id: contact })).toMatchObject({ ID: String(contact), NAME: 'Иван' })
  })

  it('crm.requisite.list: filtered by RQ_INN with select (api-reference/crm/requisites/universal/crm-requisite-list.md)', async () => {
    const rows = await call(w.b24, 'crm.requisite.list', {
      filter: { RQ_INN: '7701234567' },
      select: ['ENTITY_TYPE_ID', 'ENTITY_ID', 'RQ_INN', 'RQ_KPP'],
    })
    expect(rows).toEqual([expect.objectContaining({ ENTITY_TYPE_ID: '4', ENTITY_ID: String(company) })])
  })
})
