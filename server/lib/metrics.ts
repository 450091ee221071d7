// The process's Prometheus metrics (prom-client). Every process (HTTP, worker) counts what it does
// here; a worker publishes its figures to the database (server/jobs/metrics-publish.ts) and the HTTP
// process adds them up with its own at scrape time (server/http/metrics-route.ts). What the database
// already knows (jobs by state, portals, bucket fill) is read at scrape time, not counted here.
import { randomUUID } from 'node:crypto'
import { Counter, Histogram, Registry } from 'prom-client'

export const metricsRegistry = new Registry()

/** This process among those that publish figures (server/jobs/metrics-publish.ts). */
export const metricsProcessId = `${process.pid}-${randomUUID()}`

const registers = [metricsRegistry]

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by route template, method and status (the _count is the number of requests)',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
})

export const eventsReceived = new Counter({
  name: 'b24_events_received_total',
  help: 'Portal events that reached POST /bitrix/events and parsed, by event name',
  labelNames: ['event'] as const,
  registers,
})

export const eventsAcknowledged = new Counter({
  name: 'b24_events_acknowledged_total',
  help: 'Portal events answered 200 after their job was committed (or the install was done), by event name',
  labelNames: ['event'] as const,
  registers,
})

export const eventsHandled = new Counter({
  name: 'b24_events_handled_total',
  help: 'Portal events whose handler finished, by event name and result (ok, ignored: no handler, failed: retried or dead)',
  labelNames: ['event', 'result'] as const,
  registers,
})

export const eventLag = new Histogram({
  name: 'b24_event_lag_seconds',
  help: "Seconds from the portal's event timestamp (ts) to the end of its handler, by event name",
  labelNames: ['event'] as const,
  buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600],
  registers,
})

export const jobDuration = new Histogram({
  name: 'jobs_duration_seconds',
  help: 'Job runs by queue and result (ok, retry, dead); the _count is the number of runs',
  labelNames: ['queue', 'result'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers,
})

export const restCalls = new Counter({
  name: 'b24_rest_calls_total',
  help: 'REST requests sent to portals by method, result (ok, limit_503, refresh_401, error) and plan',
  labelNames: ['method', 'result', 'plan'] as const,
  registers,
})

export const tokenRefreshes = new Counter({
  name: 'b24_token_refreshes_total',
  help: 'OAuth token refreshes at the OAuth server by result (ok, failed, revoked: the portal got disconnected)',
  labelNames: ['result'] as const,
  registers,
})

/** The REST result label of a call's outcome. */
export type RestResult = 'ok' | 'limit_503' | 'refresh_401' | 'error'
