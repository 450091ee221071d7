// The daily key-rate fetch from the Bank of Russia (nock replays the service's answers): new rows
// join the table once, the admin's own row wins, a failed or unreadable answer keeps the table, and
// after 3 days of failures the portal's admin is told once (a portal notification in ru).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import nock from 'nock'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { startSandbox, SandboxClock } from '../../../sandbox/index.ts'
import { createKeyRateRefresh } from '../../../server/jobs/tasks/key-rate-refresh.ts'
import { portalKeyRates } from '../../../server/use-cases/claims/penalty-settings.ts'
import { keyRateOn } from '../../../server/domain/penalties/index.ts'
import { readKeyRates } from '../../../server/use-cases/admin/company-settings.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'

const CBR = 'https://www.cbr.ru'
const PATH = '/DailyInfoWebServ/DailyInfo.asmx'
const ANSWER = readFileSync(new URL('../../fixtures/cbr/key-rate-2026-07-27-2026-12-09.xml', import.meta.url), 'utf8')

let w: Awaited<ReturnType<typeof connectSandboxApp>>
let clock: SandboxClock
const asked: string[] = []
beforeAll(async () => {
  w = await connectSandboxApp({
    env: { APP_CBR_URL: `${CBR}${PATH}` },
    // the app and the sandbox read this clock: the test moves both through the days
    start: (o) => {
      clock = o.clock as SandboxClock
      return startSandbox(o)
    },
  })
  nock.disableNetConnect()
  nock.enableNetConnect(/127\.0\.0\.1|localhost/)
}, 60_000)
afterAll(async () => {
  nock.cleanAll()
  nock.enableNetConnect()
  await w?.close()
})
beforeEach(() => {
  nock.cleanAll()
  asked.length = 0
})

const bank = (status: number, body: string) =>
  nock(CBR)
    .post(PATH, (b: string) => {
      asked.push(b)
      return true
    })
    .matchHeader('soapaction', '"http://web.cbr.ru/KeyRateXML"')
    .reply(status, body, { 'content-type': 'text/xml; charset=utf-8' })
const runJob = () =>
  createKeyRateRefresh(w.ctx)({ id: 'j', name: 'key-rate-refresh', data: { memberId: w.memberId }, retryCount: 0 })
const rateOn = async (d: string) =>
  keyRateOn(
    await portalKeyRates({ settings: w.ctx.repos.settings, log: w.ctx.log, db: w.ctx.database.db }, w.memberId),
    d,
  )
const notifications = () =>
  w.sb.admin.notifications(w.portalId).filter((n) => String(n.MESSAGE ?? n.message ?? '').includes('Банка России'))

describe('key-rate-refresh', () => {
  it('keeps the table when the bank is down or answers something unreadable', async () => {
    bank(503, 'Service Unavailable')
    await runJob()
    expect(await rateOn('2026-12-01')).toBe(1400)
    // an hour later: an answer that does not parse changes nothing either
    clock.advance(61 * 60_000)
    bank(200, ANSWER.replace('<Rate>13.50</Rate>', '<Rate>13,5%</Rate>'))
    await runJob()
    expect(asked).toHaveLength(2)
    expect(await rateOn('2026-12-01')).toBe(1400)
    const view = await readKeyRates(receivablesPorts(w.ctx), w.memberId)
    expect(view.fetch.lastError).toContain('does not parse: not a rate: 13,5%')
    expect(view.fetch.lastSuccessAt).toBeNull()
    expect(notifications()).toHaveLength(0)
  })

  it('asks from the last known row to today and adds the day the rate changed, once', async () => {
    clock.advance(61 * 60_000)
    bank(200, ANSWER)
    await runJob()
    expect(asked[0]).toContain('<fromDate>2026-07-27</fromDate><ToDate>2026-12-09</ToDate>')
    expect([await rateOn('2026-10-25'), await rateOn('2026-10-26'), await rateOn('2026-12-09')]).toEqual([
      1400, 1350, 1350,
    ])
    const view = await readKeyRates(receivablesPorts(w.ctx), w.memberId)
    expect(view.rates[0]).toEqual({ from: '2026-10-26', percent: '13.50', added: false, fromBank: true })
    expect(view.fetch).toMatchObject({ failingSince: null, lastError: null })
    // the same day again (another portal's job, a retry): fresh, the bank is not asked
    bank(200, ANSWER)
    await runJob()
    expect(asked).toHaveLength(1)
    const rows = await w.ctx.database.db.selectFrom('cbr_key_rates').selectAll().execute()
    expect(rows).toHaveLength(1)
  })

  it("lets the admin's own row win over the bank's", async () => {
    await w.ctx.repos.settings.set(w.memberId, 'penalty.keyRates', [{ from: '2026-10-26', bp: 1325 }], 'user:1')
    expect(await rateOn('2026-11-01')).toBe(1325)
    await w.ctx.repos.settings.set(w.memberId, 'penalty.keyRates', [], 'user:1')
    expect(await rateOn('2026-11-01')).toBe(1350)
  })

  it('tells the admin once when the fetch has failed for 3 days', async () => {
    // the next day the bank is down, and stays down
    clock.advance(24 * 3600_000)
    bank(500, 'oops')
    await runJob()
    expect(notifications()).toHaveLength(0)
    for (let day = 1; day <= 3; day++) {
      clock.advance(24 * 3600_000)
      bank(500, 'oops')
      await runJob()
    }
    expect(asked).toHaveLength(4)
    const told = notifications()
    expect(told).toHaveLength(1)
    expect(String(told[0].MESSAGE ?? told[0].message)).toMatch(
      /^Ключевая ставка Банка России не загружается с 10\.12\.2026 \(HTTP 500\)\. Таблица ставок не изменилась/,
    )
    // later failures of the same outage tell nobody again; the table is still the fetched one
    clock.advance(24 * 3600_000)
    bank(500, 'oops')
    await runJob()
    expect(notifications()).toHaveLength(1)
    expect(await rateOn('2026-12-09')).toBe(1350)
  })
})
