// Seeds the work around the ledger: roles, a few payment requests (created in the portal by their
// initiators, so the app starts their routes from the portal's events; two of them are then carried
// to Paid and Rejected by seed-decided.ts), and claim work opened for the two most overdue invoices.
import type { Sandbox } from '../../sandbox/index.ts'
import type { AppContext } from '../../server/context.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { loadDunningRules, saveDunningRules } from '../../server/use-cases/dunning/dunning-settings.ts'
import { portalDay } from '../../server/use-cases/receivables/receivable-calendar.ts'
import { openClaim } from '../../server/use-cases/claims/open-claim.ts'
import { upsertLegalEntity } from '../../server/use-cases/admin/legal-entities.ts'
import { makeOrgInn } from './inn.ts'

export const demoRoles = {
  financeManager: 4,
  operationsManager: 9,
  chiefAccountant: 5,
  juniorAccountant: 6,
  cfo: 1,
  lawyer: 7,
  signatory: 1,
}

export async function seedRoles(ctx: AppContext, memberId: string): Promise<void> {
  const current = (await ctx.repos.settings.get<Record<string, unknown>>(memberId, 'approvals.roles')) ?? {}
  await ctx.repos.settings.set(memberId, 'approvals.roles', { ...current, ...demoRoles }, 'demo')
  const ports = dunningPorts(ctx)
  const rules = await loadDunningRules(ports, memberId)
  await saveDunningRules(ports, memberId, { ...rules, headOfSalesId: 2, lawyerId: 7, legalNotifyIds: [7] }, 'demo')
}

/** Our own legal entity with its requisites: the claim letters are written in its name. */
export async function seedLegalEntity(ctx: AppContext, memberId: string): Promise<void> {
  await upsertLegalEntity(
    dunningPorts(ctx),
    { memberId, actor: 'demo', source: 'demo' },
    {
      name: 'ООО «Ромашка»',
      inn: makeOrgInn('77', 1_234_567),
      kpp: '770101001',
      ogrn: '1027700000001',
      address: '125009, г. Москва, ул. Тверская, д. 1, офис 12',
      signer: 'Смирнова Ирина Викторовна',
      signerTitle: 'Генеральный директор',
      bankDetails: {
        bank: 'ПАО Сбербанк',
        bic: '044525225',
        account: '40702810938000012345',
        corrAccount: '30101810400000000225',
      },
    },
  )
}

const requests = [
  { by: 8, title: 'Оплата поставщику бумаги (ООО «Бумторг»)', amount: '86400.00', costItem: 0 },
  { by: 3, title: 'Аренда выставочного стенда', amount: '240000.00', costItem: 1 },
  { by: 8, title: 'Закупка картриджей', amount: '18750.50', costItem: 0 },
  { by: 3, title: 'Командировка в Казань', amount: '52300.00', costItem: 2 },
  { by: 8, title: 'Продление хостинга сайта на год', amount: '36000.00', costItem: 2, outcome: 'paid' },
  { by: 3, title: 'Подарки клиентам к празднику', amount: '150000.00', costItem: 1, outcome: 'rejected' },
] as const

export async function seedApprovalRequests(
  ctx: AppContext,
  sb: Sandbox,
  portalId: number,
  memberId: string,
  companyIds: number[],
): Promise<{ count: number; paid: number | null; rejected: number | null }> {
  const out = { count: 0, paid: null as number | null, rejected: null as number | null }
  const state = await ctx.repos.installState.get(memberId)
  const ap = state?.processes.approvals
  if (!ap) return out
  const f = (k: string) => ap.fields[k]?.restName
  const options = Object.values(ap.fields.costItem?.options ?? {})
  for (const [i, r] of requests.entries()) {
    const fields: Record<string, unknown> = {
      title: r.title,
      categoryId: ap.pipelines.payments!.categoryId,
      assignedById: r.by,
    }
    const set = (k: string, v: unknown) => {
      const n = f(k)
      if (n) fields[n] = v
    }
    set('counterparty', `CO_${companyIds[i % companyIds.length]}`)
    set('amount', `${r.amount}|RUB`)
    set('costItem', options[r.costItem % Math.max(1, options.length)])
    set('initiator', r.by)
    set('invoiceFile', { id: 100 + i, url: `/upload/demo/invoice-${i + 1}.pdf` })
    const { result } = await sb.admin.call<{ item: { id: number } }>(
      portalId,
      'crm.item.add',
      { entityTypeId: ap.entityTypeId, fields },
      { userId: r.by },
    )
    if ('outcome' in r) out[r.outcome] = Number(result.item.id)
    out.count++
  }
  return out
}

/** Claim work for the two most overdue open invoices (as the escalation ladder would open it). */
export async function seedClaims(ctx: AppContext, memberId: string): Promise<number> {
  const ports = dunningPorts(ctx)
  const client = await ctx.b24!.forPortal(memberId)
  const [rules, day, state] = await Promise.all([
    loadDunningRules(ports, memberId),
    portalDay(ports, memberId),
    ctx.repos.installState.get(memberId),
  ])
  const overdue = await ctx.database.db
    .selectFrom('receivables')
    .select(['id'])
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .orderBy('due_date')
    .limit(2)
    .execute()
  let n = 0
  for (const r of overdue) {
    const row = await ports.repo.one(memberId, Number(r.id))
    if (!row) continue
    if (
      await openClaim(ports, client, state, {
        memberId,
        row,
        rules,
        calendar: day.calendar,
        lang: 'ru',
        reason: 'Демо: долг просрочен более чем на 60 дней.',
      })
    )
      n++
  }
  return n
}
