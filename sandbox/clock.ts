// A controllable clock: real time, frozen at an instant, or real time shifted by an offset.
// Used for token expiry, item timestamps, envelope `time` and the operating-time window.
export type ClockOptions = {
  frozenAt?: number | string | Date
  /** Running, but reading this instant at construction (real time plus an offset). */
  startAt?: number | string | Date
}

export class SandboxClock {
  #frozen: number | null = null
  #offset = 0

  constructor(opts: ClockOptions = {}) {
    if (opts.frozenAt !== undefined) this.#frozen = toMs(opts.frozenAt)
    else if (opts.startAt !== undefined) this.#offset = toMs(opts.startAt) - Date.now()
  }

  now(): number {
    return this.#frozen ?? Date.now() + this.#offset
  }

  nowSec(): number {
    return Math.floor(this.now() / 1000)
  }

  /** Freeze at the given instant (default: now). */
  freeze(at?: number | string | Date): number {
    this.#frozen = at === undefined ? this.now() : toMs(at)
    return this.#frozen
  }

  /** Move the clock forward (works frozen or running). */
  advance(ms: number): number {
    if (this.#frozen !== null) this.#frozen += ms
    else this.#offset += ms
    return this.now()
  }

  /** Back to running time, keeping the current reading (no jump). */
  run(): void {
    if (this.#frozen !== null) this.#offset = this.#frozen - Date.now()
    this.#frozen = null
  }

  /** Back to the real wall clock. */
  real(): void {
    this.#frozen = null
    this.#offset = 0
  }

  state(): { now: number; frozen: boolean; offsetMs: number } {
    return { now: this.now(), frozen: this.#frozen !== null, offsetMs: this.#offset }
  }
}

function toMs(v: number | string | Date): number {
  if (typeof v === 'number') return v
  const ms = new Date(v).getTime()
  if (Number.isNaN(ms)) throw new Error(`bad clock instant: ${String(v)}`)
  return ms
}
