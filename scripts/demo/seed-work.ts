// Seeds the work around the ledger: roles, a few payment requests (created in the portal by their
// initiators, so the app starts their routes from the portal's events), a decided one, and claim
// work opened for the two most overdue invoices.
import type { Sandbox } from '../../sandbox/index.ts'
import type { AppContext } from '../../server/context.ts'
import { dunningPorts } from '../../server/use-cases/dunning-ports.ts'
import { loadDunningRules, saveDunningRules } from '../../server/use-cases/dunning-settings.ts'
import { portalDay } from '../../server/use-cases/receivable-calendar.ts'
import { openClaim } from '../../server/use-cases/open-claim.ts'

export const demoRoles = { financeManager: 4, operationsManager: 9, chiefAccountant: 5, juniorAccountant: 6, cfo: 1, lawyer: 7, signatory: 1 }

export async function seedRoles(ctx: AppContext, memberId: string): Promise<void> {
  const current = (await ctx.repos.settings.get<Record<string, unknown>>(memberId, 'approvals.roles')) ?? {}
  await ctx.repos.settings.set(memberId, 'approvals.roles', { ...current, ...demoRoles }, 'demo')
  const ports = dunningPorts(ctx)
  const rules = await loadDunningRules(ports, memberId)
  await saveDunningRules(ports, memberId, { ...rules, headOfSalesId: 2, lawyerId: 7, legalNotifyIds: [7] }, 'demo')
}

const requests = [
  { by: 8, title: 'Оплата поставщику бумаги (ООО «Бумторг»)', amount: '86400.00', costItem: 0 },
  { by: 3, title: 'Аренда выставочного стенда', amount: '240000.00', costItem: 1 },
  { by: 8, title: 'Закупка картриджей', amount: '18750.50', costItem: 0 },
  { by: 3, title: 'Командировка в Казань', amount: '52300.00', costItem: 2 },
]

export async function seedApprovalRequests(ctx: AppContext, sb: Sandbox, portalId: number, memberId: string, companyIds: number[]): Promise<number> {
  const state = await ctx.repos.installState.get(memberId)
  const ap = state?.processes.approvals
  if (!ap) return 0
  const f = (k: string) => ap.fields[k]?.restName
  const options = Object.values(ap.fields.costItem?.options ?? {})
  for (const [i, r] of requests.entries()) {
    const fields: Record<string, unknown> = { title: r.title, categoryId: ap.pipelines.payments!.categoryId, assignedById: r.by }
    const set = (k: string, v: unknown) => { const n = f(k); if (n) fields[n] = v }
    set('counterparty', `CO_${companyIds[i % companyIds.length]}`); set('amount', `${r.amount}|RUB`)
    set('costItem', options[r.costItem % Math.max(1, options.length)]); set('initiator', r.by)
    set('invoiceFile', { id: 100 + i, url: `/upload/demo/invoice-${i + 1}.pdf` })
    await sb.admin.call(portalId, 'crm.item.add', { entityTypeId: ap.entityTypeId, fields }, { userId: r.by })
  }
  return requests.length
}

/** Claim work for the two most overdue open invoices (as the escalation ladder would open it). */
export async function seedClaims(ctx: AppContext, memberId: string): Promise<number> {
  const ports = dunningPorts(ctx)
  const client = await ctx.b24!.forPortal(memberId)
  const [rules, day, state] = await Promise.all([loadDunningRules(ports, memberId), portalDay(ports, memberId), ctx.repos.installState.get(memberId)])
  const overdue = (await ctx.database.db.selectFrom('receivables').select(['id']).where('member_id', '=', memberId).where('remaining', '>', 0)
    .orderBy('due_date').limit(2).execute())
  let n = 0
  for (const r of overdue) {
    const row = await ports.repo.one(memberId, Number(r.id))
    if (!row) continue
    if (await openClaim(ports, client, state, { memberId, row, rules, calendar: day.calendar, lang: 'ru', reason: 'Демо: долг просрочен более чем на 60 дней.' })) n++
  }
  return n
}
