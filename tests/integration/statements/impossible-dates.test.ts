// A bank file line whose dates are impossible (31.02, 00.00.0000) used to be recorded as paid
// "today"; it now goes to review with the reason invalid-date, and no payment is recorded for it,
// while a line with a real date from the same file is matched as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { importStatement } from '../../../server/use-cases/statements/import-statement.ts'
import { matchStatement } from '../../../server/use-cases/statements/match-statement.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { lf } from '../../fixtures/statements/encode.ts'
import { OUR, oneCLines } from '../../fixtures/statements/one-c-file.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
}, 120_000)
afterAll(async () => w?.close())

describe('impossible dates in a statement', () => {
  it('send the line to review (invalid-date) instead of recording it as paid today', async () => {
    const who = { memberId: w.memberId, actor: 'user:1', source: 'test' }
    const companyId = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Ромашка' }, [
      { PRESET_ID: 1, NAME: 'Ромашка', RQ_INN: '7705000002' },
    ])
    for (const n of ['101', '102'])
      await createReceivable(receivablesPorts(w.ctx), who, {
        counterparty: { type: 'company', id: companyId, name: 'ООО Ромашка' },
        invoiceNumber: n,
        invoiceDate: '2024-11-01',
        dueDate: '2024-12-01',
        amount: 10_000,
        currency: 'RUB',
        responsibleId: 1,
      })
    const doc = (number: string, date: string, invoice: string) => ({
      number,
      date,
      amount: '100.00',
      payerInn: '7705000002',
      payer: 'ООО Ромашка',
      payerAccount: '40702810000000000512',
      payeeAccount: OUR,
      credited: date,
      purpose: `Оплата по счету № ${invoice}`,
    })
    const file = lf(
      oneCLines(
        [doc('1', '31.02.2024', '101'), doc('2', '03.12.2024', '102')],
        [{ account: OUR, opening: '0', incoming: '200.00', outgoing: '0', closing: '200.00' }],
      ),
    )
    const imp = await importStatement(receivablesPorts(w.ctx), who, {
      fileName: 'dates.txt',
      bytes: new TextEncoder().encode(file),
    })
    await matchStatement(dunningPorts(w.ctx), w.memberId, imp.import.id)
    const lines = await w.ctx.database.db
      .selectFrom('statement_lines')
      .select(['doc_number', 'status', 'reason'])
      .where('import_id', '=', imp.import.id)
      .orderBy('doc_number')
      .execute()
    expect(lines).toEqual([
      { doc_number: '1', status: 'review', reason: 'invalid-date' },
      { doc_number: '2', status: 'matched', reason: null },
    ])
    const paid = await w.ctx.database.db
      .selectFrom('payments')
      .select(['receivable_id'])
      .where('member_id', '=', w.memberId)
      .where('source', '=', 'bank-statement')
      .execute()
    expect(paid).toHaveLength(1) // invoice 102's, from the line with a real date
  })
})
