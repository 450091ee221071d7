// Pure figures of bench/many-portals.ts: each portal's completion against its own rate-limit floor
// (its REST requests / its bucket's rate: the time the portal itself makes the app wait at least), and
// the spread across portals.

export interface PortalRun {
  memberId: string
  /** Seconds from the morning's start until the portal's last job ended. */
  doneS: number
  /** Seconds from the morning's start until the portal's first job started. */
  firstStartS: number
  /** REST requests the portal answered during the morning. */
  requests: number
}

/** The nearest-rank percentile (p in 0..100) of the values; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

/** The portal's floor in seconds: its requests at its bucket's steady rate. */
export function floorSeconds(requests: number, perSecond: number): number {
  return requests / perSecond
}

/**
 * Completion over floor per portal; a portal that made no request has no floor and no ratio (it is
 * counted apart). A floor under one second counts as one second (the queue's own polling and a job's
 * start take about that much whatever the portal's plan).
 */
export function floorRatios(runs: PortalRun[], perSecond: number): { ratios: number[]; withoutRequests: number } {
  const ratios: number[] = []
  let withoutRequests = 0
  for (const r of runs) {
    if (r.requests <= 0) withoutRequests++
    else ratios.push(r.doneS / Math.max(1, floorSeconds(r.requests, perSecond)))
  }
  return { ratios, withoutRequests }
}

export interface Spread {
  p5: number
  p50: number
  p95: number
  max: number
}

export function spreadOf(values: number[]): Spread {
  return {
    p5: percentile(values, 5),
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: percentile(values, 100),
  }
}
