// The whole emulated cloud: portals, registered apps, OAuth tokens. In memory, optionally
// written through to PGlite.
import { Table, type Sink } from './table.ts'
import { PgSink, type LoadedRows } from './persist.ts'
import { PortalState } from './portal-state.ts'
import type { App, Portal, Token } from './types.ts'
import type { SandboxClock } from '../clock.ts'

export class World {
  readonly clock: SandboxClock
  readonly tokenLifetimeSec: number
  readonly portals: Table<Portal>
  readonly apps: Table<App>
  readonly tokens: Table<Token>
  readonly #byValue = new Map<string, Token>()
  readonly #states = new Map<number, PortalState>()
  readonly #sink: PgSink | null
  readonly #loaded: LoadedRows | null

  private constructor(clock: SandboxClock, tokenLifetimeSec: number, sink: PgSink | null, loaded: LoadedRows | null) {
    this.clock = clock
    this.tokenLifetimeSec = tokenLifetimeSec
    this.#sink = sink
    this.#loaded = loaded
    const g = <T extends { id: number }>(name: string) =>
      new Table<T>(name, sink as Sink | null, loaded?.get(name) as { rows: T[]; seq: number } | undefined)
    this.portals = g<Portal>('portals')
    this.apps = g<App>('apps')
    this.tokens = g<Token>('tokens')
    for (const t of this.tokens.values()) this.#byValue.set(t.value, t)
    for (const p of this.portals.values()) this.#states.set(p.id, new PortalState(p, sink, loaded))
  }

  static async create(opts: { clock: SandboxClock; tokenLifetimeSec: number; persistDir?: string }): Promise<World> {
    if (!opts.persistDir) return new World(opts.clock, opts.tokenLifetimeSec, null, null)
    const sink = await PgSink.open(opts.persistDir)
    const loaded = await sink.load()
    return new World(opts.clock, opts.tokenLifetimeSec, sink, loaded)
  }

  get persistent(): boolean {
    return this.#sink !== null
  }

  addPortal(data: Omit<Portal, 'id'>): PortalState {
    const portal = this.portals.insert(data)
    const state = new PortalState(portal, this.#sink, this.#loaded)
    this.#states.set(portal.id, state)
    return state
  }

  state(portalId: number): PortalState | undefined {
    return this.#states.get(portalId)
  }

  stateByMember(memberId: string): PortalState | undefined {
    for (const s of this.#states.values()) if (s.portal.memberId === memberId) return s
    return undefined
  }

  allStates(): PortalState[] {
    return [...this.#states.values()]
  }

  savePortal(p: Portal): void {
    this.portals.save(p)
  }

  appByClientId(clientId: string): App | undefined {
    return this.apps.find((a) => a.clientId === clientId)
  }

  addToken(t: Omit<Token, 'id'>): Token {
    const row = this.tokens.insert(t)
    this.#byValue.set(row.value, row)
    return row
  }

  token(value: string): Token | undefined {
    return this.#byValue.get(value)
  }

  saveToken(t: Token): void {
    this.tokens.save(t)
  }

  dropToken(t: Token): void {
    this.tokens.remove(t.id)
    this.#byValue.delete(t.value)
  }

  /** Forget expired access tokens and codes now and then so long runs stay small. */
  sweepTokens(): void {
    const now = this.clock.now()
    for (const t of this.tokens.values()) {
      if (t.kind !== 'refresh' && t.expiresAt < now - 86_400_000) this.dropToken(t)
    }
  }

  async flush(): Promise<void> {
    await this.#sink?.flush()
  }

  async close(): Promise<void> {
    await this.#sink?.close()
  }
}
