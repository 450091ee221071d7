// receivable-reconcile: per portal, fanned out by the schedule (every 15 minutes): re-reads changed
// items since the updatedTime cursor and moves receivables whose due date has passed; contract statuses
// follow, and the tasks of ladder task steps on paid or paused invoices are closed or skipped.
import type { AppContext } from '../../context.ts'
import type { JobContext } from '../queue.ts'
import { receivablesPorts } from '../../use-cases/receivables/receivables-ports.ts'
import { reconcileReceivables } from '../../use-cases/receivables/reconcile-receivables.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { closeStepTasks } from '../../use-cases/dunning/close-step-tasks.ts'
import { reconcileSources } from '../../use-cases/receivables/reconcile-sources.ts'

export const receivableReconcileJob = {
  name: 'receivable-reconcile',
  retryLimit: 3,
  retryDelay: 30,
  expireInSeconds: 900,
}

export function createReceivableReconcile(ctx: AppContext) {
  return async (job: JobContext<{ memberId: string; slot?: string }>) => {
    // deals / smart invoices at the chosen stage first (lost events healed), then the Receivables items
    // (a failure there waits for the next run and does not hold up the rest)
    const sources = await reconcileSources(receivablesPorts(ctx), job.data.memberId).catch((e: unknown) => {
      ctx.log.warn({ memberId: job.data.memberId, err: (e as Error).message }, 'receivable.source-reconcile-failed')
      return null
    })
    const stats = await reconcileReceivables(receivablesPorts(ctx), job.data.memberId)
    // the tasks of ladder task steps whose invoice got paid or paused since (lost events healed)
    const stepTasks = await closeStepTasks(dunningPorts(ctx), job.data.memberId)
    ctx.log.info(
      { memberId: job.data.memberId, slot: job.data.slot, ...stats, sources, stepTasks },
      'receivable.reconciled',
    )
  }
}
