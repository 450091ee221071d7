// The app installed into a sandbox portal with its workers running: robots are registered by the
// real install, automation rules in the sandbox POST the real robot payload to our handler, and
// our answer comes back through bizproc.event.send. Helpers run a rule and read its steps.
import { connectSandboxApp, type SandboxAppOptions } from './sandbox-app.ts'
import { installPortal } from '../../server/use-cases/portal/install-portal.ts'
import { startWorkers } from '../../server/create-context.ts'
import { createReceivable } from '../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { receivablesRepository } from '../../server/storage/repositories/receivables.ts'
import type { InstallState } from '../../server/bitrix24/install-state.ts'

export type Step = {
  index: number
  code: string
  status: string
  eventToken: string | null
  properties: Record<string, unknown>
  returnValues: Record<string, unknown> | null
  logMessage: string | null
}
export type RobotWorld = Awaited<ReturnType<typeof startRobotWorld>>

export async function startRobotWorld(
  opts: { env?: Record<string, string>; now?: string | Date; start?: SandboxAppOptions['start'] } = {},
) {
  const w = await connectSandboxApp({ env: opts.env, now: opts.now, start: opts.start })
  let invoiceSeq = 0 // … in every world, whatever ran before it in this worker
  await installPortal(w.ctx, w.memberId, true)
  await startWorkers(w.ctx)
  const state = (await w.ctx.repos.installState.get(w.memberId)) as InstallState
  const receivables = state.processes.receivables!
  const companyId = w.sb.admin.seedCompany(w.portalId, {
    TITLE: 'ООО Ромашка',
    EMAIL: [{ VALUE: 'buh@romashka.test', VALUE_TYPE: 'WORK' }],
  })

  const runs = () =>
    w.sb.admin.robotRuns(w.portalId) as { id: number; itemId: number; stageId: string; status: string; steps: Step[] }[]

  return {
    ...w,
    state,
    receivables,
    companyId,
    /** A receivable in the ledger with its portal item (created by the mirror job). */
    async newReceivable(
      o: {
        amount?: number
        dueDate?: string
        invoiceDate?: string
        contract?: { number: string; date?: string; legalEntity?: string }
      } = {},
    ) {
      const rec = await createReceivable(
        receivablesPorts(w.ctx),
        { memberId: w.memberId, actor: 'user:1', source: 'test' },
        {
          counterparty: { type: 'company', id: companyId, name: 'ООО Ромашка' },
          invoiceNumber: `R-${++invoiceSeq}`,
          ...(o.contract ? { contract: o.contract } : {}),
          invoiceDate: o.invoiceDate ?? '2026-09-01',
          dueDate: o.dueDate ?? '2026-10-01',
          amount: o.amount ?? 1_000_000,
          currency: 'RUB',
          responsibleId: 1,
        },
      )
      const repo = receivablesRepository(w.ctx.database.db)
      // polled by hand: this also runs in beforeAll, where expect.poll is not allowed
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const itemId = (await repo.get(w.memberId, rec.id))?.itemId
        if (itemId) return { receivableId: rec.id, itemId }
      }
      throw new Error(`receivable ${rec.id} got no portal item within 15 s`)
    },
    stageId(process: 'receivables' | 'claims' | 'approvals', code: string, pipeline?: string): string {
      const p = state.processes[process]!
      const pl = pipeline ? p.pipelines[pipeline]! : Object.values(p.pipelines)[0]!
      return pl.stages[code]!
    },
    /** Sets the stage's automation, moves the item there and waits until the run ends. */
    async runRule(
      entityTypeId: number,
      itemId: number,
      stageId: string,
      steps: { robot: string; properties?: Record<string, unknown> }[],
      o: { until?: 'finished' | 'waiting'; timeout?: number } = {},
    ) {
      w.sb.admin.setAutomation(w.portalId, entityTypeId, stageId, steps)
      const before = new Set(runs().map((r) => r.id))
      await w.sb.admin.call(w.portalId, 'crm.item.update', { entityTypeId, id: itemId, fields: { stageId } })
      const done = (r: ReturnType<typeof runs>[number]) =>
        o.until === 'waiting' ? r.steps.some((s) => s.status === 'waiting' && s.eventToken) : r.status !== 'running'
      let run: ReturnType<typeof runs>[number] | undefined
      // polled by hand: this also runs in beforeAll, where expect.poll is not allowed
      for (const until = Date.now() + (o.timeout ?? 45_000); ; await new Promise((r) => setTimeout(r, 100))) {
        run = runs().find((r) => !before.has(r.id) && Number(r.itemId) === itemId)
        if (run && done(run)) break
        if (Date.now() > until)
          throw new Error(
            `the automation run of item ${itemId} did not ${o.until === 'waiting' ? 'start waiting' : 'finish'} in time: ${JSON.stringify(run?.steps ?? null)}`,
          )
      }
      return run!
    },
    run(id: number) {
      return runs().find((r) => r.id === id)!
    },
    runs,
  }
}
