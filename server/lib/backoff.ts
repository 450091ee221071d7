/** Exponential backoff with full jitter; `random` is injectable for tests. */
export function backoffDelay(
  attempt: number,
  baseMs = 500,
  capMs = 30_000,
  random: () => number = Math.random,
): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt))
  return Math.floor(random() * exp)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
