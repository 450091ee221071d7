// The same payment through both channels is recorded once: 1C posts the payment order through
// POST /api/v1/payments and the bank statement shows the same order (same payer INN, number and
// amount; the bank's date may be a few days after the order's). Whichever comes second is a
// duplicate of the first; a different amount, INN or number, dates too far apart, or a missing INN
// are different payments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { crlf, encodeCp1251 } from '../../fixtures/statements/encode.ts'
import { OUR, oneCLines, type Doc } from '../../fixtures/statements/one-c-file.ts'
import type { StatementImportDto, StatementLineDto } from '../../../contracts/statements.ts'

let w: RobotWorld
let key: string
let r1: number

const INN = '7705000010'
const OTHER_INN = '7705000002'
const userApi = async <T>(method: 'GET' | 'POST', url: string, o: { json?: object; raw?: Uint8Array } = {}) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const headers: Record<string, string> = { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId }
  if (o.raw) headers['content-type'] = 'application/octet-stream'
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers,
    ...(o.json ? { payload: o.json } : o.raw ? { payload: Buffer.from(o.raw) } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
type PayAnswer = {
  id: number
  status: string
  reference: string
  duplicate: boolean
  allocations: { receivableId: number; amount: number }[]
}
const pay = async (body: object) => {
  const r = await w.app.inject({
    method: 'POST',
    url: '/api/v1/payments',
    headers: { authorization: `Bearer ${key}` },
    payload: body,
  })
  return { status: r.statusCode, body: r.json() as PayAnswer }
}
const doc = (number: string, amount: string, credited: string, o: Partial<Doc> = {}): Doc => ({
  number,
  date: credited,
  amount,
  payerInn: INN,
  payer: 'ООО Ромашка',
  payerAccount: '40702810000000000512',
  payeeAccount: OUR,
  credited,
  purpose: 'Оплата по счету № R-1',
  ...o,
})
const upload = async (name: string, docs: Doc[]) => {
  const up = await userApi<StatementImportDto>('POST', `/statements?fileName=${name}`, {
    raw: encodeCp1251(crlf(oneCLines(docs, []))),
  })
  expect(up.status, JSON.stringify(up.body)).toBe(201)
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const r = await userApi<StatementImportDto>('GET', `/statements/${up.body.id}`)
    if (r.body.status !== 'processing') {
      const lines = await userApi<StatementLineDto[]>('GET', `/statements/${up.body.id}/lines`)
      return { first: up.body, done: r.body, lines: lines.body }
    }
  }
  throw new Error(`import ${up.body.id} did not finish`)
}
const paymentCount = async () =>
  Number(
    (
      await w.ctx.database.db
        .selectFrom('payments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('member_id', '=', w.memberId)
        .executeTakeFirstOrThrow()
    ).n,
  )
const paid = async (id: number) =>
  Number(
    (await w.ctx.database.db.selectFrom('receivables').select('paid').where('id', '=', id).executeTakeFirstOrThrow())
      .paid,
  )

beforeAll(async () => {
  w = await startRobotWorld()
  w.sb.admin.call(w.portalId, 'crm.requisite.add', {
    fields: { ENTITY_TYPE_ID: 4, ENTITY_ID: w.companyId, PRESET_ID: 1, NAME: 'Ромашка', RQ_INN: INN },
  })
  w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Лютик' }, [{ PRESET_ID: 1, NAME: 'Лютик', RQ_INN: OTHER_INN }])
  r1 = (await w.newReceivable({ amount: 1_000_000, invoiceDate: '2024-11-01', dueDate: '2024-12-01' })).receivableId
  const made = await userApi<{ key: string }>('POST', '/admin/api-keys', { json: { name: '1С:Бухгалтерия' } })
  expect(made.status).toBe(201)
  key = made.body.key
}, 90_000)
afterAll(async () => w?.close())

describe('the same payment through the payments API and a bank statement', () => {
  it('API first: the statement line is not recorded again, it is a duplicate of the API line', async () => {
    const api = await pay({
      reference: '000512',
      amount: 150_000,
      paidOn: '2024-12-02',
      payerInn: INN,
      purpose: 'Оплата по счету № R-1',
    })
    expect(api.status, JSON.stringify(api.body)).toBe(201)
    expect(api.body).toMatchObject({
      status: 'matched',
      duplicate: false,
      allocations: [{ receivableId: r1, amount: 150_000 }],
    })
    const before = await paymentCount()
    // the bank credits it two days later; its number has no leading zeros
    const s = await upload('bank-1.txt', [doc('512', '1500.00', '04.12.2024')])
    expect(s.first).toMatchObject({ documents: 1, incoming: 0, duplicates: 1 })
    expect(s.done).toMatchObject({ status: 'done', matched: 0, review: 0 })
    expect(s.lines).toEqual([
      expect.objectContaining({
        docNumber: '512',
        status: 'dismissed',
        reason: 'api-duplicate',
        duplicateOf: api.body.id,
        allocations: [],
      }),
    ])
    expect(await paymentCount()).toBe(before)
    expect(await paid(r1)).toBe(150_000)
    // the API retry is still the API line
    expect(await pay({ reference: '000512', amount: 150_000, paidOn: '2024-12-02', payerInn: INN })).toMatchObject({
      status: 200,
      body: { id: api.body.id, duplicate: true },
    })
  })

  it('statement first: the API payment answers duplicate with the statement line and records nothing', async () => {
    const s = await upload('bank-2.txt', [doc('600', '2000.00', '05.12.2024')])
    expect(s.done).toMatchObject({ status: 'done', matched: 1 })
    const line = s.lines[0]
    const before = await paymentCount()
    // 1C dates the order two days before the bank's credit and writes the number with a leading zero
    const api = await pay({
      reference: '0600',
      amount: 200_000,
      paidOn: '2024-12-03',
      payerInn: INN,
      purpose: 'Оплата по счету № R-1',
    })
    expect(api).toMatchObject({
      status: 200,
      body: {
        id: line.id,
        duplicate: true,
        status: 'matched',
        reference: '600',
        allocations: [{ receivableId: r1, amount: 200_000 }],
      },
    })
    expect(await paymentCount()).toBe(before)
    expect(await paid(r1)).toBe(350_000)
    expect(
      await w.ctx.database.db
        .selectFrom('statement_lines')
        .select('id')
        .where('member_id', '=', w.memberId)
        .where('doc_number', '=', '0600')
        .execute(),
    ).toEqual([])
  })

  it('a different amount, INN or number, dates more than 5 days apart, or no INN: two payments, nothing merged', async () => {
    expect(
      (
        await pay({
          reference: '700',
          amount: 100_000,
          paidOn: '2024-12-02',
          payerInn: INN,
          purpose: 'Оплата по счету № R-1',
        })
      ).body,
    ).toMatchObject({ status: 'matched', duplicate: false })
    expect(
      (await pay({ reference: '800', amount: 50_000, paidOn: '2024-12-02', purpose: 'Оплата' })).body,
    ).toMatchObject({ status: 'review', duplicate: false })
    const before = await paymentCount()
    const s = await upload('bank-3.txt', [
      doc('700', '1100.00', '02.12.2024'), // another amount
      doc('700', '1000.00', '02.12.2024', {
        payerInn: OTHER_INN,
        payer: 'ООО Лютик',
        payerAccount: '40702810000000000077',
      }), // another payer
      doc('701', '1000.00', '02.12.2024'), // another number
      doc('700', '1000.00', '08.12.2024'), // six days after the order
      doc('800', '500.00', '02.12.2024', { payerInn: undefined, payer: 'ООО Без реквизитов' }), // no INN on either side
      doc('900', '700.00', '02.12.2024', { payerInn: undefined, payer: 'ООО Без реквизитов' }), // no INN: the API payment below is not it
    ])
    expect(s.first).toMatchObject({ documents: 6, incoming: 6, duplicates: 0 })
    expect(s.lines.map((l) => [l.docNumber, l.duplicateOf, l.reason === 'api-duplicate'])).toEqual([
      ['700', null, false],
      ['700', null, false],
      ['701', null, false],
      ['700', null, false],
      ['800', null, false],
      ['900', null, false],
    ])
    expect(s.lines.map((l) => l.status)).toEqual(['matched', 'review', 'matched', 'matched', 'review', 'review'])
    expect(await paymentCount()).toBe(before + 3)
    // and the other way round: API payments that differ from the statement lines are recorded
    const after = await paymentCount()
    for (const body of [
      { reference: '701', amount: 1_000, paidOn: '2024-12-02', payerInn: INN, purpose: 'Оплата по счету № R-1' }, // another amount
      { reference: '7011', amount: 100_000, paidOn: '2024-12-02', payerInn: INN, purpose: 'Оплата по счету № R-1' }, // another number
      { reference: '701', amount: 100_000, paidOn: '2024-12-02', payerInn: '7705000027', purpose: 'Оплата' }, // another payer
      { reference: '900', amount: 70_000, paidOn: '2024-12-02', purpose: 'Оплата' }, // no INN
    ])
      expect((await pay(body)).body.duplicate, JSON.stringify(body)).toBe(false)
    expect(await paymentCount()).toBe(after + 2)
  })
})
