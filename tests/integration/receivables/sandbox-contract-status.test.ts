// Contract statuses on the sandbox portal (issue 26): the install creates the company card's field,
// the mirror job (events) and the 15-minute reconcile keep each contract's status from the money,
// each change is one history row however often it is computed, the company card holds the worst
// status, and a person closes (bad input refused, nothing changed) and reopens a contract.
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { reconcileReceivables } from '../../../server/use-cases/receivables/reconcile-receivables.ts'
import { closeContract, reopenContract } from '../../../server/use-cases/receivables/close-contract.ts'
import { counterpartyContracts } from '../../../server/use-cases/receivables/receivables-read.ts'
import { contractStatusRepository } from '../../../server/storage/repositories/contract-status.ts'
import { useReceivablesSandbox } from './sandbox-driver.ts'

const d = useReceivablesSandbox()
const db = () => d.w.ctx.database.db
const cp = () => ({ type: 'company' as const, entityId: d.w.companyId })
const contracts = async () => (await counterpartyContracts(d.ports(), d.w.memberId, 'company', d.w.companyId)).groups
const contract = async (n: string) => (await contracts()).find((g) => g.contract?.number === n)!.contract!
const cardStatus = async () => {
  const field = d.w.installState.companyFields!.contractStatus
  const { result } = await d.w.sb.admin.call<Record<string, unknown>>(d.w.portalId, 'crm.company.get', {
    id: d.w.companyId,
  })
  const optionId = Number(result[field.upperName])
  return Object.entries(field.options!).find(([, id]) => id === optionId)?.[0] ?? null
}
const invoice = (contractNo: string, n: string, due: string, amount = 100_000) =>
  createReceivable(d.ports(), d.who(), {
    counterparty: { type: 'company', id: d.w.companyId },
    contract: { number: contractNo, date: '2025-01-10' },
    invoiceNumber: n,
    invoiceDate: '2025-03-01',
    dueDate: due,
    amount,
  })

describe('contract status on the sandbox portal', () => {
  it('the install creates the company field with one option per status', async () => {
    const field = d.w.installState.companyFields?.contractStatus
    expect(field?.upperName).toBe('UF_CRM_RC_CONTRACT_STATUS')
    expect(Object.keys(field!.options!).sort()).toEqual(['active', 'claim', 'closed', 'overdue', 'settled'])
    const { result } = await d.w.sb.admin.call<{ fields: { fieldName: string }[] }>(
      d.w.portalId,
      'userfieldconfig.list',
      { moduleId: 'crm', filter: { entityId: 'CRM_COMPANY' } },
    )
    expect(result.fields.map((f) => f.fieldName)).toContain('UF_CRM_RC_CONTRACT_STATUS')
  })

  it('follows the money through events and the reconcile, one history row per change, the card the worst', async () => {
    await invoice('K-1', 'CS-1', '2025-03-11')
    await invoice('K-2', 'CS-2', '2025-03-31')
    await d.drain()
    expect((await contract('K-1')).status).toBe('active')
    expect(await cardStatus()).toBe('active')
    // 9 days after K-1's due date: the reconcile sees it overdue, twice, and records it once
    d.now = new Date('2025-03-20T09:00:00Z')
    for (let i = 0; i < 2; i++) await reconcileReceivables(d.ports(), d.w.memberId)
    await d.drain()
    const k1 = await contract('K-1')
    expect(k1).toMatchObject({ status: 'overdue', oldestDays: 9 })
    expect(k1.history.map((h) => `${h.from}>${h.to}`)).toEqual(['active>overdue'])
    expect((await contract('K-2')).status).toBe('active')
    expect(await cardStatus()).toBe('overdue')
    // paid in full (the payment's mirror job, as on a portal event): settled; the card shows K-2's active
    await recordPayment(d.ports(), d.who(), {
      receivableId: Number(
        (
          await db()
            .selectFrom('receivables')
            .select('id')
            .where('invoice_number', '=', 'CS-1')
            .executeTakeFirstOrThrow()
        ).id,
      ),
      amount: 100_000,
      paidOn: '2025-03-20',
      source: 'manual',
      sourceRef: 'cs-1-pay',
    })
    await d.drain()
    await d.drain()
    expect((await contract('K-1')).history.map((h) => h.to)).toEqual(['settled', 'overdue'])
    expect(await cardStatus()).toBe('active')
  })

  it('a claim case open on an invoice puts its contract in claim work', async () => {
    d.now = new Date('2025-03-20T09:00:00Z')
    const rec = await invoice('K-3', 'CS-3', '2025-03-12')
    await sql`INSERT INTO dunning_receivables (member_id, receivable_id, claim_item_id) VALUES (${d.w.memberId}, ${rec.id}, 999)`.execute(
      db(),
    )
    await reconcileReceivables(d.ports(), d.w.memberId)
    expect(await contract('K-3')).toMatchObject({ status: 'claim', oldestDays: 8 })
    expect(await cardStatus()).toBe('claim')
  })

  it('closing refuses bad input and changes nothing; a close is recorded once; reopening goes back to the money', async () => {
    d.now = new Date('2025-03-20T09:00:00Z')
    const k2 = await contract('K-2')
    const ref = { memberId: d.w.memberId, actor: 'user:1', counterparty: cp(), contractId: k2.id }
    const rows = async () => (await contractStatusRepository(db()).history(d.w.memberId, [k2.id])).length
    const before = await rows()
    await expect(closeContract(d.ports(), ref, { closedOn: '2025-04-01', reason: 'x' })).rejects.toThrow(/after today/)
    await expect(closeContract(d.ports(), ref, { closedOn: '2025-03-15', reason: ' ' })).rejects.toThrow(/reason/)
    await expect(
      closeContract(d.ports(), { ...ref, contractId: 999_999 }, { closedOn: '2025-03-15', reason: 'x' }),
    ).rejects.toThrow(/not found/)
    expect(await rows()).toBe(before)
    expect((await contract('K-2')).status).toBe('active')
    await closeContract(d.ports(), ref, { closedOn: '2025-03-15', reason: 'Договор расторгнут' })
    await expect(closeContract(d.ports(), ref, { closedOn: '2025-03-15', reason: 'again' })).rejects.toThrow(
      /already closed/,
    )
    await reconcileReceivables(d.ports(), d.w.memberId)
    const closed = await contract('K-2')
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2025-03-15', closedReason: 'Договор расторгнут' })
    expect(closed.history[0]).toMatchObject({ from: 'active', to: 'closed', reason: 'Договор расторгнут' })
    expect(await rows()).toBe(before + 1)
    expect(await reopenContract(d.ports(), ref)).toBe('active')
    expect((await contract('K-2')).history.map((h) => h.to)).toEqual(['active', 'closed'])
  })
})
