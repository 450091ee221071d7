// One company with N receivables, seeded in bulk (the use-cases would take a mirror job and a
// portal request per invoice): the portal items through the sandbox's quiet seed (no events), then
// contracts, receivables and payments in three INSERTs. Every fourth invoice is paid, every fourth
// partly paid; due dates spread from ~200 days ago to 30 days ahead, effective dates by the
// portal's working calendar. Returns the rows as the ledger holds them, for expectations.
import { sql } from 'kysely'
import { effectiveDueDate } from '../../server/domain/receivables/index.ts'
import { addDays } from '../../server/domain/calendar/local-date.ts'
import { portalDay } from '../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { moneyValue, stageIdOf } from '../../server/use-cases/receivables/receivable-item-fields.ts'
import type { PortalPageApp } from './portal-page-app.ts'

export interface SeededReceivable {
  id: number
  itemId: number
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  effectiveDueDate: string
  amount: number
  paid: number
  remaining: number
  contractNumber: string
  stage: string
}

export async function seedCompanyReceivables(w: PortalPageApp, o: { name: string; n: number; prefix?: string }) {
  const companyId = w.sb.admin.seedCompany(w.portalId, {
    TITLE: o.name,
    EMAIL: [{ VALUE: 'buh@client.test', VALUE_TYPE: 'WORK' }],
  })
  const { calendar, today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
  const p = w.state.processes.receivables!
  const f = (k: string) => p.fields[k]!.restName
  const prefix = o.prefix ?? 'INV'
  const rows = Array.from({ length: o.n }, (_, k) => {
    const i = k + 1
    const invoiceDate = addDays(today, -((i * 37) % 230))
    const dueDate = addDays(invoiceDate, [10, 14, 30, 45][i % 4]!)
    const amount = 5_000_00 + ((i * 7919) % 995_000) * 100 + (i % 100)
    const paid = i % 4 === 0 ? amount : i % 4 === 1 ? Math.round(amount * 0.4) : 0
    const effective = effectiveDueDate(calendar, dueDate)
    const stage = paid >= amount ? 'SUCCESS' : effective < today ? 'OVERDUE' : paid > 0 ? 'PARTIAL' : 'AWAITING'
    return {
      invoiceNumber: `${prefix}-${String(i).padStart(5, '0')}`,
      invoiceDate,
      dueDate,
      effectiveDueDate: effective,
      amount,
      paid,
      remaining: amount - paid,
      contractNumber: `Д-${String((i % 12) + 1).padStart(2, '0')}/2025`,
      stage,
    }
  })
  const itemIds = w.sb.admin.seedItems(
    w.portalId,
    p.entityTypeId,
    rows.map((r) => ({
      title: `Счёт ${r.invoiceNumber}`,
      companyId,
      stageId: stageIdOf(p, r.stage as 'NEW'),
      assignedById: 1,
      [f('invoiceNumber')]: r.invoiceNumber,
      [f('invoiceDate')]: r.invoiceDate,
      [f('dueDate')]: r.dueDate,
      [f('currency')]: 'RUB',
      [f('amount')]: moneyValue(r.amount, 'RUB'),
      [f('paid')]: moneyValue(r.paid, 'RUB'),
      [f('remaining')]: moneyValue(r.remaining, 'RUB'),
    })),
  )

  const db = w.ctx.database.db
  const cp = await db
    .insertInto('counterparties')
    .values({
      member_id: w.memberId,
      entity_type: 'company',
      entity_id: companyId,
      name: o.name,
      inn: null,
      kpp: null,
      email: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const contracts = [...new Set(rows.map((r) => r.contractNumber))]
  const contractIds = new Map<string, number>()
  for (const c of await db
    .insertInto('contracts')
    .values(
      contracts.map((number) => ({
        member_id: w.memberId,
        counterparty_id: cp.id,
        number,
        contract_date: '2025-01-15',
        payment_terms_days: 30,
        created_by: 'seed',
      })),
    )
    .returning(['id', 'number'])
    .execute())
    contractIds.set(c.number, Number(c.id))
  const inserted = await db
    .insertInto('receivables')
    .values(
      rows.map((r, k) => ({
        member_id: w.memberId,
        counterparty_id: cp.id,
        contract_id: contractIds.get(r.contractNumber)!,
        item_id: itemIds[k]!,
        invoice_number: r.invoiceNumber,
        invoice_date: r.invoiceDate,
        due_date: r.dueDate,
        effective_due_date: r.effectiveDueDate,
        amount: r.amount,
        paid: r.paid,
        stage: r.stage,
        overdue_applied: r.stage === 'OVERDUE',
        responsible_id: 1,
        created_by: 'seed',
        created_source: 'seed',
        ...(r.paid ? { last_payment_on: r.invoiceDate, last_payment_amount: r.paid } : {}),
      })),
    )
    .returning(['id'])
    .execute()
  const seeded: SeededReceivable[] = rows.map((r, k) => ({ ...r, id: Number(inserted[k]!.id), itemId: itemIds[k]! }))
  const payments = seeded.filter((r) => r.paid > 0)
  if (payments.length) {
    await sql`INSERT INTO payments (member_id, receivable_id, amount, paid_on, source, source_ref, actor)
      SELECT ${w.memberId}, r.id, r.paid, r.invoice_date, 'bank-statement', 'bank-statement:seed-' || r.id, 'seed'
      FROM receivables r WHERE r.counterparty_id = ${cp.id} AND r.paid > 0`.execute(db)
  }
  return { companyId, counterpartyId: Number(cp.id), today, rows: seeded }
}
