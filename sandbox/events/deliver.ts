// Fire-and-forget form POSTs from the portal to app handlers (events, robots, install/uninstall).
// No retries; deliveries may be dropped by fault injection; every attempt is logged.
import qs from 'qs'
import type { Runtime } from '../runtime.ts'
import { latencyOf } from '../limits/faults.ts'

export type Delivery = {
  id: number
  portalId: number
  at: number
  kind: 'event' | 'robot' | 'install'
  name: string
  url: string
  body: Record<string, unknown>
  status: number | null
  dropped: boolean
  error: string | null
}

const LIMIT = 5000

export function encodeForm(body: Record<string, unknown>): string {
  return qs.stringify(body, { arrayFormat: 'indices' })
}

export class Deliveries {
  readonly log: Delivery[] = []
  readonly #inflight = new Set<Promise<void>>()
  readonly #rt: Runtime
  #seq = 0
  timeoutMs = 15_000

  constructor(rt: Runtime) {
    this.#rt = rt
  }

  post(
    portalId: number,
    kind: Delivery['kind'],
    name: string,
    url: string,
    body: Record<string, unknown>,
    opts: { noDrop?: boolean } = {},
  ): Promise<Delivery> {
    const d: Delivery = {
      id: ++this.#seq,
      portalId,
      at: this.#rt.world.clock.now(),
      kind,
      name,
      url,
      body,
      status: null,
      dropped: false,
      error: null,
    }
    this.log.push(d)
    if (this.log.length > LIMIT) this.log.splice(0, this.log.length - LIMIT)
    const faults = this.#rt.prt(portalId).faults
    if (!opts.noDrop && faults.dropEventRate > 0 && Math.random() < faults.dropEventRate) {
      d.dropped = true
      return Promise.resolve(d)
    }
    // events pass the queue (FaultConfig.eventDelayMs); each is sent once, never redelivered
    const delay = kind === 'event' ? latencyOf(faults, Math.random, faults.eventDelayMs) : 0
    const queued = delay > 0 ? new Promise((r) => setTimeout(r, delay)) : Promise.resolve()
    const send = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Bitrix24 Webhook Engine' },
        body: encodeForm(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    const p = queued.then(send).then(
      async (res) => {
        d.status = res.status
        await res.arrayBuffer().catch(() => undefined)
      },
      (e: unknown) => {
        d.error = e instanceof Error ? e.message : String(e)
      },
    )
    const tracked = p.finally(() => this.#inflight.delete(tracked))
    this.#inflight.add(tracked)
    return tracked.then(() => d)
  }

  /** Wait until every delivery started so far has finished (or the timeout passes). */
  async settle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.#inflight.size > 0 && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...this.#inflight]),
        new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now()))),
      ])
    }
  }

  get pending(): number {
    return this.#inflight.size
  }
}
