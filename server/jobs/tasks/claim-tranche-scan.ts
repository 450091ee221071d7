// claim-tranche-scan: per portal every 15 minutes: tranche tasks whose status changed without an
// event reaching us are reconciled (events can be lost), and in working time the accountant's tasks
// of tranches coming due are created; recovery cases whose stage moved unseen are handled,
// settlement schedules follow the debtor's payments, and cases whose debt is paid follow it
// (principal field, Recovered); incoming e-mails naming a court case whose event was lost are bound;
// cases whose pre-trial period passed unpaid move to court preparation (escalate-expired-pretrial.ts).
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { createDueTrancheTasks } from '../../use-cases/claims/claim-tranche-tasks.ts'
import { reconcileTrancheTasks } from '../../use-cases/claims/reconcile-tranche-tasks.ts'
import { reconcileClaimStages } from '../../use-cases/claims/handle-claim-stage.ts'
import { closePaidClaims } from '../../use-cases/claims/close-paid-claims.ts'
import { trackSettlements } from '../../use-cases/claims/track-settlement.ts'
import { scanCourtMail } from '../../use-cases/claims/bind-court-mail.ts'
import { escalateExpiredPretrial } from '../../use-cases/claims/escalate-expired-pretrial.ts'

export const claimTrancheScanJob = { name: 'claim-tranche-scan', retryLimit: 5, retryDelay: 60, expireInSeconds: 1800 }

export function createClaimTrancheScan(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot?: string }>) => {
    if (!ctx.b24) throw new Error('portal clients are not wired')
    const ports = dunningPorts(ctx)
    const client = await ctx.b24.forPortal(job.data.memberId)
    const healed = await reconcileTrancheTasks(ports, client, job.data.memberId)
    const created = await createDueTrancheTasks(ports, client, job.data.memberId, undefined, { workingTimeOnly: true })
    const stages = await reconcileClaimStages(ports, job.data.memberId)
    const settlement = await trackSettlements(ports, client, job.data.memberId)
    const paid = await closePaidClaims(ports, job.data.memberId)
    const mail = await scanCourtMail(ports, client, job.data.memberId)
    // after the paid cases closed: a case whose pre-trial period passed unpaid moves on (once)
    const pretrial = await escalateExpiredPretrial(ports, job.data.memberId)
    const moved = pretrial.moved + pretrial.tasks + pretrial.held
    if (
      created ||
      healed ||
      stages ||
      paid ||
      mail ||
      moved ||
      settlement.paid ||
      settlement.reverted ||
      settlement.missed
    )
      ctx.log.info(
        { memberId: job.data.memberId, slot: job.data.slot, created, healed, stages, paid, mail, settlement, pretrial },
        'claims.tranche-tasks',
      )
  }
}
