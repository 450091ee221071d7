// The documents' numbers: sequential per our legal entity and calendar year in the portal's timezone,
// given once even to requests at once (Promise.all) and to retries, kept by the same document when it
// is regenerated; the year turns at midnight in Moscow, not in UTC (the clock pinned around it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { documentNumbersRepository } from '../../../server/storage/repositories/document-numbers.ts'
import { documentNumber } from '../../../server/use-cases/receivables/document-number.ts'

// 31.12.2026 23:50 in Moscow (20:50 UTC); the test moves it past midnight Moscow, still 2026 in UTC
let now = new Date('2026-12-31T20:50:00Z')
let t: Awaited<ReturnType<typeof createTestContext>>
const A = { authorization: 'Bearer token', 'x-b24-member-id': 'member-a' }
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: A, payload })
const act = (from: string, to: string) => post('/api/counterparties/company/12/reconciliation-acts', { from, to })
const ENTITY = {
  name: 'ООО «Вектор»',
  inn: '7707083893',
  kpp: '770701001',
  signer: 'Иванов И. И.',
  signerTitle: 'Генеральный директор',
  bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810900000000001', corrAccount: '' },
}

beforeAll(async () => {
  t = await createTestContext({}, undefined, { clock: { now: () => now } })
  await seedPortal(t.ctx, 'member-a')
  t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin: false })
  await t.ctx.repos.settings.set('member-a', 'approvals.roles', { chiefAccountant: 7 }, null)
  await t.ctx.repos.settings.set('member-a', 'claims.legalEntities', [{ ...ENTITY, ogrn: '', address: '' }], null)
  const r = await post('/api/receivables', {
    counterparty: { type: 'company', id: 12, name: 'ООО «Ромашка»', inn: '7728168971' },
    invoiceNumber: 'INV-1',
    invoiceDate: '2026-11-02',
    dueDate: '2026-11-30',
    amount: 1_234_500,
    currency: 'RUB',
  })
  expect(r.statusCode, r.body).toBe(201)
  // the counterparty's INN in the ledger (this test has no portal to read its requisites from)
  await sql`UPDATE counterparties SET inn = '7728168971'`.execute(t.ctx.database.db)
}, 90_000)
afterAll(async () => t.dispose())

describe('document numbers', () => {
  it('twenty documents at once: numbers 1..20 of the series, each given once, no gaps', async () => {
    const got = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        documentNumber(t.ctx.database.db, 'member-a', 'claim-letter', `case-${i}`, '7707083893', '2026-05-01'),
      ),
    )
    expect([...got].sort((a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]))).toEqual(
      Array.from({ length: 20 }, (_, i) => `П-2026/${i + 1}`),
    )
    // another entity and another year run their own series from 1
    expect(await documentNumber(t.ctx.database.db, 'member-a', 'claim-letter', 'x', '7728168971', '2026-05-01')).toBe(
      'П-2026/1',
    )
    expect(await documentNumber(t.ctx.database.db, 'member-a', 'claim-letter', 'y', '7707083893', '2025-05-01')).toBe(
      'П-2025/1',
    )
  })

  it('the same document asked for five times at once and again later: one number, the series moved once', async () => {
    const repo = documentNumbersRepository(t.ctx.database.db)
    const q = { kind: 'claim-statement', docKey: 'case-9', entityInn: '7707083893', year: 2026 }
    const format = (y: number, s: number) => `ИЗ-${y}/${s}`
    const got = await Promise.all(Array.from({ length: 5 }, () => repo.assign('member-a', { ...q, format })))
    expect(new Set(got.map((g) => g.number))).toEqual(new Set(['ИЗ-2026/1']))
    expect(got.filter((g) => g.fresh)).toHaveLength(1)
    // regenerated next year (or under another entity) the document keeps the number it was given
    const later = await repo.assign('member-a', { ...q, year: 2027, format })
    expect(later).toEqual({ number: 'ИЗ-2026/1', year: 2026, seq: 1, fresh: false })
    expect(await repo.count('member-a', 'claim-statement')).toBe(1)
    // the database itself refuses a second document under a number already given
    await expect(
      sql`INSERT INTO document_numbers (member_id, kind, doc_key, entity_inn, year, seq, number)
          VALUES ('member-a', 'claim-statement', 'other', '7707083893', 2026, 1, 'ИЗ-2026/1')`.execute(
        t.ctx.database.db,
      ),
    ).rejects.toThrow(/duplicate key|unique/i)
  })

  it('acts at once: consecutive numbers; regenerated: the same; the year turns at midnight in Moscow', async () => {
    const made = await Promise.all([
      act('2026-01-01', '2026-03-31'),
      act('2026-04-01', '2026-06-30'),
      act('2026-07-01', '2026-09-30'),
    ])
    for (const r of made) expect(r.statusCode, r.body).toBe(201)
    const numbers = made.map((r) => r.json().number as string)
    expect([...numbers].sort()).toEqual(['АС-2026/1', 'АС-2026/2', 'АС-2026/3'])
    // the first act again (a retry, a second click): its number, not a fourth one
    const again = await act('2026-01-01', '2026-03-31')
    expect(again.json().number).toBe(numbers[0])
    expect(again.json().id).not.toBe(made[0]!.json().id)
    // 00:10 on 1 January 2027 in Moscow while UTC still says 31 December 2026: a new year, a new series
    now = new Date('2026-12-31T21:10:00Z')
    const next = await act('2026-10-01', '2026-12-31')
    expect(next.statusCode, next.body).toBe(201)
    expect(next.json().number).toBe('АС-2027/1')
    // an act first made in 2026 keeps its 2026 number when regenerated in 2027
    expect((await act('2026-04-01', '2026-06-30')).json().number).toBe(numbers[1])
    const pdf = await t.app.inject({ method: 'GET', url: next.json().pdfUrl })
    expect(pdf.statusCode).toBe(200)
  })

  it('missing requisites take no number', async () => {
    const before = await documentNumbersRepository(t.ctx.database.db).count('member-a', 'reconciliation-act')
    await t.ctx.repos.settings.set('member-a', 'claims.legalEntities', [{ ...ENTITY, inn: '' }], null)
    const r = await act('2025-01-01', '2025-12-31')
    expect(r.statusCode).toBe(400)
    expect(r.json()).toMatchObject({
      error: 'requisites.missing',
      message: expect.stringContaining('не заполнено поле «ИНН»'),
    })
    expect(await documentNumbersRepository(t.ctx.database.db).count('member-a', 'reconciliation-act')).toBe(before)
  })
})
