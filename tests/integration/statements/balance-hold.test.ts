// A statement whose balances do not add up records nothing automatically: the import is stored,
// the mismatch shown, and every line waits for review (balance-mismatch). An accountant accepts
// one line, then the rest at once (audited); accepted lines go through the usual matching. The
// file is MT940, told from its bytes; a consistent copy matches at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import type { StatementImportDto, StatementLineDto } from '../../../contracts/statements.ts'

let w: RobotWorld
const R: Record<string, number> = {}

const mt940 = (closing: string, ref: string, invoices = ['101', '102']) =>
  [
    `:20:${ref}`,
    ':25:40702810900000012345',
    ':28C:1/1',
    ':60F:C241201RUB0,00',
    `:61:2412021202C1000,00NTRF${ref}-512//B1`,
    `:86:/INN/7707083893/REMI/Оплата по счету № ${invoices[0]}/`,
    `:61:2412021202C500,00NTRF${ref}-513//B2`,
    `:86:/INN/7707083893/REMI/Оплата по счету № ${invoices[1]}/`,
    `:62F:C241202RUB${closing}`,
    '-',
  ].join('\r\n')

const api = async <T>(method: 'GET' | 'POST', url: string, raw?: string) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const headers: Record<string, string> = { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId }
  if (raw) headers['content-type'] = 'application/octet-stream'
  const r = await w.app.inject({ method, url: `/api${url}`, headers, ...(raw ? { payload: Buffer.from(raw) } : {}) })
  return { status: r.statusCode, body: r.json() as T }
}
const waitDone = async (id: number) => {
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const r = await api<StatementImportDto>('GET', `/statements/${id}`)
    if (r.body.status !== 'processing') return r.body
  }
  throw new Error(`import ${id} did not finish`)
}
const payments = () =>
  w.ctx.database.db
    .selectFrom('payments')
    .select(['receivable_id', 'amount'])
    .where('member_id', '=', w.memberId)
    .orderBy('id')
    .execute()

beforeAll(async () => {
  w = await startRobotWorld()
  w.sb.admin.call(w.portalId, 'crm.requisite.add', {
    fields: { ENTITY_TYPE_ID: 4, ENTITY_ID: w.companyId, PRESET_ID: 1, NAME: 'Ромашка', RQ_INN: '7707083893' },
  })
  for (const [n, amount] of [
    ['101', 100_000],
    ['102', 50_000],
    ['201', 100_000],
    ['202', 50_000],
  ] as const) {
    const r = await createReceivable(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        counterparty: { type: 'company', id: w.companyId, name: 'ООО Ромашка' },
        invoiceNumber: n,
        invoiceDate: '2024-11-01',
        dueDate: '2024-11-01',
        amount,
        currency: 'RUB',
        responsibleId: 1,
      },
    )
    R[n] = r.id
  }
}, 90_000)
afterAll(async () => w?.close())

describe('a statement whose balances fail', () => {
  let held: StatementImportDto
  it('is stored with the mismatch shown, records nothing and holds every line for review', async () => {
    const up = await api<StatementImportDto>('POST', '/statements?fileName=bad.sta', mt940('1500,01', 'A'))
    expect(up.status, JSON.stringify(up.body)).toBe(201)
    expect(up.body).toMatchObject({ format: 'mt940', documents: 2, incoming: 2, balancesFailed: true })
    expect(up.body.balances).toEqual([
      expect.objectContaining({ ok: false, difference: -1, statement: 1, code: 'balances.mismatch' }),
    ])
    held = await waitDone(up.body.id)
    expect(held).toMatchObject({ status: 'done', matched: 0, review: 2 })
    expect(await payments()).toEqual([])
    const lines = await api<StatementLineDto[]>('GET', `/statements/${held.id}/lines`)
    expect(lines.body.map((l) => [l.status, l.reason, l.payerInn, l.amount])).toEqual([
      ['review', 'balance-mismatch', '7707083893', 100_000],
      ['review', 'balance-mismatch', '7707083893', 50_000],
    ])
  })

  it('an accountant accepts one line, then the rest at once: they are matched as usual, audited', async () => {
    const lines = (await api<StatementLineDto[]>('GET', `/statements/${held.id}/lines`)).body
    const one = await api<StatementLineDto>('POST', `/statement-review/${lines[0].id}/accept`)
    expect(one.status, JSON.stringify(one.body)).toBe(200)
    expect(one.body).toMatchObject({ status: 'matched', rule: 'invoice-number' })
    expect(await payments()).toEqual([{ receivable_id: R['101'], amount: 100_000 }])
    const again = await api<{ error: string }>('POST', `/statement-review/${lines[0].id}/accept`)
    expect([again.status, again.body.error]).toEqual([409, 'statement.line-not-held'])
    const all = await api<StatementImportDto>('POST', `/statements/${held.id}/accept`)
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({ matched: 2, review: 0 })
    expect(await payments()).toEqual([
      { receivable_id: R['101'], amount: 100_000 },
      { receivable_id: R['102'], amount: 50_000 },
    ])
    const audit = await w.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'details'])
      .where('member_id', '=', w.memberId)
      .where('action', '=', 'statement.lines-accepted')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => [a.action, a.actor, (a.details as { lines: number }).lines])).toEqual([
      ['statement.lines-accepted', 'user:1', 1],
      ['statement.lines-accepted', 'user:1', 1],
    ])
  })

  it('a consistent MT940 statement is matched at once', async () => {
    const up = await api<StatementImportDto>(
      'POST',
      '/statements?fileName=good.sta',
      mt940('1500,00', 'B', ['201', '202']),
    )
    expect(up.body).toMatchObject({ format: 'mt940', balancesFailed: false, warnings: [] })
    expect(await waitDone(up.body.id)).toMatchObject({ matched: 2, review: 0 })
    expect((await payments()).slice(2)).toEqual([
      { receivable_id: R['201'], amount: 100_000 },
      { receivable_id: R['202'], amount: 50_000 },
    ])
  })
})
