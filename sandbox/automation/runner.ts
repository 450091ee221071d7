// Automation rules per smart-process stage: when an item enters a stage, run the configured robots
// one after another, POSTing the robot payload (reference 8.2) and waiting for bizproc.event.send
// when the robot uses a subscription. Runs and steps are kept in the portal's robotRuns table.
import { randomHex } from '../util/ids.ts'
import { authBlock } from '../oauth/tokens.ts'
import { eventPair } from '../events/emit.ts'
import { renderTemplate } from './templates.ts'
import { itemFieldValue } from './doc-fields.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

export const DYNAMIC_DOC = 'Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic'

export type Step = {
  index: number
  code: string
  status: 'pending' | 'waiting' | 'done' | 'failed' | 'timeout'
  eventToken: string | null
  properties: Record<string, unknown>
  returnValues: Record<string, unknown> | null
  logMessage: string | null
  deliveryStatus: number | null
  error: string | null
}

export class AutomationRunner {
  readonly #rt: Runtime
  waitTimeoutMs = 600_000
  #closed = false

  constructor(rt: Runtime) {
    this.#rt = rt
  }

  stageEntered(ps: PortalState, entityTypeId: number, itemId: number, stageId: string): void {
    const rule = ps.rules.find((r) => r.entityTypeId === entityTypeId && r.stageId === stageId)
    const steps = (rule?.steps ?? []) as { robot: string; properties?: Record<string, unknown> }[]
    if (!rule || steps.length === 0) return
    const run = ps.robotRuns.insert({
      workflowId: `${randomHex(7)}.${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      entityTypeId,
      itemId,
      stageId,
      status: 'running',
      startedAt: this.#rt.world.clock.now(),
      finishedAt: null,
      steps: steps.map((s, i): Step => ({
        index: i + 1,
        code: s.robot,
        status: 'pending',
        eventToken: null,
        properties: s.properties ?? {},
        returnValues: null,
        logMessage: null,
        deliveryStatus: null,
        error: null,
      })),
    })
    queueMicrotask(() => this.#advance(ps, run.id))
  }

  /** bizproc.event.send: false when the token is unknown or already answered. */
  eventSent(ps: PortalState, token: string, values: Record<string, unknown>, log: string): boolean {
    const run = ps.robotRuns.find((r) => (r.steps as Step[]).some((s) => s.eventToken === token))
    const step = run && (run.steps as Step[]).find((s) => s.eventToken === token)
    if (!run || !step || step.status !== 'waiting') return false
    step.status = 'done'
    step.returnValues = values
    step.logMessage = log || null
    ps.robotRuns.save(run)
    queueMicrotask(() => this.#advance(ps, run.id))
    return true
  }

  #advance(ps: PortalState, runId: number): void {
    if (this.#closed) return
    const run = ps.robotRuns.get(runId)
    if (!run || run.status !== 'running') return
    const steps = run.steps as Step[]
    const step = steps.find((s) => s.status === 'pending')
    if (!step) return this.#finish(ps, run, steps.some((s) => s.status === 'failed') ? 'failed' : 'done')
    if (steps.some((s) => s.status === 'waiting')) return
    const robot = ps.robots.find((r) => r.CODE === step.code)
    const inst = robot ? ps.installFor(Number(robot.appId)) : undefined
    const app = robot ? this.#rt.world.apps.get(Number(robot.appId)) : undefined
    if (!robot || !inst || !app) {
      step.status = 'failed'
      step.error = 'robot not found'
      ps.robotRuns.save(run)
      return this.#finish(ps, run, 'failed')
    }
    const etid = Number(run.entityTypeId)
    const item = ps.items(etid).get(Number(run.itemId))
    const props = renderTemplate(step.properties, {
      step: (n) => steps[n - 1]?.returnValues ?? undefined,
      doc: (f) => (item ? itemFieldValue(ps, etid, item, f) : undefined),
    }) as Record<string, unknown>
    const wait = robot.USE_SUBSCRIPTION !== 'N'
    step.eventToken = `${String(run.workflowId)}|A${randomHex(3)}_${randomHex(2)}_${randomHex(2)}_${randomHex(2)}|${randomHex(16)}`
    step.properties = props
    step.status = wait ? 'waiting' : 'done'
    ps.robotRuns.save(run)
    const userId = Number(robot.AUTH_USER_ID) || 1
    const body: Record<string, unknown> = {
      workflow_id: run.workflowId,
      code: robot.CODE,
      document_id: ['crm', DYNAMIC_DOC, `DYNAMIC_${etid}_${String(run.itemId)}`],
      document_type: ['crm', DYNAMIC_DOC, `DYNAMIC_${etid}`],
      event_token: step.eventToken,
      properties: props,
      use_subscription: wait ? 'Y' : 'N',
      timeout_duration: '0',
      ts: String(this.#rt.world.clock.nowSec()),
      auth: authBlock(
        this.#rt.world,
        this.#rt.endpoints,
        ps,
        app,
        inst.applicationToken,
        eventPair(this.#rt, ps, app.id, userId),
      ),
    }
    void this.#rt.deliveries
      .post(ps.portal.id, 'robot', String(robot.CODE), String(robot.HANDLER), body, { noDrop: true })
      .then((d) => {
        step.deliveryStatus = d.status
        if (d.error) step.error = d.error
        ps.robotRuns.save(run)
        if (!wait) this.#advance(ps, runId)
      })
    if (wait) {
      this.#rt.later(this.waitTimeoutMs, () => {
        if (step.status !== 'waiting') return
        step.status = 'timeout'
        ps.robotRuns.save(run)
        this.#advance(ps, runId)
      })
    }
  }

  #finish(ps: PortalState, run: Rec, status: string): void {
    run.status = status
    run.finishedAt = this.#rt.world.clock.now()
    ps.robotRuns.save(run)
  }

  close(): void {
    this.#closed = true
  }
}
