// startSandbox: a Bitrix24 cloud emulator (portals with their own origins, OAuth server, admin API).
import type { FastifyInstance } from 'fastify'
import { SandboxClock, type ClockOptions } from './clock.ts'
import { World } from './state/world.ts'
import { Runtime } from './runtime.ts'
import { SandboxClient } from './admin/client.ts'
import { buildPortal, buildRoot, type ServerPlugins } from './http/servers.ts'
import type { PortalState } from './state/portal-state.ts'
import { makeSelfSigned, type TlsMaterial } from './http/self-signed.ts'

export { SandboxClient } from './admin/client.ts'
export { SandboxClock } from './clock.ts'
export { buildFramePostFields, type FramePost, type FramePostInput } from './market/frame-post.ts'
export type { PortalInfo } from './admin/client.ts'
export type { FaultConfig, FailRule } from './limits/faults.ts'
export type { Counters } from './limits/counters.ts'

export type SandboxOptions = {
  port?: number
  host?: string
  persistDir?: string
  tokenLifetimeSec?: number
  clock?: ClockOptions | SandboxClock
  plugins?: ServerPlugins
  /**
   * Serve https with a self-signed certificate the sandbox makes itself (true) or the given key/cert: REST,
   * webhooks and OAuth then live at https:// origins, as on a real portal (B24Hook refuses plain http).
   */
  tls?: boolean | TlsMaterial
}

export type Sandbox = {
  /** root origin: OAuth server (/oauth/token/), admin API (/_sandbox/), portal page root */
  baseUrl: string
  admin: SandboxClient
  runtime: Runtime
  /** the PEM certificate clients must trust when `tls` is on, else null */
  tlsCert: string | null
  close(): Promise<void>
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1'
  const clock = opts.clock instanceof SandboxClock ? opts.clock : new SandboxClock(opts.clock)
  const world = await World.create({
    clock,
    tokenLifetimeSec: opts.tokenLifetimeSec ?? 3600,
    persistDir: opts.persistDir,
  })
  const rt = new Runtime(world)
  if (opts.tls) rt.tls = opts.tls === true ? makeSelfSigned(host) : opts.tls
  const plugins = opts.plugins ?? {}
  const servers = new Map<number, FastifyInstance>()

  const listenPortal = async (ps: PortalState) => {
    if (servers.has(ps.portal.id)) return
    const app = await buildPortal(rt, ps.portal.id, plugins)
    let port = ps.portal.port
    try {
      await app.listen({ port, host })
    } catch (e) {
      if (port === 0) throw e
      port = 0
      await app.listen({ port, host })
    }
    const addr = app.server.address()
    port = typeof addr === 'object' && addr ? addr.port : port
    Object.assign(ps.portal, { port, domain: `${host}:${port}` })
    world.savePortal(ps.portal)
    servers.set(ps.portal.id, app)
  }

  const admin = new SandboxClient(rt, listenPortal)
  const root = await buildRoot(rt, admin, plugins)
  await root.listen({ port: opts.port ?? 0, host })
  const addr = root.server.address()
  rt.rootBase = `${rt.scheme}://${host}:${typeof addr === 'object' && addr ? addr.port : opts.port}`
  for (const ps of world.allStates()) await listenPortal(ps)

  let closed = false
  return {
    baseUrl: rt.rootBase,
    admin,
    runtime: rt,
    tlsCert: rt.tls?.cert ?? null,
    async close() {
      if (closed) return
      closed = true
      await rt.close()
      await Promise.all([root.close(), ...[...servers.values()].map((s) => s.close())])
      await world.close()
    },
  }
}
