// One statement import that pays several invoices of one person tells that person once (a digest:
// how many, how much, which invoices), not once per payment as each receivable's mirror used to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { importStatement } from '../../../server/use-cases/statements/import-statement.ts'
import { lf } from '../../fixtures/statements/encode.ts'
import { OUR, oneCLines } from '../../fixtures/statements/one-c-file.ts'

let w: RobotWorld
beforeAll(async () => {
  w = await startRobotWorld()
}, 120_000)
afterAll(async () => w?.close())

describe('statement payments', () => {
  it('reach the responsible person as one digest per import', async () => {
    const who = { memberId: w.memberId, actor: 'user:1', source: 'test' }
    const manager = w.sb.admin.addUser(w.portalId, { name: 'Manager', isAdmin: false }).id
    const company = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Василёк' }, [
      { PRESET_ID: 1, NAME: 'Василёк', RQ_INN: '7705000010' },
    ])
    const invoices = ['D-1', 'D-2', 'D-3']
    for (const n of invoices)
      await createReceivable(receivablesPorts(w.ctx), who, {
        counterparty: { type: 'company', id: company, name: 'ООО Василёк' },
        invoiceNumber: n,
        invoiceDate: '2024-11-01',
        dueDate: '2024-12-01',
        amount: 100_000,
        currency: 'RUB',
        responsibleId: manager,
      })
    const file = lf(
      oneCLines(
        invoices.map((n, i) => ({
          number: String(700 + i),
          date: '03.12.2024',
          amount: '1000.00',
          payerInn: '7705000010',
          payer: 'ООО Василёк',
          payerAccount: '40702810000000000709',
          payeeAccount: OUR,
          credited: '03.12.2024',
          purpose: `Оплата по счету № ${n}`,
        })),
        [{ account: OUR, opening: '0', incoming: '3000.00', outgoing: '0', closing: '3000.00' }],
      ),
    )
    await importStatement(receivablesPorts(w.ctx), who, {
      fileName: 'digest.txt',
      bytes: new TextEncoder().encode(file),
    })
    const toManager = () =>
      (w.sb.admin.notifications(w.portalId) as unknown as { userId: number; message: string }[]).filter(
        (n) => Number(n.userId) === manager,
      )
    await expect.poll(() => toManager().length, { timeout: 20_000, interval: 200 }).toBeGreaterThan(0)
    // every mirror of the three payments has run
    await expect
      .poll(async () => (await w.ctx.queue.boss.findJobs('receivable-mirror', { queued: true })).length, {
        timeout: 20_000,
      })
      .toBe(0)
    await new Promise((r) => setTimeout(r, 1500))
    const got = toManager()
    expect(got, JSON.stringify(got.map((n) => n.message))).toHaveLength(1)
    expect(got[0].message).toMatch(/digest\.txt.*3.*D-1, D-2, D-3/)
  })
})
