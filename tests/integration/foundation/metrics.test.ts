// GET /metrics after a small day in the sandbox: the app installed, receivables mirrored to the
// portal, people editing items (events), one 503, one expired token, one call the portal refuses for
// good (a dead job) and a refresh token the portal no longer knows (a disconnected portal). Each
// figure is checked against what the sandbox saw happen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Registry, Counter } from 'prom-client'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { metricsSnapshotsRepository } from '../../../server/storage/repositories/metrics-snapshots.ts'
import { DEAD_LETTER } from '../../../server/jobs/queue.ts'
import { createPortalClients } from '../../../server/bitrix24/client/portal-clients.ts'
import { createTestContext } from '../../helpers/app.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { metricValue, parseMetrics, type Sample } from '../../helpers/prometheus-text.ts'

const TOKEN = 'metrics-token-0123456789'
let w: RobotWorld

const scrape = async (token: string | null = TOKEN) => {
  const res = await fetch(`${w.appBase}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {})
  return { status: res.status, text: await res.text() }
}
const samples = async (): Promise<Sample[]> => {
  const r = await scrape()
  expect(r.status).toBe(200)
  return parseMetrics(r.text)
}
const until = async (what: string, ok: () => Promise<boolean> | boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !(await ok()); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`)
}
const idleEvents = async (): Promise<Sample[]> => {
  let now: Sample[] = []
  await until('the event jobs', async () => {
    now = await samples()
    const states = ['waiting', 'active', 'retrying']
    return states.every((state) => metricValue(now, 'jobs', { queue: 'event-handle', state }) === 0)
  })
  return now
}
const eventPosts = () => w.sb.admin.deliveries({ portalId: w.portalId, kind: 'event' }).filter((d) => !d.dropped)

beforeAll(async () => {
  w = await startRobotWorld({ env: { APP_METRICS_TOKEN: TOKEN } })
}, 60_000)
afterAll(async () => w?.close())

describe('GET /metrics', () => {
  it('answers 401 and no figures to a missing or wrong token', async () => {
    for (const token of [null, 'wrong-token-0123456789', `${TOKEN}x`]) {
      const r = await scrape(token)
      expect(r.status).toBe(401)
      expect(r.text).not.toMatch(/http_request_duration_seconds|b24_|jobs/)
      expect(JSON.parse(r.text)).toMatchObject({ error: 'metrics.unauthorized' })
    }
  })

  it('is off (404, no figures) when no token is configured', async () => {
    const t = await createTestContext()
    try {
      const r = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })
      expect(r.statusCode).toBe(404)
      expect(r.json()).toMatchObject({ error: 'metrics.off' })
    } finally {
      await t.dispose()
    }
  })

  it('counts a small day as it happened', async () => {
    const before = await samples()
    const delta = (after: Sample[], name: string, labels: Record<string, string> = {}) =>
      metricValue(after, name, labels) - metricValue(before, name, labels)
    const postsBefore = eventPosts().length

    // two receivables mirrored to the portal, then people edit both items: the portal posts events
    const a = await w.newReceivable()
    const b = await w.newReceivable()
    const entityTypeId = w.receivables.entityTypeId
    for (const id of [a.itemId, b.itemId])
      await w.sb.admin.call(w.portalId, 'crm.item.update', { entityTypeId, id, fields: { title: `edited ${id}` } })
    await until('the event deliveries', () => eventPosts().every((d) => d.status !== null))
    const updates = eventPosts()
      .slice(postsBefore)
      .filter((d) => d.name === 'ONCRMDYNAMICITEMUPDATE' && d.status === 200).length
    expect(updates).toBeGreaterThanOrEqual(2)

    // every event job has run: none waits or runs (the gauge read from pg-boss's tables); from here on
    // only this test calls the portal, so the 503 and the expired token below meet these calls alone
    await idleEvents()

    // one 503 (the call is repeated), then an expired token (refreshed once)
    const client = await w.ctx.b24!.forPortal(w.memberId)
    w.sb.admin.failNext(w.portalId, { count: 1, status: 503, error: 'QUERY_LIMIT_EXCEEDED', method: 'profile' })
    await client.call('profile')
    w.sb.admin.expireTokens(w.portalId)
    await client.call('user.current')

    // the portal refuses a mirror write for good: the job goes to dead letter at once
    w.sb.admin.failNext(w.portalId, { count: 1, status: 400, error: 'INVALID_ARG_VALUE', method: 'crm.item.add' })
    await createReceivable(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        counterparty: { type: 'company', id: w.companyId, name: 'ООО Ромашка' },
        invoiceNumber: 'DEAD-1',
        invoiceDate: '2026-09-01',
        dueDate: '2026-10-01',
        amount: 500_000,
        currency: 'RUB',
        responsibleId: 1,
      },
    )
    const deadMirror = async () =>
      (await w.ctx.queue.boss.findJobs<{ queue: string }>(DEAD_LETTER, { queued: true })).filter(
        (j) => j.data.queue === 'receivable-mirror',
      ).length
    await until('the dead mirror job', async () => (await deadMirror()) === 1)
    // the portal's last posts (the mirror's own writes post events too), then their jobs
    await until('the event deliveries', () => eventPosts().every((d) => d.status !== null))
    const after = await idleEvents()
    const posted = eventPosts().slice(postsBefore)

    // events: every POST the portal made was received and acknowledged, and handled with its lag
    for (const event of new Set(posted.map((d) => d.name))) {
      const n = posted.filter((d) => d.name === event && d.status === 200).length
      expect(delta(after, 'b24_events_received_total', { event }), event).toBe(n)
      expect(delta(after, 'b24_events_acknowledged_total', { event }), event).toBe(n)
    }
    const handled = delta(after, 'b24_events_handled_total', { event: 'ONCRMDYNAMICITEMUPDATE', result: 'ok' })
    // events of one item that arrive while one waits collapse into one job; the mirror's own writes post
    // update events too, so the bound is what the portal posted, not the person's updates
    const updatePosts = posted.filter((d) => d.name === 'ONCRMDYNAMICITEMUPDATE' && d.status === 200).length
    expect(handled).toBeGreaterThanOrEqual(2)
    expect(handled).toBeLessThanOrEqual(updatePosts)
    expect(delta(after, 'b24_event_lag_seconds_count', { event: 'ONCRMDYNAMICITEMUPDATE' })).toBe(handled)
    const lag = delta(after, 'b24_event_lag_seconds_sum', { event: 'ONCRMDYNAMICITEMUPDATE' })
    expect(lag).toBeGreaterThanOrEqual(0)
    expect(lag / handled).toBeLessThan(30)

    // HTTP: the event POSTs by route and status, with the latency histogram
    const eventRoute = { route: '/bitrix/events', method: 'POST', status: '200' }
    expect(delta(after, 'http_request_duration_seconds_count', eventRoute)).toBe(
      posted.filter((d) => d.status === 200).length,
    )
    expect(delta(after, 'http_request_duration_seconds_bucket', { ...eventRoute, le: '+Inf' })).toBe(
      delta(after, 'http_request_duration_seconds_count', eventRoute),
    )

    // REST calls by result and plan (the portal's plan as stored at install)
    const plan = (await w.ctx.repos.portals.get(w.memberId))!.licenceFamily ?? 'unknown'
    expect(delta(after, 'b24_rest_calls_total', { method: 'profile', result: 'limit_503', plan })).toBe(1)
    expect(delta(after, 'b24_rest_calls_total', { method: 'profile', result: 'ok', plan })).toBe(1)
    // the first call after the expiry meets the 401 (user.current, unless a scheduled job called just then)
    const refreshed = delta(after, 'b24_rest_calls_total', { result: 'refresh_401', plan })
    expect(refreshed).toBeGreaterThanOrEqual(1)
    const current = ['ok', 'refresh_401'].map((result) =>
      delta(after, 'b24_rest_calls_total', { method: 'user.current', result, plan }),
    )
    expect(current[0] + current[1]).toBe(1)
    expect(delta(after, 'b24_rest_calls_total', { method: 'crm.item.add', result: 'error', plan })).toBe(1)
    const okAdds = delta(after, 'b24_rest_calls_total', { method: 'crm.item.add', result: 'ok', plan })
    const sandboxAdds = w.sb.admin
      .requestLog(w.portalId)
      .filter((l) => l.method === 'crm.item.add' && l.status === 200).length
    expect(okAdds).toBeGreaterThanOrEqual(2)
    expect(okAdds).toBeLessThanOrEqual(sandboxAdds)
    expect(delta(after, 'b24_token_refreshes_total', { result: 'ok' })).toBe(1)

    // jobs: the dead mirror job, none waiting or retrying for events, durations counted per run
    expect(metricValue(after, 'jobs', { queue: 'receivable-mirror', state: 'dead' })).toBe(1)
    expect(metricValue(after, 'jobs', { queue: 'event-handle', state: 'retrying' })).toBe(0)
    expect(delta(after, 'jobs_duration_seconds_count', { queue: 'receivable-mirror', result: 'dead' })).toBe(1)
    expect(delta(after, 'jobs_duration_seconds_count', { queue: 'event-handle', result: 'ok' })).toBeGreaterThanOrEqual(
      handled,
    )

    expect(metricValue(after, 'b24_portals', { status: 'active' })).toBe(1)
    expect(metricValue(after, 'b24_portals', { status: 'disconnected' })).toBe(0)
  }, 90_000)

  it('counts a refresh the OAuth server refuses and the portal it disconnects', async () => {
    const before = await samples()
    const tokens = (await w.ctx.repos.portals.getTokens(w.memberId))!
    // the stored refresh token is one the OAuth server never issued (e.g. restored from an old backup)
    await w.ctx.repos.portals.saveTokens(w.memberId, { ...tokens, refreshToken: 'not-a-known-refresh-token' })
    w.sb.admin.expireTokens(w.portalId)
    const client = await createPortalClients(w.ctx).forPortal(w.memberId) // reads the stored pair anew
    await expect(client.call('profile')).rejects.toMatchObject({ code: 'PORTAL_DISCONNECTED' })
    const after = await samples()
    const delta = (name: string, labels: Record<string, string>) =>
      metricValue(after, name, labels) - metricValue(before, name, labels)
    expect(delta('b24_token_refreshes_total', { result: 'revoked' })).toBe(1)
    expect(metricValue(after, 'b24_portals', { status: 'disconnected' })).toBe(1)
    expect(metricValue(after, 'b24_portals', { status: 'active' })).toBe(0)
  }, 30_000)

  it("shows how full a portal's shared bucket is", async () => {
    // the portal's real limits and our real share of them (46 at 1.96/s on this plan)
    const x = await connectSandboxApp({ limits: true, env: { APP_METRICS_TOKEN: TOKEN } })
    try {
      const client = await x.ctx.b24!.forPortal(x.memberId)
      const started = Date.now()
      for (let i = 0; i < 23; i++) await client.call('profile')
      const res = await fetch(`${x.appBase}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
      const after = parseMetrics(await res.text())
      // every request the portal saw from us (the install's too) took one of 46; ~2 a second leaked since
      const sent = x.sb.admin.requestLog(x.portalId).filter((l) => l.auth === 'oauth').length
      const leaked = ((Date.now() - started) / 1000 + 5) * 1.96
      const fill = metricValue(after, 'b24_rate_bucket_fill_ratio', { stat: 'max' })
      expect(sent).toBeGreaterThanOrEqual(23)
      expect(fill).toBeLessThanOrEqual(sent / 46 + 0.001)
      expect(fill).toBeGreaterThanOrEqual((23 - leaked) / 46)
      expect(fill).toBeGreaterThan(0)
      expect(metricValue(after, 'b24_rate_buckets_nearly_full')).toBe(0)
    } finally {
      await x.close()
    }
  }, 60_000)

  it('adds the figures a worker process published to its own', async () => {
    const before = await samples()
    const worker = new Registry()
    new Counter({ name: 'b24_events_handled_total', help: 'h', labelNames: ['event', 'result'], registers: [worker] })
      .labels({ event: 'ONCRMDYNAMICITEMUPDATE', result: 'ok' })
      .inc(7)
    await metricsSnapshotsRepository(w.ctx.database.db as never).save('worker-test', await worker.getMetricsAsJSON())
    const after = await samples()
    const key = { event: 'ONCRMDYNAMICITEMUPDATE', result: 'ok' }
    expect(
      metricValue(after, 'b24_events_handled_total', key) - metricValue(before, 'b24_events_handled_total', key),
    ).toBe(7)
  })
})
