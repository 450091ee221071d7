// The reconciliation-act robot on a Receivables item through the sandbox automation runner: the
// act of the item's counterparty and contract, its closing balance against the ledger, links that
// open both files; without our requisites or with an unknown contract the step fails clearly and
// no act is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'

let w: RobotWorld
beforeAll(async () => {
  w = await startRobotWorld()
}, 60_000)
afterAll(async () => w?.close())

const acts = async () =>
  Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM reconciliation_acts`.execute(w.ctx.database.db)).rows[0]!
      .n,
  )
const CHECK = () => w.stageId('receivables', 'CHECK')

describe('reconciliation-act robot', () => {
  it('without our requisites: the step fails naming them, no act', async () => {
    const { itemId } = await w.newReceivable({ amount: 500_000, contract: { number: 'Д-R1' } })
    const run = await w.runRule(w.receivables.entityTypeId, itemId, CHECK(), [
      { robot: 'reconciliation-act', properties: { dateFrom: '01.01.2026' } },
    ])
    expect(run.steps[0]!.logMessage ?? JSON.stringify(run.steps[0])).toMatch(/не заполнены реквизиты нашей организации/)
    expect(await acts()).toBe(0)
  })

  it('makes the act of the item counterparty and contract: numbers, closing balance, both files', async () => {
    await w.ctx.repos.settings.set(
      w.memberId,
      'claims.legalEntities',
      [
        {
          name: 'ООО «Вектор»',
          inn: '7707083893',
          kpp: '',
          ogrn: '',
          address: '',
          signer: 'Иванов И. И.',
          signerTitle: 'Директор',
          bankDetails: { bank: '', bic: '', account: '', corrAccount: '' },
        },
      ],
      null,
    )
    const a = await w.newReceivable({ amount: 1_234_567, invoiceDate: '2026-09-10', contract: { number: 'Д-R2' } })
    await w.newReceivable({ amount: 999_999, invoiceDate: '2026-09-11', contract: { number: 'Д-R3' } })
    await recordPayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      { receivableId: a.receivableId, amount: 34_567, paidOn: '2026-09-20', source: 'manual', sourceRef: 'pp-1' },
    )
    const rule = [
      { robot: 'reconciliation-act', properties: { dateFrom: '2026-09-15', dateTo: '30.09.2026', contract: 'Д-R2' } },
    ]
    // the company has no requisites in the CRM yet: its INN is named as missing, no act
    const noInn = await w.runRule(w.receivables.entityTypeId, a.itemId, CHECK(), rule)
    expect(noInn.steps[0]!.logMessage ?? JSON.stringify(noInn.steps[0])).toMatch(
      /Акт сверки не сформирован: в реквизитах контрагента ООО Ромашка не заполнено поле «ИНН»/,
    )
    expect(await acts()).toBe(0)
    await w.sb.admin.call(w.portalId, 'crm.requisite.add', {
      fields: { ENTITY_TYPE_ID: 4, ENTITY_ID: w.companyId, RQ_COMPANY_NAME: 'ООО «Ромашка»', RQ_INN: '7728168971' },
    })
    // the app moves the overdue invoice on from "Check" by itself; the rule runs again when the item comes back
    const stage = () =>
      w.sb.admin.items(w.portalId, w.receivables.entityTypeId).find((x) => Number(x.id) === a.itemId)?.stageId
    await expect.poll(stage, { timeout: 20_000 }).not.toBe(CHECK())
    const run = await w.runRule(w.receivables.entityTypeId, a.itemId, CHECK(), rule)
    const v = run.steps[0]!.returnValues!
    // opening 12 345,67 (the invoice before the period), credit 345,67 -> closing 12 000,00
    expect(v).toMatchObject({ closing: '12000.00', number: expect.stringMatching(/^АС-2026\/\d+$/) })
    expect(await acts()).toBe(1)
    const pdf = await fetch(String(v.pdfLink))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    const xlsx = await fetch(String(v.xlsxLink))
    expect(xlsx.status).toBe(200)
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
  }, 60_000)

  it('an unknown contract number: a clear failure, no act', async () => {
    const before = await acts()
    const { itemId } = await w.newReceivable({ amount: 100_000, contract: { number: 'Д-R4' } })
    const run = await w.runRule(w.receivables.entityTypeId, itemId, CHECK(), [
      { robot: 'reconciliation-act', properties: { dateFrom: '2026-01-01', contract: 'НЕТ-ТАКОГО' } },
    ])
    expect(JSON.stringify(run.steps[0])).toContain('has no contract')
    expect(await acts()).toBe(before)
  })
})
