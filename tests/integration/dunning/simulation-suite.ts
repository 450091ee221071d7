// The 45-day dunning simulation as a reusable suite: 30 counterparties, every expected reminder, task
// and claim exactly once, none after payment, none on a day off or outside the send window, Telegram
// through nock. The expectations come from the calendar alone, so a clean run and a run with injected
// faults must both meet them (sim-clean.test.ts, sim-faults.test.ts run in parallel).
import nock from 'nock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isWorkingDay, localDateOf } from '../../../server/domain/calendar/index.ts'
import { localMinutesOf } from '../../../server/domain/calendar/instant.ts'
import { createTestContext } from '../../helpers/app.ts'
import { CETID, FakePortal, seeded } from './fake-portal.ts'
import { TZ, cal, expected, seedLedger, simulate, type SimReceivable } from './simulate.ts'

type Ctx = Awaited<ReturnType<typeof createTestContext>>
interface Run { portal: FakePortal; recs: SimReceivable[]; telegram: { chat: string; text: string; day: string }[]; logs: { rid: number; key: string; day: string; kind: string; status: string }[]; scanRequests: number }

const tg: { memberId: string | null; failRate: number; random: () => number; sent: Map<string, Run['telegram']> } = { memberId: null, failRate: 0, random: seeded(7), sent: new Map() }
let t: Ctx
let clockNow: () => Date = () => new Date()

async function run(memberId: string, faults: boolean): Promise<Run> {
  const portal = new FakePortal(memberId)
  const recs = await seedLedger(t.ctx, memberId, portal)
  if (faults) { portal.faultRate = 0.1; portal.killAfter = new Set([150, 900]) }
  tg.memberId = memberId
  tg.failRate = faults ? 0.1 : 0
  tg.sent.set(memberId, [])
  clockNow = () => portal.now()
  const { scanRequests } = await simulate(t.ctx, memberId, portal, recs)
  const rows = await t.ctx.database.db.selectFrom('dunning_log').select(['receivable_id', 'step_key', 'kind', 'status', (eb) => eb.fn<string>('to_char', [eb.ref('on_date'), eb.val('YYYY-MM-DD')]).as('day')])
    .where('member_id', '=', memberId).execute()
  return { portal, recs, telegram: tg.sent.get(memberId)!, scanRequests, logs: rows.map((r) => ({ rid: Number(r.receivable_id), key: r.step_key, day: r.day, kind: r.kind, status: r.status })) }
}

export function simulationSuite(title: string, faults: boolean): void {
describe(title, () => {
  let clean: Run
  beforeAll(async () => {
    t = await createTestContext({ TELEGRAM_BOT_TOKEN: 'test-token', TELEGRAM_API_BASE: 'https://tg.test' })
    nock.disableNetConnect()
    // nock 15 hands the reply function the fetch Request; a refused send answers ok:false 'Bad Gateway'
    nock('https://tg.test').persist().post('/bottest-token/sendMessage').reply(200, async (req: Request) => {
      const b = await req.json() as { chat_id: string; text: string }
      if (tg.failRate && tg.random() < tg.failRate) return { ok: false, description: 'Bad Gateway' }
      tg.sent.get(tg.memberId!)!.push({ chat: String(b.chat_id), text: b.text, day: localDateOf(TZ, clockNow().getTime()) })
      return { ok: true, result: { message_id: tg.sent.get(tg.memberId!)!.length } }
    })
    clean = await run(faults ? 'member-faulty' : 'member-clean', faults)
  }, 120_000)
  afterAll(async () => { nock.cleanAll(); nock.enableNetConnect(); await t.dispose() })

  it('every expected reminder step is logged exactly once, on its day, and nothing else', () => {
    const exp = expected(clean.recs)
    const got = clean.logs.filter((l) => l.kind === 'reminder').map((l) => `${l.rid}|${l.key}|${l.day}|${l.status}`).sort()
    expect(got).toEqual(exp.reminders.map((e) => `${e.rid}|${e.key}|${e.day}|sent`).sort())
    expect(exp.reminders.length).toBeGreaterThan(150)
  })

  it('one e-mail per counterparty per day (consolidated), on working days inside 10:00-17:00', () => {
    const exp = expected(clean.recs)
    const cpEntity = new Map(clean.recs.map((r) => [r.cpId, 500 + r.cpIndex]))
    const perDay = new Set(exp.reminders.map((e) => `${cpEntity.get(e.cp)}|${e.day}`))
    const sent = clean.portal.activities.map((a) => `${String(a.OWNER_ID)}|${localDateOf(TZ, String(a.at))}`)
    expect(sent.sort()).toEqual([...perDay].sort())
    for (const a of clean.portal.activities) {
      expect(isWorkingDay(cal, localDateOf(TZ, String(a.at)))).toBe(true)
      const minutes = localMinutesOf(TZ, String(a.at))
      expect(minutes >= 600 && minutes < 1020).toBe(true)
      expect(a).toMatchObject({ TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y' })
    }
    expect(clean.portal.activities.some((a) => String(a.SUBJECT).includes('invoices') || String(a.SUBJECT).includes('счетов'))).toBe(true)
  })

  it('Telegram messages go to the counterparty chats once per day (nock)', () => {
    const exp = expected(clean.recs)
    const chatOf = new Map(clean.recs.map((r) => [r.cpId, r.chat]))
    const want = new Set(exp.reminders.filter((e) => e.telegram).map((e) => `${chatOf.get(e.cp)}|${e.day}`))
    expect(clean.telegram.filter((m) => m.chat !== '9002').map((m) => `${m.chat}|${m.day}`).sort()).toEqual([...want].sort())
  })

  it('the head of sales gets a Telegram copy of each escalation notice once (linked chat)', () => {
    const exp = expected(clean.recs)
    const head = clean.telegram.filter((m) => m.chat === '9002')
    expect(head).toHaveLength(exp.escalations.filter((e) => e.key === 'e.esc-2').length + 2 * exp.escalations.filter((e) => e.claim).length)
    expect(new Set(head.map((m) => m.text)).size).toBe(head.length)
  })

  it('nothing for a receivable on or after the day it was paid', () => {
    const paid = clean.recs.filter((r) => r.payOn)
    expect(paid.length).toBeGreaterThan(0)
    for (const r of paid) expect(clean.logs.filter((l) => l.rid === r.id && l.day >= r.payOn!)).toEqual([])
  })

  it('escalations: tasks, head-of-sales notices and claims exactly once each', () => {
    const exp = expected(clean.recs)
    expect(clean.logs.filter((l) => l.kind === 'escalation').map((l) => `${l.rid}|${l.key}|${l.day}`).sort()).toEqual(exp.escalations.map((e) => `${e.rid}|${e.key}|${e.day}`).sort())
    const claims = exp.escalations.filter((e) => e.claim)
    expect(claims.length).toBeGreaterThan(0)
    const claimItems = [...clean.portal.items.values()].filter((i) => i.entityTypeId === CETID)
    expect(claimItems).toHaveLength(claims.length)
    expect(new Set(claimItems.map((i) => i.xmlId)).size).toBe(claims.length)
    const managerTasks = exp.escalations.filter((e) => !e.claim).length * 2
    expect(clean.portal.tasks).toHaveLength(managerTasks + claims.length)
    expect(new Set(clean.portal.tasks.map((x) => x.XML_ID)).size).toBe(clean.portal.tasks.length)
    expect(clean.portal.tasks.filter((x) => String(x.TITLE).startsWith('Prepare the claim') || String(x.TITLE).startsWith('Подготовить претензию'))).toHaveLength(claims.length)
    for (const x of clean.portal.tasks) expect(isWorkingDay(cal, localDateOf(TZ, String(x.DEADLINE)))).toBe(true)
    const itemIds = new Set(clean.recs.map((r) => r.itemId))
    for (const c of claimItems) expect(itemIds.has(Number(c[`parentId1038`]))).toBe(true)
  })

  it('every action is on the receivable timeline once', () => {
    const exp = expected(clean.recs)
    expect(clean.portal.comments).toHaveLength(exp.reminders.length + exp.escalations.length)
    expect(new Set(clean.portal.comments.map((c) => `${String(c.ENTITY_ID)}|${String(c.COMMENT)}`)).size).toBe(clean.portal.comments.length)
  })

  it('faults were really injected (and both worker kills happened) when asked for', () => {
    expect(clean.portal.faultRate).toBe(faults ? 0.1 : 0)
    expect(clean.portal.killAfter.size).toBe(0)
    expect(new Set(clean.portal.activities.map((a) => a.ORIGIN_ID)).size).toBe(clean.portal.activities.length)
  })

  it('the daily scan reads in bulk: about one request a day for 60 receivables (no per-item reads)', () => {
    // per day: 1 listAll page + at most one batch of next-date writes (a faulty portal adds the retried ones)
    expect(clean.scanRequests).toBeLessThanOrEqual(faults ? 45 * 3 : 45 * 2)
  })
})
}
