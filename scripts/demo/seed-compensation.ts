// A compensation case of the demo: a customer's compensation agreed in the card and paid out in three
// monthly tranches, each with the accountant's task when it comes near.
import { DateTime } from 'luxon'
import type { Sandbox } from '../../sandbox/index.ts'
import type { AppContext } from '../../server/context.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { loadClaim } from '../../server/use-cases/claims/claim-case.ts'
import { editClaimTranches } from '../../server/use-cases/claims/edit-claim-tranches.ts'

export async function seedCompensation(
  ctx: AppContext,
  sb: Sandbox,
  portalId: number,
  memberId: string,
  companyId: number,
  today: string,
): Promise<number> {
  const c = (await ctx.repos.installState.get(memberId))?.processes.claims
  const pipeline = c?.pipelines.compensation
  const amountField = c?.fields.compensationAmount?.restName
  if (!c || !pipeline || !amountField) return 0
  const { result } = await sb.admin.call<{ item: { id: number } }>(
    portalId,
    'crm.item.add',
    {
      entityTypeId: c.entityTypeId,
      fields: {
        title: 'Компенсация за сорванную поставку',
        categoryId: pipeline.categoryId,
        assignedById: 7,
        companyId,
        [amountField]: '150000|RUB',
      },
    },
    { userId: 7 },
  )
  const ports = dunningPorts(ctx)
  const client = await ctx.b24!.forPortal(memberId)
  const { claim } = await loadClaim(ports, client, memberId, Number(result.item.id))
  for (let i = 0; i < 3; i++) {
    const deadline = DateTime.fromISO(today).plus({ months: i }).endOf('month').toISODate()!
    await editClaimTranches(ports, client, memberId, claim.id, { op: 'add', deadline, amount: 50_000_00 }, 'user:7')
  }
  return 1
}
