// claim-tranche-scan: per portal every 15 minutes: tranche tasks whose status changed without an
// event reaching us are reconciled (events can be lost), and in working time the accountant's tasks
// of tranches coming due are created; recovery cases whose stage moved unseen are handled,
// settlement schedules follow the debtor's payments, and cases whose debt is paid follow it
// (principal field, Recovered); incoming e-mails naming a court case whose event was lost are bound.
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { dunningPorts } from '../../use-cases/dunning-ports.ts'
import { createDueTrancheTasks, reconcileTrancheTasks } from '../../use-cases/claim-tranche-tasks.ts'
import { reconcileClaimStages } from '../../use-cases/handle-claim-stage.ts'
import { closePaidClaims } from '../../use-cases/close-paid-claims.ts'
import { trackSettlements } from '../../use-cases/track-settlement.ts'
import { scanCourtMail } from '../../use-cases/bind-court-mail.ts'

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
    if (created || healed || stages || paid || mail || settlement.paid || settlement.reverted || settlement.missed) ctx.log.info({ memberId: job.data.memberId, slot: job.data.slot, created, healed, stages, paid, mail, settlement }, 'claims.tranche-tasks')
  }
}
