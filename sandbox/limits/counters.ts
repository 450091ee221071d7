// Request log and counters per portal.
export type Counters = {
  /** HTTP requests to /rest/ (a batch is one) */
  requests: number
  /** executed methods, batch sub-calls included */
  byMethod: Record<string, number>
  /** write methods among them */
  writes: number
  writesByMethod: Record<string, number>
  byStatus: Record<string, number>
  status503: number
  status429: number
  /** 503 QUERY_LIMIT_EXCEEDED answers: the request bucket refused (injected 503 faults are not counted here) */
  limitExceeded: number
  errors: number
  /** refreshes and code exchanges on /oauth/token/ */
  tokenRequests: number
}

export type LogEntry = {
  at: number
  method: string
  status: number
  error?: string
  viaBatch: boolean
  auth: 'oauth' | 'webhook' | 'none'
}

export function emptyCounters(): Counters {
  return {
    requests: 0,
    byMethod: {},
    writes: 0,
    writesByMethod: {},
    byStatus: {},
    status503: 0,
    status429: 0,
    limitExceeded: 0,
    errors: 0,
    tokenRequests: 0,
  }
}

const LOG_LIMIT = 5000

export class RequestLog {
  counters = emptyCounters()
  entries: LogEntry[] = []

  request(status: number): void {
    this.counters.requests += 1
    this.counters.byStatus[status] = (this.counters.byStatus[status] ?? 0) + 1
    if (status === 503) this.counters.status503 += 1
    if (status === 429) this.counters.status429 += 1
  }

  method(e: LogEntry, write: boolean): void {
    const c = this.counters
    c.byMethod[e.method] = (c.byMethod[e.method] ?? 0) + 1
    if (write && e.status < 400) {
      c.writes += 1
      c.writesByMethod[e.method] = (c.writesByMethod[e.method] ?? 0) + 1
    }
    if (e.status >= 400) c.errors += 1
    this.entries.push(e)
    if (this.entries.length > LOG_LIMIT) this.entries.splice(0, this.entries.length - LOG_LIMIT)
  }

  reset(): void {
    this.counters = emptyCounters()
    this.entries = []
  }
}
