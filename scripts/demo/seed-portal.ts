// Seeds the demo portal (users, departments, companies with requisites) and, through the app's own
// use-cases, contracts, 200 invoices and their payments; the mirror jobs write them to the portal.
import type { Sandbox } from '../../sandbox/index.ts'
import type { AppContext } from '../../server/context.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { createReceivable } from '../../server/use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../server/use-cases/receivables/record-payment.ts'
import { demoContracts, demoCounterparties, demoDepartments, demoInvoices, demoUsers } from './seed-data.ts'

export function seedPortalPeople(sb: Sandbox, portalId: number): void {
  const ids = new Map<string, number>()
  for (const u of demoUsers.slice(1))
    sb.admin.addUser(portalId, {
      name: u.name,
      lastName: u.lastName,
      email: u.email,
      isAdmin: u.isAdmin,
      workPosition: u.position,
    })
  for (const d of demoDepartments) {
    const dep = sb.admin.addDepartment(portalId, {
      name: d.name,
      parent: d.parent ? (ids.get(d.parent) ?? null) : null,
      head: d.head,
    })
    ids.set(d.id, dep.id)
  }
  for (const u of demoUsers) {
    const dep = ids.get(u.department)
    if (dep)
      sb.admin.updateUser(portalId, u.id, {
        name: u.name,
        lastName: u.lastName,
        departments: [dep],
        workPosition: u.position,
      })
  }
}

export function seedCompanies(sb: Sandbox, portalId: number): Map<string, { id: number; name: string }> {
  const out = new Map<string, { id: number; name: string }>()
  for (const c of demoCounterparties()) {
    const id = sb.admin.seedCompany(
      portalId,
      { TITLE: c.name, EMAIL: [{ VALUE: c.email, VALUE_TYPE: 'WORK' }], ADDRESS_CITY: c.city },
      [{ NAME: c.name, RQ_INN: c.inn, RQ_KPP: c.kpp, RQ_COMPANY_NAME: c.name }],
    )
    out.set(c.key, { id, name: c.name })
  }
  return out
}

export async function seedLedger(
  ctx: AppContext,
  memberId: string,
  companies: Map<string, { id: number; name: string }>,
  today: string,
): Promise<number> {
  const ports = receivablesPorts(ctx)
  const who = { memberId, actor: 'user:1', source: 'demo' }
  const contracts = demoContracts(demoCounterparties())
  const invoices = demoInvoices(contracts, today)
  let n = 0
  for (const inv of invoices) {
    const cp = companies.get(inv.counterparty)!
    const k = contracts.find((c) => c.number === inv.contract)!
    const rec = await createReceivable(ports, who, {
      counterparty: { type: 'company', id: cp.id, name: cp.name },
      contract: { number: k.number, date: k.date, legalEntity: k.legalEntity, paymentTermsDays: k.paymentDays },
      invoiceNumber: inv.number,
      invoiceDate: inv.date,
      dueDate: inv.dueDate,
      amount: inv.amount,
      currency: 'RUB',
      responsibleId: 3,
    })
    for (const [i, amount] of inv.paid.entries()) {
      await recordPayment(ports, who, {
        receivableId: rec.id,
        amount,
        paidOn: inv.dueDate < today ? inv.dueDate : today,
        source: 'manual',
        sourceRef: `demo-${inv.number}-${i}`,
      })
    }
    n++
  }
  return n
}
