// Per-method operating time (reference 2.4): seconds consumed per (app|webhook, method) in ten
// one-minute baskets on the sandbox clock. Over budget -> the next call gets 429.
export type OperatingConfig = { budgetSec: number; costs: Record<string, number> }

type Basket = { minute: number; sec: number }

export class OperatingMeter {
  config: OperatingConfig = { budgetSec: 480, costs: {} }
  #baskets = new Map<string, Basket[]>()

  #live(key: string, nowMs: number): Basket[] {
    const minute = Math.floor(nowMs / 60_000)
    const list = (this.#baskets.get(key) ?? []).filter((b) => b.minute > minute - 10)
    this.#baskets.set(key, list)
    return list
  }

  used(key: string, nowMs: number): number {
    return this.#live(key, nowMs).reduce((s, b) => s + b.sec, 0)
  }

  exceeded(key: string, nowMs: number): boolean {
    return this.used(key, nowMs) >= this.config.budgetSec
  }

  /** Record one call; `measuredSec` is the real processing time, replaced by a configured cost. */
  charge(key: string, method: string, measuredSec: number, nowMs: number): number {
    const sec = this.config.costs[method] ?? measuredSec
    const list = this.#live(key, nowMs)
    const minute = Math.floor(nowMs / 60_000)
    const last = list[list.length - 1]
    if (last && last.minute === minute) last.sec += sec
    else list.push({ minute, sec })
    return sec
  }

  /** Unix seconds when the oldest basket of this key drops out. */
  resetAt(key: string, nowMs: number): number {
    const list = this.#live(key, nowMs)
    const oldest = list[0]?.minute ?? Math.floor(nowMs / 60_000)
    return (oldest + 10) * 60
  }

  reset(): void {
    this.#baskets.clear()
  }
}
