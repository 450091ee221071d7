// `npm run cli -- statement import <file> --portal <member_id> [--match]`: the admin page's upload
// from a shell, against the sandbox portal with no workers running (as when the app is stopped):
// --match records the confident payment in this process; the same file again records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { importStatementFile } from '../../../server/cli/commands/statement-import.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { crlf, encodeCp1251 } from '../../fixtures/statements/encode.ts'
import { OUR, oneCLines, type Doc } from '../../fixtures/statements/one-c-file.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let receivableId: number
const docs: Doc[] = [
  {
    number: '512',
    date: '02.12.2024',
    amount: '1500.00',
    payerInn: '7705000010',
    payer: 'ООО Ромашка',
    payerAccount: '40702810000000000512',
    payeeAccount: OUR,
    credited: '02.12.2024',
    purpose: 'Оплата по счету № 101 от 01.11.2024',
  },
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
]
const bytes = encodeCp1251(
  crlf(oneCLines(docs, [{ account: OUR, opening: '0', incoming: '2000.00', outgoing: '0', closing: '2000.00' }])),
)
const importFile = async (o: { memberId?: string; match?: boolean; json?: boolean } = {}) => {
  const out: string[] = []
  const err: string[] = []
  const code = await importStatementFile(
    w.ctx,
    { out: (s) => out.push(s), err: (s) => err.push(s) },
    {
      memberId: o.memberId ?? w.memberId,
      fileName: 'выписка.txt',
      bytes,
      match: o.match ?? true,
      json: o.json ?? true,
      actor: 'cli:test',
    },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}
const payments = async () =>
  w.ctx.database.db
    .selectFrom('payments')
    .select(['receivable_id', 'amount', 'source'])
    .where('member_id', '=', w.memberId)
    .orderBy('id')
    .execute()

beforeAll(async () => {
  w = await connectSandboxApp()
  const companyId = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Ромашка' })
  w.sb.admin.call(w.portalId, 'crm.requisite.add', {
    fields: { ENTITY_TYPE_ID: 4, ENTITY_ID: companyId, PRESET_ID: 1, NAME: 'Ромашка', RQ_INN: '7705000010' },
  })
  receivableId = (
    await createReceivable(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        counterparty: { type: 'company', id: companyId, name: 'ООО Ромашка' },
        invoiceNumber: '101',
        invoiceDate: '2024-11-01',
        dueDate: '2024-12-01',
        amount: 1_000_000,
        currency: 'RUB',
        responsibleId: 1,
      },
    )
  ).id
}, 90_000)
afterAll(async () => w?.close())

describe('statement import from the CLI', () => {
  it('imports into the portal and, with --match, records the confident line and queues the rest for review', async () => {
    const r = await importFile()
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({
      fileName: 'выписка.txt',
      format: '1c',
      status: 'done',
      documents: 2,
      incoming: 2,
      duplicates: 0,
      matched: 1,
      review: 1,
      balances: [{ ok: true }],
    })
    expect(await payments()).toEqual([{ receivable_id: receivableId, amount: 150_000, source: 'bank-statement' }])
    const audit = await w.ctx.database.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('member_id', '=', w.memberId)
      .where('action', '=', 'statement.imported')
      .execute()
    expect(audit).toEqual([{ actor: 'cli:test', action: 'statement.imported' }])
  })

  it('the same file again records nothing; without --match it says the matching is queued', async () => {
    const r = await importFile({ match: false, json: false })
    expect(r.code).toBe(0)
    expect(r.out).toContain('2 documents, 0 new incoming, 0 outgoing, 2 already imported')
    expect(r.out).toContain('matching is queued')
    expect(await payments()).toHaveLength(1)
  })

  it('refuses an unknown portal', async () => {
    expect(await importFile({ memberId: 'no-such-portal' })).toMatchObject({
      code: 1,
      err: 'unknown portal no-such-portal',
    })
  })
})
