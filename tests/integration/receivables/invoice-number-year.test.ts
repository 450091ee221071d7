// An invoice number is unique per our legal entity and calendar year of the invoice date (issue 23),
// on top of the counterparty's own rule. Typed in the app, a clash is refused with the other invoice
// named (number, date, counterparty) in ru and en, and nothing is stored; the same number is fine in
// another year or for another of our entities; two creates at once give one invoice. An invoice a
// person makes in the portal is never refused: the mirror keeps it and the invoice card shows the clash.
// "Today" is the suite's pinned instant (SUITE_NOW, December 2026). The race needs PostgreSQL to bite
// (PGlite runs one transaction at a time): CI runs this file there too (tests/postgres-pass.txt).
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { sql } from 'kysely'
import { serverErrorText } from '../../../contracts/error-messages.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { useReceivablesSandbox } from './sandbox-driver.ts'

const d = useReceivablesSandbox()
const ENTITY = {
  kpp: '',
  ogrn: '',
  address: '',
  signer: 'Иванов И. И.',
  signerTitle: 'Генеральный директор',
  bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810900000000001', corrAccount: '' },
}
const ALFA = { ...ENTITY, name: 'ООО «Альфа»', inn: '7707083893' }
const BETA = { ...ENTITY, name: 'ООО «Бета»', inn: '7728168971' }
const companies: Record<string, number> = {}

const headers = () => ({ authorization: 'Bearer token', 'x-b24-member-id': d.w.memberId })
const create = (company: string, patch: Record<string, unknown>) =>
  d.w.app.inject({
    method: 'POST',
    url: '/api/receivables',
    headers: headers(),
    payload: {
      counterparty: { type: 'company', id: companies[company], name: company },
      invoiceDate: '2026-11-02',
      dueDate: '2026-12-02',
      amount: 100_000,
      currency: 'RUB',
      ...patch,
    },
  })
const detail = async (id: number) =>
  (await d.w.app.inject({ method: 'GET', url: `/api/receivables/${id}`, headers: headers() })).json()
const counts = async () =>
  (
    await sql<Record<string, number>>`SELECT
      (SELECT count(*) FROM receivables)::int AS receivables,
      (SELECT count(*) FROM contracts)::int AS contracts,
      (SELECT count(*) FROM counterparties)::int AS counterparties,
      (SELECT count(*) FROM audit_log)::int AS audit`.execute(d.w.ctx.database.db)
  ).rows[0]
const numbered = async (n: string) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM receivables WHERE invoice_number = ${n}`.execute(
      d.w.ctx.database.db,
    )
  ).rows[0].n

beforeAll(async () => {
  d.w.ctx.verifyUserToken = async () => ({ userId: 1, isAdmin: true })
  // our two legal entities: Альфа is the default (first), Бета is named on some contracts
  await d.w.ctx.repos.settings.set(d.w.memberId, 'claims.legalEntities', [ALFA, BETA], 'user:1')
  for (const name of ['ООО Ромашка', 'ООО Лютик', 'ООО Василёк', 'ООО Одуванчик', 'ООО Клевер', 'ООО Мята'])
    companies[name] = d.w.sb.admin.seedCompany(d.w.portalId, { TITLE: name })
})

describe('invoice numbers per our legal entity and year', () => {
  let first = 0

  it('refuses a number our entity already used this year, names that invoice in ru and en, stores nothing', async () => {
    const r = await create('ООО Ромашка', { invoiceNumber: 'INV-7' }) // no contract: the default entity, Альфа
    expect(r.statusCode, r.body).toBe(201)
    first = r.json().id
    const before = await counts()
    // another counterparty, the same entity (named on the contract), the same year; trimmed, any letter case
    const again = await create('ООО Лютик', {
      invoiceNumber: ' inv-7 ',
      invoiceDate: '2026-03-15',
      dueDate: '2026-04-15',
      contract: { number: 'Д-1', legalEntity: 'ООО "Альфа"' },
    })
    expect(again.statusCode, again.body).toBe(409)
    const body = again.json()
    expect(body).toMatchObject({
      error: 'receivable.duplicate-number-in-year',
      params: { number: 'INV-7', date: '2026-11-02', counterparty: 'ООО Ромашка', year: '2026' },
    })
    expect(serverErrorText(body.error, body.params, 'ru')).toBe(
      'Номер занят: у этого нашего юрлица в 2026 году уже есть счёт № INV-7 от 02.11.2026 (контрагент «ООО Ромашка»). Укажите другой номер',
    )
    expect(serverErrorText(body.error, body.params, 'en')).toBe(
      'The number is taken: this legal entity of ours already has invoice INV-7 of 2026-11-02 in 2026 (counterparty "ООО Ромашка"). Choose another number',
    )
    expect(await counts()).toEqual(before)
    expect(await numbered(' inv-7 ')).toBe(0)
  })

  it('compares Cyrillic numbers in any letter case too', async () => {
    expect((await create('ООО Ромашка', { invoiceNumber: 'СЧ-100' })).statusCode).toBe(201)
    const r = await create('ООО Лютик', { invoiceNumber: 'сЧ-100 ' })
    expect([r.statusCode, r.json().params?.number]).toEqual([409, 'СЧ-100'])
  })

  it('accepts the same number in another year of the same entity', async () => {
    const r = await create('ООО Лютик', { invoiceNumber: 'INV-7', invoiceDate: '2025-12-31', dueDate: '2026-01-30' })
    expect(r.statusCode, r.body).toBe(201)
  })

  it('accepts the same number, the same year, for another of our entities (named on the contract)', async () => {
    const r = await create('ООО Василёк', {
      invoiceNumber: 'inv-7',
      contract: { number: 'Д-2', legalEntity: 'ООО «Бета»' },
    })
    expect(r.statusCode, r.body).toBe(201)
    expect((await detail(r.json().id)).numberClashes).toEqual([])
    expect((await detail(first)).numberClashes).toEqual([])
  })

  it('two creates of one number at once: one invoice, the other refused', async () => {
    const [a, b] = await Promise.all([
      create('ООО Ромашка', { invoiceNumber: 'INV-9' }),
      create('ООО Лютик', { invoiceNumber: 'INV-9' }),
    ])
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409])
    expect([a, b].find((x) => x.statusCode === 409)!.json().error).toBe('receivable.duplicate-number-in-year')
    expect(await numbered('INV-9')).toBe(1)
  })

  it('an invoice made in the portal with a taken number is mirrored, and both cards show the clash', async () => {
    const itemId = await d.portalItem('INV-7', 50_000, '2026-12-20', {
      companyId: companies['ООО Одуванчик'],
      [d.field('invoiceDate')]: '2026-11-20',
    })
    const warn = vi.spyOn(d.w.ctx.log, 'warn')
    const out = await handleReceivableItemEvent(d.ports(), d.w.memberId, d.w.entityTypeId, itemId)
    expect(out.status).toBe('created')
    const mirrored = (await d.rec(itemId)).id
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ receivableId: mirrored, invoiceNumber: 'INV-7', clashWith: [first] }),
      'receivable.number-clash',
    )
    warn.mockRestore()
    expect((await detail(mirrored)).numberClashes).toEqual([
      { id: first, invoiceNumber: 'INV-7', invoiceDate: '2026-11-02', counterpartyName: 'ООО Ромашка' },
    ])
    expect((await detail(first)).numberClashes).toEqual([
      { id: mirrored, invoiceNumber: 'INV-7', invoiceDate: '2026-11-20', counterpartyName: 'ООО Одуванчик' },
    ])
  })

  it('a number a person changes in the portal to a taken one is kept and shown', async () => {
    const itemId = await d.portalItem('INV-10', 50_000, '2026-12-20', {
      companyId: companies['ООО Клевер'],
      [d.field('invoiceDate')]: '2026-10-01',
    })
    await handleReceivableItemEvent(d.ports(), d.w.memberId, d.w.entityTypeId, itemId)
    const id = (await d.rec(itemId)).id
    expect((await detail(id)).numberClashes).toEqual([])
    await d.edit(itemId, { [d.field('invoiceNumber')]: 'INV-9' })
    const out = await handleReceivableItemEvent(d.ports(), d.w.memberId, d.w.entityTypeId, itemId)
    expect(out.status).toBe('updated')
    expect((await d.rec(itemId)).invoiceNumber).toBe('INV-9')
    expect((await detail(id)).numberClashes).toMatchObject([{ invoiceNumber: 'INV-9', invoiceDate: '2026-11-02' }])
  })
})
