// Bank statement import against the sandbox portal: a Windows-1251 file with real-world quirks
// (multi-line purpose, empty dates, two accounts, a payment split over two invoices, an unknown
// payer, an outgoing row, an advance) is matched exactly as expected; the review queue is worked
// by an accountant; the same documents imported again (UTF-8 this time) record nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { crlf, encodeCp1251, lf } from '../../fixtures/statements/encode.ts'
import { OUR, OUR2, oneCLines, type Doc } from '../../fixtures/statements/one-c-file.ts'
import type {
  ReviewQueueDto,
  StatementImportDto,
  StatementLineDto,
  StatementsOverviewDto,
} from '../../../contracts/statements.ts'

let w: RobotWorld
const R: Record<string, number> = {}
let accountant: number
let clerk: number

const api = async <T>(
  method: 'GET' | 'POST',
  url: string,
  o: { user?: number; json?: object; raw?: Uint8Array } = {},
) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, o.user ?? 1) as { access_token: string }
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
const waitDone = async (id: number) => {
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const r = await api<StatementImportDto>('GET', `/statements/${id}`)
    if (r.body.status !== 'processing') return r.body
  }
  throw new Error(`import ${id} did not finish`)
}
const payments = async () =>
  w.ctx.database.db
    .selectFrom('payments')
    .select(['receivable_id', 'amount', 'source', 'source_ref'])
    .where('member_id', '=', w.memberId)
    .orderBy('id')
    .execute()

const docs: Doc[] = [
  // split over two invoices named in the purpose; the INN is known only from the portal's requisites
  {
    number: '512',
    date: '02.12.2024',
    amount: '150000.00',
    payerInn: '7705000010',
    payerKpp: '770501001',
    payer: 'ООО Ромашка',
    payerAccount: '40702810000000000512',
    payeeAccount: OUR,
    credited: '02.12.2024',
    purpose: 'Оплата по счетам № 101, 102 от 01.11.2024',
  },
  // INN only inside the payer text, purpose over three lines, second account, partial payment of the 2nd invoice
  {
    number: '77',
    date: '03.12.2024',
    amount: '400.00',
    payer: 'ИНН 7705000002 ООО Лютик',
    payerAccount: '40702810000000000077',
    payeeAccount: OUR2,
    credited: '03.12.2024',
    purposeLines: ['Оплата по сч. №7, 8', 'от 20.11.2024', 'НДС не облагается'],
    bare: true,
  },
  // a payer nobody knows
  {
    number: '3',
    date: '03.12.2024',
    amount: '500.00',
    payerInn: '7799999997',
    payer: 'ООО Неизвестный',
    payerAccount: '40702810000000000003',
    payeeAccount: OUR,
    credited: '03.12.2024',
    purpose: 'Оплата за товар',
  },
  // our own outgoing payment: empty ДатаПоступило
  {
    number: '9',
    date: '03.12.2024',
    amount: '1000.00',
    payerInn: '7701234560',
    payer: 'ООО «Поставщик»',
    payerAccount: OUR,
    payeeAccount: '40702810000000000999',
    debited: '03.12.2024',
    purpose: 'Оплата аренды',
  },
  // Ромашка again, nothing left open: an advance for a person to decide
  {
    number: '513',
    date: '04.12.2024',
    amount: '1.00',
    payerInn: '7705000010',
    payer: 'ООО Ромашка',
    payerAccount: '40702810000000000512',
    payeeAccount: OUR,
    credited: '04.12.2024',
    purpose: 'Аванс',
  },
]
const balances = [
  { account: OUR, opening: '0', incoming: '150501.00', outgoing: '1000.00', closing: '149501.00' },
  { account: OUR2, opening: '0', incoming: '400.00', outgoing: '0', closing: '400.00' },
]

beforeAll(async () => {
  w = await startRobotWorld()
  const lutik = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Лютик' }, [
    { PRESET_ID: 1, NAME: 'Лютик', RQ_INN: '7705000002' },
  ])
  w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Однофамилец' }, [])
  // Ромашка's INN lives only in the portal's requisites
  w.sb.admin.call(w.portalId, 'crm.requisite.add', {
    fields: {
      ENTITY_TYPE_ID: 4,
      ENTITY_ID: w.companyId,
      PRESET_ID: 1,
      NAME: 'Ромашка',
      RQ_INN: '7705000010',
      RQ_KPP: '770501001',
    },
  })
  const add = async (
    key: string,
    company: number,
    name: string,
    invoiceNumber: string,
    invoiceDate: string,
    amount: number,
  ) => {
    const r = await createReceivable(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        counterparty: { type: 'company', id: company, name },
        invoiceNumber,
        invoiceDate,
        dueDate: invoiceDate,
        amount,
        currency: 'RUB',
        responsibleId: 1,
      },
    )
    R[key] = r.id
  }
  await add('101', w.companyId, 'ООО Ромашка', '101', '2024-10-01', 10_000_000)
  await add('102', w.companyId, 'ООО Ромашка', '102', '2024-11-01', 5_000_000)
  await add('7', lutik, 'ООО Лютик', '7', '2024-11-20', 30_000)
  await add('8', lutik, 'ООО Лютик', '8', '2024-11-21', 20_000)
  accountant = w.sb.admin.addUser(w.portalId, { name: 'Анна', lastName: 'Бухгалтер' }).id
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
  await w.ctx.repos.settings.set(w.memberId, 'statements', { notifyIds: [accountant] }, 'test')
}, 90_000)
afterAll(async () => w?.close())

describe('bank statement import', () => {
  let first: StatementImportDto
  it('matches the confident lines, queues the rest, skips the outgoing one, and says the balances agree', async () => {
    const up = await api<StatementImportDto>(
      'POST',
      '/statements?fileName=' + encodeURIComponent('выписка 03.12.txt'),
      { raw: encodeCp1251(crlf(oneCLines(docs, balances))), user: accountant },
    )
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    expect(up.body).toMatchObject({
      fileName: 'выписка 03.12.txt',
      format: '1c',
      documents: 5,
      incoming: 4,
      outgoing: 1,
      duplicates: 0,
    })
    expect(up.body.balances.map((b) => b.ok)).toEqual([true, true])
    first = await waitDone(up.body.id)
    expect(first).toMatchObject({ status: 'done', processed: 4, matched: 2, review: 2 })
    expect(await payments()).toEqual([
      {
        receivable_id: R['101'],
        amount: 10_000_000,
        source: 'bank-statement',
        source_ref: expect.stringMatching(/^bank-statement:L\d+:R\d+$/),
      },
      { receivable_id: R['102'], amount: 5_000_000, source: 'bank-statement', source_ref: expect.any(String) },
      { receivable_id: R['7'], amount: 30_000, source: 'bank-statement', source_ref: expect.any(String) },
      { receivable_id: R['8'], amount: 10_000, source: 'bank-statement', source_ref: expect.any(String) },
    ])
    const lines = await api<StatementLineDto[]>('GET', `/statements/${first.id}/lines`)
    expect(lines.body.map((l) => [l.docNumber, l.status, l.rule ?? l.reason])).toEqual([
      ['512', 'matched', 'invoice-number'],
      ['77', 'matched', 'invoice-number'],
      ['3', 'review', 'unknown-payer'],
      ['9', 'skipped', null],
      ['513', 'review', 'no-open-invoices'],
    ])
    // the accountant is told once that lines wait
    const told = w.sb.admin
      .notifications(w.portalId)
      .filter((n) => Number(n.userId ?? n.USER_ID ?? n.toUserId) === accountant)
    expect(told).toHaveLength(1)
    expect(JSON.stringify(told[0])).toContain('ждут разбора — 2')
  })

  it('the same documents again (UTF-8, LF) record nothing new', async () => {
    const before = await payments()
    const up = await api<StatementImportDto>('POST', '/statements?fileName=again.txt', {
      raw: new TextEncoder().encode(lf(oneCLines(docs, balances))),
    })
    expect(up.body).toMatchObject({ documents: 5, incoming: 0, outgoing: 0, duplicates: 5 })
    expect(await waitDone(up.body.id)).toMatchObject({ status: 'done', matched: 0, review: 0 })
    expect(await payments()).toEqual(before)
  })

  it('an accountant assigns a waiting line (parts must add up) and dismisses another; a clerk may not', async () => {
    const q = await api<ReviewQueueDto>('GET', '/statement-review', { user: accountant })
    expect(q.body.waiting).toBe(2)
    const unknown = q.body.lines.find((l) => l.docNumber === '3')!
    const advance = q.body.lines.find((l) => l.docNumber === '513')!
    expect((await api('GET', '/statement-review', { user: clerk })).status).toBe(403)
    expect(
      (
        await api('POST', `/statement-review/${unknown.id}/assign`, {
          user: clerk,
          json: { allocations: [{ receivableId: R['8'], amount: 50_000 }] },
        })
      ).status,
    ).toBe(403)
    const short = await api<{ error: string; message: string }>('POST', `/statement-review/${unknown.id}/assign`, {
      user: accountant,
      json: { allocations: [{ receivableId: R['8'], amount: 10_000 }] },
    })
    expect(short).toMatchObject({ status: 400, body: { error: 'statement.allocations' } })
    expect(short.body.message).toMatch(/add up to 10000 kopecks, the line is 50000/)
    const ok = await api<StatementLineDto>('POST', `/statement-review/${unknown.id}/assign`, {
      user: accountant,
      json: {
        allocations: [
          { receivableId: R['8'], amount: 10_000 },
          { receivableId: R['102'], amount: 40_000 },
        ],
      },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toMatchObject({
      status: 'assigned',
      allocations: [
        { receivableId: R['8'], amount: 10_000 },
        { receivableId: R['102'], amount: 40_000 },
      ],
    })
    expect(
      (
        await api('POST', `/statement-review/${unknown.id}/assign`, {
          user: accountant,
          json: { allocations: [{ receivableId: R['8'], amount: 50_000 }] },
        })
      ).status,
    ).toBe(409)
    expect((await api('POST', `/statement-review/${advance.id}/dismiss`, { user: accountant, json: {} })).status).toBe(
      400,
    )
    const dismissed = await api<StatementLineDto>('POST', `/statement-review/${advance.id}/dismiss`, {
      user: accountant,
      json: { reason: 'Вернуть плательщику' },
    })
    expect(dismissed.body).toMatchObject({ status: 'dismissed', reason: 'Вернуть плательщику' })
    const after = await api<StatementsOverviewDto>('GET', '/statements')
    expect(after.body.waiting).toBe(0)
    expect(after.body.imports.find((i) => i.id === first.id)).toMatchObject({ matched: 3, review: 0 })
    const rec8 = await w.ctx.database.db
      .selectFrom('receivables')
      .select(['paid'])
      .where('id', '=', R['8'])
      .executeTakeFirstOrThrow()
    expect(Number(rec8.paid)).toBe(20_000)
  })

  it('refuses what is not a statement, a huge or empty upload, and a non-accountant, storing nothing', async () => {
    const count = async () =>
      Number(
        (
          await w.ctx.database.db
            .selectFrom('statement_imports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const n = await count()
    const csv = await api<{ error: string; message: string }>('POST', '/statements', {
      raw: new TextEncoder().encode('Дата;Сумма\n01.12.2024;100\n'),
    })
    expect(csv).toMatchObject({ status: 400, body: { error: 'statement.unknown-format' } })
    expect((await api<{ error: string }>('POST', '/statements', { raw: new Uint8Array() })).status).toBe(400)
    expect((await api('POST', '/statements', { raw: new Uint8Array(21 * 1024 * 1024) })).status).toBe(413)
    expect(
      (await api('POST', '/statements', { raw: encodeCp1251(crlf(oneCLines(docs, balances))), user: clerk })).status,
    ).toBe(403)
    expect((await api('POST', '/statements', { json: { file: 'x' } })).status).toBe(415)
    expect(await count()).toBe(n)
  })
})
