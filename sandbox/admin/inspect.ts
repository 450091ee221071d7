// Read-only views, counters, limits, faults and clock control of the SandboxClient.
import { ENTERPRISE, STANDARD, type BucketConfig } from '../limits/bucket.ts'
import { NO_FAULTS, type FailRule, type FaultConfig } from '../limits/faults.ts'
import type { Counters, LogEntry } from '../limits/counters.ts'
import type { Delivery } from '../events/deliver.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { LicenseFamily, Rec } from '../state/types.ts'

export class InspectOps {
  protected readonly rt: Runtime

  constructor(rt: Runtime) {
    this.rt = rt
  }

  ps(portalId: number): PortalState {
    const ps = this.rt.world.state(portalId)
    if (!ps) throw new Error(`no portal ${portalId}`)
    return ps
  }

  // counters and log
  counters(portalId: number): Counters {
    return structuredClone(this.rt.prt(portalId).log.counters)
  }

  resetCounters(portalId?: number): void {
    const ids = portalId === undefined ? this.rt.world.allStates().map((s) => s.portal.id) : [portalId]
    for (const id of ids) this.rt.prt(id).log.reset()
  }

  requestLog(portalId: number): LogEntry[] {
    return [...this.rt.prt(portalId).log.entries]
  }

  // limits
  setLicense(portalId: number, family: LicenseFamily, license?: string): void {
    const ps = this.ps(portalId)
    Object.assign(ps.portal, {
      licenseFamily: family,
      license: license ?? `${ps.portal.lang}_${family === 'ent' ? 'ent250' : family}`,
    })
    this.rt.world.savePortal(ps.portal)
    this.rt.prt(portalId).bucket.config = { ...(family === 'ent' ? ENTERPRISE : STANDARD) }
  }

  /** The creators' "task control" default: new tasks stop at status 4 until the creator approves them. */
  setTaskControl(portalId: number, on: boolean): void {
    const ps = this.ps(portalId)
    ps.portal.taskControl = on
    this.rt.world.savePortal(ps.portal)
  }

  setLimits(
    portalId: number,
    l: Partial<BucketConfig> & { operatingBudgetSec?: number; operatingCosts?: Record<string, number> },
  ): void {
    const prt = this.rt.prt(portalId)
    for (const k of ['drain', 'burst', 'tolerance'] as const) if (l[k] !== undefined) prt.bucket.config[k] = l[k]
    if (l.operatingBudgetSec !== undefined) prt.meter.config.budgetSec = l.operatingBudgetSec
    if (l.operatingCosts) prt.meter.config.costs = { ...prt.meter.config.costs, ...l.operatingCosts }
  }

  resetLimits(portalId: number): void {
    const prt = this.rt.prt(portalId)
    prt.bucket.reset()
    prt.meter.reset()
  }

  bucketLevel(portalId: number): number {
    return this.rt.prt(portalId).bucket.level()
  }

  // faults
  setFaults(portalId: number, f: Partial<FaultConfig>): FaultConfig {
    const prt = this.rt.prt(portalId)
    prt.faults = { ...prt.faults, ...structuredClone(f) }
    return structuredClone(prt.faults)
  }

  failNext(portalId: number, rule: FailRule): void {
    this.rt.prt(portalId).faults.failNext.push({ ...rule })
  }

  clearFaults(portalId: number): void {
    this.rt.prt(portalId).faults = structuredClone(NO_FAULTS)
  }

  // clock
  clock() {
    const c = this.rt.world.clock
    return {
      now: () => c.now(),
      freeze: (at?: number | string) => c.freeze(at),
      advance: (ms: number) => c.advance(ms),
      run: () => c.run(),
      real: () => c.real(),
      state: () => c.state(),
    }
  }

  // recorded side effects
  outbox(portalId: number): Rec[] {
    return this.ps(portalId).outbox.values()
  }
  notifications(portalId: number): Rec[] {
    return this.ps(portalId).notifications.values()
  }
  /** Messages posted to open-line chats (imopenlines.crm.message.add):
   * {chatId, userId, message, entityType, entityId} */
  openLineMessages(portalId: number): Rec[] {
    return this.ps(portalId).openLineMessages.values()
  }
  /** Callbacks started by voximplant.callback.start: {callId, fromLine, toNumber, text, voice, userId, appId, at} */
  callbacks(portalId: number): Rec[] {
    return this.ps(portalId).voxCallbacks.values()
  }
  bizprocEvents(portalId: number): Rec[] {
    return this.ps(portalId).bizprocEvents.values()
  }
  robotRuns(portalId: number): Rec[] {
    return this.ps(portalId).robotRuns.values()
  }
  eventBindings(portalId: number): Rec[] {
    return this.ps(portalId).bindings.values()
  }
  placements(portalId: number): Rec[] {
    return this.ps(portalId).placements.values()
  }
  robots(portalId: number): Rec[] {
    return this.ps(portalId).robots.values()
  }
  offlineQueue(portalId: number): Rec[] {
    return this.ps(portalId).offline.values()
  }
  /** Comments added by task.commentitem.add (the portal no longer lists them over REST). */
  taskComments(portalId: number): Rec[] {
    return this.ps(portalId).taskComments.values()
  }

  tasks(portalId: number): Rec[] {
    return this.ps(portalId).tasks.values()
  }
  comments(portalId: number): Rec[] {
    return this.ps(portalId).comments.values()
  }
  activities(portalId: number): Rec[] {
    return this.ps(portalId).activities.values()
  }
  items(portalId: number, entityTypeId: number): Rec[] {
    return this.ps(portalId).items(entityTypeId).values()
  }
  installation(portalId: number, appId: number) {
    return this.ps(portalId).installFor(appId) ?? null
  }

  deliveries(filter: { portalId?: number; kind?: Delivery['kind']; name?: string } = {}): Delivery[] {
    return this.rt.deliveries.log.filter(
      (d) =>
        (filter.portalId === undefined || d.portalId === filter.portalId) &&
        (!filter.kind || d.kind === filter.kind) &&
        (!filter.name || d.name === filter.name),
    )
  }

  clearDeliveries(): void {
    this.rt.deliveries.log.length = 0
  }

  /** Wait for in-flight deliveries (events, robot calls) to finish. */
  async flush(timeoutMs = 10_000): Promise<void> {
    await new Promise((r) => setTimeout(r, 0))
    await this.rt.deliveries.settle(timeoutMs)
    await this.rt.world.flush()
  }

  /** How long subscribed robots wait for bizproc.event.send before the step times out. */
  setRobotWaitTimeout(ms: number): void {
    this.rt.runner.waitTimeoutMs = ms
  }
}
