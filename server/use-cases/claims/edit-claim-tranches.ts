// Tranche edits from the claim tab (planned tranches only): validated, audited, then the totals
// are synced to the portal and a payout tranche already within its task horizon gets its task; an
// edited tranche's task is updated, a deleted one's task deleted; a recovery case's settlement
// tranches are checked against the payments at once.
import { checkTrancheInSchedule, PayoutError, payoutTotals, validateTranche } from '../../domain/claims/payouts.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { claimsRepository } from '../../storage/repositories/claims.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { loadClaim } from './claim-case.ts'
import { syncClaimTotals } from './sync-claim-totals.ts'
import { createDueTrancheTasks } from './claim-tranche-tasks.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import { recoveryDebt } from './recovery-debt.ts'
import { trackSettlement } from './track-settlement.ts'
import { claimedToday } from './claim-debts.ts'
import { deleteTrancheTask, openTrancheTask, updateTrancheTask } from './claim-tranche-task-sync.ts'

export type TrancheEdit =
  | { op: 'add'; deadline: unknown; amount: unknown }
  | { op: 'edit'; id: number; deadline: unknown; amount: unknown }
  | { op: 'delete'; id: number }

function parse(deadline: unknown, amount: unknown) {
  if (typeof deadline !== 'string')
    throw new PayoutError('payout.deadline-invalid', 'deadline must be a date (YYYY-MM-DD)')
  if (typeof amount !== 'number') throw new PayoutError('payout.amount-invalid', 'amount must be a number of kopecks')
  const t = { deadline, amount }
  validateTranche(t)
  return t
}

export async function editClaimTranches(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  caseId: number,
  e: TrancheEdit,
  actor: string,
): Promise<number> {
  const repo = claimsRepository(ports.db)
  const existing = await repo.get(memberId, caseId)
  if (!existing) throw new LedgerError('not-found', 'claim.not-found', `claim ${caseId} not found`)
  const { process, claim, facts } = await loadClaim(ports, client, memberId, existing.itemId)
  // a debt-recovery case gets its settlement schedule (the debtor's tranches) in "Pre-trial settlement"
  if (claim.kind === 'recovery' && facts.stage !== 'PRETRIAL')
    throw new LedgerError(
      'conflict',
      'claim.not-pretrial',
      'A settlement schedule is agreed while the case is in "Pre-trial settlement"',
    )
  if (e.op !== 'delete') {
    // refused before anything is written: a deadline in the past, a schedule above the agreed sum
    const all = await repo.tranches(memberId, claim.id)
    const { today, lang } = await portalDay(ports, memberId)
    // a settlement schedule is measured against what the claim demands today (as the tab shows it)
    const owed = claim.kind === 'payout' ? null : await claimedToday(ports, memberId, claim.itemId, facts, today, lang)
    const agreed = owed ? owed.principal + owed.penalty + owed.interest + payoutTotals(all).paid : facts.agreed
    const others = all.filter((t) => e.op === 'add' || t.id !== String(e.id))
    checkTrancheInSchedule(parse(e.deadline, e.amount), others, agreed, today)
  }
  if (e.op === 'add') {
    const t = parse(e.deadline, e.amount)
    if (claim.kind === 'recovery')
      await repo.settlementBaseline(memberId, claim.id, (await recoveryDebt(ports.db, memberId, claim.itemId)).paid)
    await repo.addTranche(memberId, claim.id, t)
  }
  const edited = e.op === 'edit' ? parse(e.deadline, e.amount) : null
  // the accountant's task of the tranche, checked still open before anything changes
  const taskId =
    e.op === 'add'
      ? null
      : await openTrancheTask(
          client,
          (await repo.tranches(memberId, claim.id)).find((t) => t.id === String(e.id)),
        )
  if (e.op === 'edit' && edited) {
    const t = edited
    if (!(await repo.editTranche(memberId, claim.id, e.id, t)))
      throw new PayoutError('payout.already-paid', 'Only a planned tranche of this claim can be changed')
    if (taskId) await updateTrancheTask(ports, client, claim, taskId, t)
  } else if (e.op === 'delete') {
    if (!(await repo.deleteTranche(memberId, claim.id, e.id)))
      throw new PayoutError('payout.already-paid', 'Only a planned tranche of this claim can be deleted')
    if (taskId) await deleteTrancheTask(client, taskId)
  }
  await ports.audit.record({
    memberId,
    actor,
    source: 'ui',
    action: `claim.tranche-${e.op}`,
    entity: 'claim',
    entityId: String(claim.id),
    details: e,
  })
  if (claim.kind === 'recovery') {
    await trackSettlement(ports, client, process, claim, { syncTotals: true })
    return claim.itemId
  }
  const { lang } = await portalDay(ports, memberId)
  await syncClaimTotals(ports, client, process, claim, await repo.tranches(memberId, claim.id), lang)
  await createDueTrancheTasks(ports, client, memberId, claim.id)
  return claim.itemId
}
