// Fault injection per portal: random 5xx, hangs, lost answers, latency, dropped event deliveries, and a queue
// of "the next N calls fail like this".
export type FailRule = {
  count: number
  /** 'error' answers with status/code; 'hang' never answers; 'lost' performs the call, then drops the answer */
  kind?: 'error' | 'hang' | 'lost'
  status?: number
  error?: string
  description?: string
  /** only calls of this method (default: any) */
  method?: string
}

export type FaultConfig = {
  errorRate: number
  errorStatus: number
  errorCode: string
  hangRate: number
  /** how long a hung request is held before its socket is destroyed */
  hangMs: number
  /** share of calls that are performed and then lose their answer (the socket drops) */
  lostRate: number
  latencyMs: number | [number, number]
  dropEventRate: number
  /**
   * Events go through the portal's queue server (api-reference/events/index.md, settings/performance/queue.md):
   * each event POST waits this long (a [min, max] range draws per event, so later events may arrive first).
   */
  eventDelayMs: number | [number, number]
  failNext: FailRule[]
}

export const NO_FAULTS: FaultConfig = {
  errorRate: 0,
  errorStatus: 500,
  errorCode: 'INTERNAL_SERVER_ERROR',
  hangRate: 0,
  hangMs: 65_000,
  lostRate: 0,
  latencyMs: 0,
  dropEventRate: 0,
  eventDelayMs: 0,
  failNext: [],
}

export type Decision =
  | { kind: 'pass' }
  | { kind: 'error'; status: number; error: string; description: string }
  | { kind: 'hang' }
  | { kind: 'lost' }

export function decideFault(cfg: FaultConfig, method: string, rnd: () => number = Math.random): Decision {
  const i = cfg.failNext.findIndex((r) => r.count > 0 && (!r.method || r.method === method))
  if (i >= 0) {
    const rule = cfg.failNext[i]
    rule.count -= 1
    if (rule.count <= 0) cfg.failNext.splice(i, 1)
    const kind = rule.kind ?? 'error'
    if (kind === 'hang') return { kind: 'hang' }
    if (kind === 'lost') return { kind: 'lost' }
    return {
      kind: 'error',
      status: rule.status ?? 500,
      error: rule.error ?? 'INTERNAL_SERVER_ERROR',
      description: rule.description ?? 'Injected fault',
    }
  }
  if (cfg.hangRate > 0 && rnd() < cfg.hangRate) return { kind: 'hang' }
  if (cfg.errorRate > 0 && rnd() < cfg.errorRate) {
    return { kind: 'error', status: cfg.errorStatus, error: cfg.errorCode, description: 'Injected fault' }
  }
  if (cfg.lostRate > 0 && rnd() < cfg.lostRate) return { kind: 'lost' }
  return { kind: 'pass' }
}

export function latencyOf(
  cfg: FaultConfig,
  rnd: () => number = Math.random,
  l: number | [number, number] = cfg.latencyMs,
): number {
  if (Array.isArray(l)) return l[0] + rnd() * (l[1] - l[0])
  return l
}
