// The reconciliation act over the real ledger: invoices, partial payments, a reversal and an
// advance made through the API; the act's numbers compared with a hand-computed act, the PDF's text
// and the XLSX cells read back; bad input and missing requisites make nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { createTestContext, seedPortal } from '../../helpers/app.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
const A = { authorization: 'Bearer token', 'x-b24-member-id': 'member-a' }
const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: A, payload: payload as object })
const ENTITY = {
  name: 'ООО «Вектор»',
  inn: '7707083893',
  kpp: '770701001',
  signer: 'Иванов И. И.',
  signerTitle: 'Генеральный директор',
  bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810900000000001', corrAccount: '' },
}
const acts = async () =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM reconciliation_acts`.execute(t.ctx.database.db)).rows[0]!
      .n,
  )

async function invoice(number: string, date: string, amount: number, contract = 'Д-7') {
  const r = await post('/api/receivables', {
    counterparty: { type: 'company', id: 12, name: 'ООО «Ромашка»', inn: '7728168971' },
    contract: { number: contract, date: '2025-11-01' },
    invoiceNumber: number,
    invoiceDate: date,
    dueDate: date,
    amount,
    currency: 'RUB',
  })
  expect(r.statusCode, r.body).toBe(201)
  return r.json().id as number
}
async function pay(id: number, amount: number, paidOn: string, ref: string) {
  // confirmAdvance: the accountant agreed that what exceeds the debt becomes the counterparty's advance
  const body = { amount, paidOn, sourceRef: ref, comment: `п/п ${ref}`, confirmAdvance: true }
  const r = await post(`/api/receivables/${id}/payments`, body)
  expect(r.statusCode, r.body).toBe(201)
  return r.json().payment.id as number
}

beforeAll(async () => {
  t = await createTestContext()
  await seedPortal(t.ctx, 'member-a')
  t.ctx.verifyUserToken = async () => ({ userId: 7, isAdmin: false })
  await t.ctx.repos.settings.set('member-a', 'approvals.roles', { chiefAccountant: 7 }, null)
}, 90_000)
afterAll(async () => t.dispose())

describe('reconciliation act', () => {
  it('missing requisites of ours: a clear message naming it, no act', async () => {
    await invoice('INV-0', '2025-11-05', 100)
    const r = await post('/api/counterparties/company/12/reconciliation-acts', { from: '2025-01-01', to: '2025-12-31' })
    expect(r.statusCode).toBe(400)
    expect(r.json()).toMatchObject({
      error: 'requisites.missing',
      message: expect.stringContaining('Акт сверки не сформирован: не заполнены реквизиты нашей организации'),
    })
    expect(await acts()).toBe(0)
  })

  it('is exact to the kopeck against the ledger: partial payments, a reversal and an advance', async () => {
    await t.ctx.repos.settings.set('member-a', 'claims.legalEntities', [{ ...ENTITY, ogrn: '', address: '' }], null)
    // before the period: INV-0 (1,00) and INV-1 120 000,00 with 50 000,00 paid -> opening 70 001,00
    const i1 = await invoice('INV-1', '2025-12-20', 12_000_000)
    await pay(i1, 5_000_000, '2025-12-28', '11')
    const i2 = await invoice('INV-2', '2026-01-15', 3_333_333)
    await pay(i1, 2_000_001, '2026-01-10', '12')
    const wrong = await pay(i2, 1_000_000, '2026-01-20', '13')
    const rev = await post(`/api/payments/${wrong}/reverse`, { reason: 'not theirs' })
    expect(rev.statusCode, rev.body).toBe(201)
    await pay(i1, 4_999_999, '2026-02-05', '14')
    await pay(i2, 4_500_000, '2026-03-31', '15') // 11 666,67 over: an advance
    const other = await invoice('B-1', '2026-02-01', 777_777, 'Д-8') // another contract
    await pay(other, 77_777, '2026-02-02', '16')

    await sql`UPDATE counterparties SET inn = '7728168971'`.execute(t.ctx.database.db)
    // the period runs past today, so the reversal (dated the day it was made) is inside it
    const r = await post('/api/counterparties/company/12/reconciliation-acts', {
      from: '2026-01-01',
      to: '2026-12-31',
      contractId: await contractId('Д-7'),
    })
    expect(r.statusCode, r.body).toBe(201)
    const act = r.json()
    // hand-computed: opening 1,00 + 120 000,00 - 50 000,00 = 70 001,00; debit 33 333,33;
    // credit 20 000,01 + 10 000,00 - 10 000,00 + 49 999,99 + 45 000,00 = 115 000,00;
    // closing 70 001,00 + 33 333,33 - 115 000,00 = -11 665,67 (the counterparty's advance)
    expect(act).toMatchObject({ opening: 7_000_100, debit: 3_333_333, credit: 11_500_000, closing: -1_166_567 })
    expect(act.rows).toBe(6)
    expect(act.number).toMatch(/^АС-2026\/\d+$/)
    // the closing balance equals the ledger's amount - paid over the contract (advance included)
    const ledger = await sql<{ owed: string }>`
      SELECT sum(amount - paid)::text AS owed FROM receivables r JOIN contracts c ON c.id = r.contract_id
      WHERE c.number = 'Д-7'`.execute(t.ctx.database.db)
    expect(act.closing).toBe(Number(ledger.rows[0]!.owed))

    const pdf = await t.app.inject({ method: 'GET', url: act.pdfUrl })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const text = pdfText(pdf.rawPayload)
    expect(text).toContain('Акт сверки взаимных расчётов')
    expect(text).toContain('ООО «Вектор», ИНН 7707083893, КПП 770701001')
    expect(text).toContain('ООО «Ромашка», ИНН 7728168971')
    expect(text).toContain('по договору № Д-7 от 01.11.2025')
    for (const s of ['70 001,00', '33 333,33', '20 000,01', '49 999,99', '45 000,00', '-10 000,00'])
      expect(text.replace(/\u00a0/g, ' ')).toContain(s)
    expect(text).not.toContain('B-1')
    expect(text.replace(/\u00a0/g, ' ')).toContain('115 000,00')
    expect(text.replace(/\s+/g, ' ')).toContain('задолженность в пользу ООО «Ромашка» составляет 11 665,67 руб.')

    const xlsx = await t.app.inject({ method: 'GET', url: act.xlsxUrl })
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const find = (label: string) => {
      const r = rows.find((x) => x[2] === label)!
      return [r[0] ?? null, r[1] ?? null, r[2], r[3] ?? null, r[4] ?? null]
    }
    expect(find('Сальдо начальное').slice(3, 5)).toEqual([70_001, null])
    expect(find('Обороты за период').slice(3, 5)).toEqual([33_333.33, 115_000])
    expect(find('Сальдо конечное').slice(3, 5)).toEqual([null, 11_665.67])
    const lines = rows.filter((r) => typeof r[0] === 'number')
    expect(lines.map((r) => [r[1], r[3] ?? null, r[4] ?? null])).toEqual([
      ['10.01.2026', null, 20_000.01],
      ['15.01.2026', 33_333.33, null],
      ['20.01.2026', null, 10_000],
      ['05.02.2026', null, 49_999.99],
      ['31.03.2026', null, 45_000],
      ['09.12.2026', null, -10_000],
    ])
  }, 60_000)

  it('bad input: a clear 400 and no act', async () => {
    const before = await acts()
    const bad = [
      { from: '2026-03-01', to: '2026-01-01' },
      { from: '01.01.2026' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-01-01', contractId: 'x' },
      { from: '2026-01-01', extra: 1 },
    ]
    for (const body of bad) {
      const r = await post('/api/counterparties/company/12/reconciliation-acts', body)
      expect(r.statusCode, JSON.stringify(body)).toBe(400)
      expect(r.json().message).toBeTruthy()
    }
    const none = await post('/api/counterparties/company/999/reconciliation-acts', { from: '2026-01-01' })
    expect(none.statusCode).toBe(404)
    const foreign = await post('/api/counterparties/company/12/reconciliation-acts', {
      from: '2026-01-01',
      contractId: 999999,
    })
    expect(foreign.statusCode).toBe(404)
    expect(await acts()).toBe(before)
  })

  it('a forged or expired link opens nothing', async () => {
    const r = await post('/api/counterparties/company/12/reconciliation-acts', { from: '2026-01-01', to: '2026-03-31' })
    const url: string = r.json().pdfUrl
    expect((await t.app.inject({ method: 'GET', url: url.replace(/s=[^&]+/, 's=forged') })).statusCode).toBe(403)
    expect(
      (await t.app.inject({ method: 'GET', url: url.replace(/\/pdf\/(\d+)/, (_m, id) => `/pdf/${Number(id) + 1}`) }))
        .statusCode,
    ).toBe(403)
  })
})

async function contractId(number: string): Promise<number> {
  const c = await t.ctx.database.db
    .selectFrom('contracts')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow()
  return Number(c.id)
}

/** The PDF's text through poppler's pdftotext (the text is selectable, fonts embedded). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'act-'))
  const file = join(dir, 'act.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}
