// The running sandbox: world state, method registry, per-portal limits, side-effect hooks.
import type { TlsMaterial } from './http/self-signed.ts'
import { PortalRuntime } from './runtime-types.ts'
import { invoke, type InvokeEnv } from './rest/invoke.ts'
import { registry } from './methods/index.ts'
import { emitEvent } from './events/emit.ts'
import { Deliveries } from './events/deliver.ts'
import { AutomationRunner } from './automation/runner.ts'
import type { Ctx, Hooks, Out, Params } from './rest/context.ts'
import type { World } from './state/world.ts'
import type { PortalState } from './state/portal-state.ts'
import type { Endpoints } from './oauth/tokens.ts'
import type { MethodTable } from './rest/registry-types.ts'

export class Runtime {
  readonly world: World
  readonly registry: MethodTable = registry
  readonly endpoints: Endpoints
  readonly deliveries: Deliveries
  readonly runner: AutomationRunner
  readonly hooks: Hooks
  readonly timers = new Set<NodeJS.Timeout>()
  readonly #prt = new Map<number, PortalRuntime>()
  rootBase = ''
  /** TLS key and certificate when the sandbox serves https (startSandbox({ tls })) */
  tls: TlsMaterial | null = null
  get scheme(): 'http' | 'https' {
    return this.tls ? 'https' : 'http'
  }

  constructor(world: World) {
    this.world = world
    this.endpoints = {
      restBase: (ps: PortalState) => `${this.scheme}://${ps.portal.domain}/rest/`,
      oauthBase: () => this.rootBase,
    }
    this.deliveries = new Deliveries(this)
    this.runner = new AutomationRunner(this)
    this.hooks = {
      emit: (ctx, event, data) => emitEvent(this, ctx.ps, event, data, ctx.user.id, ctx.authConnector ?? ''),
      itemStageEntered: (ctx, etid, itemId, stageId) => this.runner.stageEntered(ctx.ps, etid, itemId, stageId),
      bizprocEventSent: (ctx, token, values, log) => this.runner.eventSent(ctx.ps, token, values, log),
      call: (ctx, method, params) => this.#subCall(ctx, method, params),
    }
  }

  prt(portalId: number): PortalRuntime {
    let r = this.#prt.get(portalId)
    if (!r) {
      const ps = this.world.state(portalId)
      if (!ps) throw new Error(`no portal ${portalId}`)
      r = new PortalRuntime(ps.portal)
      this.#prt.set(portalId, r)
    }
    return r
  }

  env(ps: PortalState): InvokeEnv {
    return { world: this.world, registry: this.registry, hooks: this.hooks, ps, prt: this.prt(ps.portal.id) }
  }

  async #subCall(ctx: Ctx, method: string, params: Params): Promise<Out> {
    const caller = { user: ctx.user, app: ctx.app, install: ctx.install, webhook: ctx.webhook, scopes: ctx.scopes }
    const r = await invoke(this.env(ctx.ps), caller, method, params, true)
    if (!r.ok) throw r.error
    return { ...r.out, time: r.time } as Out
  }

  /** setTimeout that close() can cancel */
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    this.timers.add(t)
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.runner.close()
    await this.deliveries.settle(2000)
  }
}
