// Leaky bucket per portal (reference 2.4): +1 per HTTP request, drains `drain` per second,
// a request that would push the level above `burst` is refused. Runs on real monotonic time so
// that a frozen sandbox clock does not stop the drain.
export type BucketConfig = { drain: number; burst: number; tolerance: number }

export const STANDARD: BucketConfig = { drain: 2, burst: 50, tolerance: 0.25 }
export const ENTERPRISE: BucketConfig = { drain: 5, burst: 250, tolerance: 0.25 }

export class LeakyBucket {
  config: BucketConfig
  #level = 0
  #at = performance.now()

  constructor(config: BucketConfig) {
    this.config = { ...config }
  }

  #drain(): void {
    const now = performance.now()
    this.#level = Math.max(0, this.#level - ((now - this.#at) / 1000) * this.config.drain)
    this.#at = now
  }

  /** true when admitted (level raised by one) */
  take(): boolean {
    this.#drain()
    if (this.#level + 1 > this.config.burst + this.config.tolerance) return false
    this.#level += 1
    return true
  }

  level(): number {
    this.#drain()
    return this.#level
  }

  reset(): void {
    this.#level = 0
    this.#at = performance.now()
  }
}
