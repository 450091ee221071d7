// A debt-recovery case to work on: the app installed in a sandbox portal (workers running), a lawyer
// as the claim specialist, and a 500,000 RUB invoice whose claim the claim-open robot opened.
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'

export interface RecoveryCase {
  w: RobotWorld
  lawyer: number
  receivableId: number
  claimItemId: number
}

export async function openRecoveryCase(): Promise<RecoveryCase> {
  const w = await startRobotWorld()
  const lawyer = w.sb.admin.addUser(w.portalId, { name: 'Юлия', lastName: 'Юристова' }).id
  await w.ctx.repos.settings.set(w.memberId, 'claims', { specialistId: lawyer }, 'test')
  const { itemId, receivableId } = await w.newReceivable({
    amount: 50_000_000,
    invoiceDate: '2026-06-10',
    dueDate: '2026-07-10',
  })
  const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  return { w, lawyer, receivableId, claimItemId: Number(run.steps[0].returnValues!.claimId) }
}
