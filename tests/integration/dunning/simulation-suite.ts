// The 45-day dunning simulation as a reusable suite: 30 counterparties in a sandbox portal the app
// was installed into, every expected reminder, task and claim exactly once, none after payment, none
// on a day off or outside the send window, Telegram through nock. The expectations come from the
// calendar alone, so a clean run and a run with injected faults must both meet them
// (sim-clean.test.ts, sim-faults.test.ts run in parallel).
import nock from 'nock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isWorkingDay, localDateOf } from '../../../server/domain/calendar/index.ts'
import { formatDay } from '../../../server/domain/dunning/index.ts'
import { localMinutesOf } from '../../../server/domain/calendar/instant.ts'
import {
  TZ,
  cal,
  expected,
  seedLedger,
  simulate,
  startSimWorld,
  type Kill,
  type SimReceivable,
  type SimWorld,
} from './simulate.ts'

type Rec = Record<string, unknown>
interface Run {
  recs: SimReceivable[]
  telegram: { chat: string; text: string; day: string }[]
  logs: { rid: number; key: string; day: string; kind: string; status: string }[]
  scanRequests: number
  failures: number
  kills: { day: string; method: string }[]
  emails: Rec[]
  outbox: Rec[]
  tasks: Rec[]
  comments: Rec[]
  claims: Rec[]
  notifications: Rec[]
  counters: ReturnType<SimWorld['sb']['admin']['counters']>
  pendingKills: number
}

/** 10% of portal requests fail: half answered 500 before the portal acts, half performed with the answer lost. */
const FAULTS = { errorRate: 0.05, errorStatus: 500, errorCode: 'INTERNAL_SERVER_ERROR', lostRate: 0.05 / 0.95 }
/** The worker dies twice: right after the first reminder e-mail reached the portal, and right after a claim item was created. */
const KILLS: Kill[] = [
  { day: 1, method: 'crm.activity.add' },
  { day: 20, method: 'crm.item.add' },
]
const TG_BASE = 'https://tg.sim.test'

export function simulationSuite(title: string, faults: boolean): void {
  describe(title, () => {
    let w: SimWorld
    let run: Run
    const tg = { failRate: faults ? 0.1 : 0, sent: [] as Run['telegram'] }
    beforeAll(async () => {
      const t0 = Date.now()
      w = await startSimWorld({ TELEGRAM_BOT_TOKEN: 'test-token', TELEGRAM_API_BASE: TG_BASE })
      // nock 15 hands the reply function the fetch Request; a refused send answers ok:false 'Bad Gateway'
      nock(TG_BASE)
        .persist()
        .post('/bottest-token/sendMessage')
        .reply(200, async (req: Request) => {
          const b = (await req.json()) as { chat_id: string; text: string }
          if (tg.failRate && Math.random() < tg.failRate) return { ok: false, description: 'Bad Gateway' }
          tg.sent.push({ chat: String(b.chat_id), text: b.text, day: localDateOf(TZ, w.sb.admin.clock().now()) })
          return { ok: true, result: { message_id: tg.sent.length } }
        })
      const recs = await seedLedger(w)
      const t1 = Date.now()
      if (faults) w.sb.admin.setFaults(w.portalId, FAULTS)
      const { scanRequests, failures, kills } = await simulate(w, recs, faults ? { kills: KILLS } : {})
      const pendingKills = w.sb.admin.setFaults(w.portalId, {}).failNext.length
      w.sb.admin.clearFaults(w.portalId)
      if (process.env.SIM_STATS)
        console.log(title, {
          setupMs: t1 - t0,
          simMs: Date.now() - t1,
          scanRequests,
          failures,
          kills,
          counters: w.sb.admin.counters(w.portalId),
          telegram: tg.sent.length,
        })
      const rows = await w.ctx.database.db
        .selectFrom('dunning_log')
        .select([
          'receivable_id',
          'step_key',
          'kind',
          'status',
          (eb) => eb.fn<string>('to_char', [eb.ref('on_date'), eb.val('YYYY-MM-DD')]).as('day'),
        ])
        .where('member_id', '=', w.memberId)
        .execute()
      const { receivables, claims } = w.installState.processes
      run = {
        recs,
        telegram: tg.sent,
        scanRequests,
        failures,
        kills,
        pendingKills,
        counters: w.sb.admin.counters(w.portalId),
        logs: rows.map((r) => ({
          rid: Number(r.receivable_id),
          key: r.step_key,
          day: r.day,
          kind: r.kind,
          status: r.status,
        })),
        emails: w.sb.admin.activities(w.portalId).filter((a) => a.TYPE_ID === 4),
        outbox: w.sb.admin.outbox(w.portalId),
        tasks: w.sb.admin.tasks(w.portalId),
        comments: w.sb.admin
          .comments(w.portalId)
          .filter((c) => c.ENTITY_TYPE === `dynamic_${receivables!.entityTypeId}`),
        claims: w.sb.admin.items(w.portalId, claims!.entityTypeId),
        notifications: w.sb.admin.notifications(w.portalId),
      }
    }, 180_000)
    // the sandbox first: closing the app first would wait for the portal's in-flight event deliveries
    afterAll(async () => {
      nock.cleanAll()
      await w?.close()
    })

    const ms = (v: unknown) => (typeof v === 'number' ? v : Date.parse(String(v)))
    const day = (v: unknown) => localDateOf(TZ, ms(v))

    it('every expected reminder step is logged exactly once, on its day, and nothing else', () => {
      const exp = expected(run.recs)
      const got = run.logs
        .filter((l) => l.kind === 'reminder')
        .map((l) => `${l.rid}|${l.key}|${l.day}|${l.status}`)
        .sort()
      expect(got).toEqual(exp.reminders.map((e) => `${e.rid}|${e.key}|${e.day}|sent`).sort())
      expect(exp.reminders.length).toBeGreaterThan(150)
    })

    it('one e-mail per counterparty per day (consolidated), sent through the portal on working days inside 10:00-17:00', () => {
      const exp = expected(run.recs)
      const company = new Map(run.recs.map((r) => [r.cpId, r.companyId]))
      const perDay = new Set(exp.reminders.map((e) => `${company.get(e.cp)}|${e.day}`))
      expect(run.emails.map((a) => `${String(a.OWNER_ID)}|${day(a.CREATED)}`).sort()).toEqual([...perDay].sort())
      for (const a of run.emails) {
        expect(isWorkingDay(cal, day(a.CREATED))).toBe(true)
        const minutes = localMinutesOf(TZ, ms(a.CREATED))
        expect(minutes >= 600 && minutes < 1020).toBe(true)
        expect(a).toMatchObject({ OWNER_TYPE_ID: 4, TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y' })
      }
      // each one left the portal's outbox once, to the company's address
      expect(run.outbox).toHaveLength(run.emails.length)
      const byCompany = new Map(run.recs.map((r) => [r.companyId, `cp${r.cpIndex}@client.test`]))
      for (const m of run.outbox) expect(m.to).toBe(byCompany.get(Number(m.ownerId)))
      expect(
        run.emails.some((a) => String(a.SUBJECT).includes('invoices') || String(a.SUBJECT).includes('счетов')),
      ).toBe(true)
    })

    it('Telegram messages go to the counterparty chats once per day (nock)', () => {
      const exp = expected(run.recs)
      const chatOf = new Map(run.recs.map((r) => [r.cpId, r.chat]))
      const want = new Set(exp.reminders.filter((e) => e.telegram).map((e) => `${chatOf.get(e.cp)}|${e.day}`))
      expect(
        run.telegram
          .filter((m) => m.chat !== '9002')
          .map((m) => `${m.chat}|${m.day}`)
          .sort(),
      ).toEqual([...want].sort())
    })

    it('the head of sales gets a portal notice and a Telegram copy of each escalation notice once (linked chat)', () => {
      const exp = expected(run.recs)
      const head = run.telegram.filter((m) => m.chat === '9002')
      const notices =
        exp.escalations.filter((e) => e.key === 'e.esc-2').length + 2 * exp.escalations.filter((e) => e.claim).length
      expect(head).toHaveLength(notices)
      expect(new Set(head.map((m) => m.text)).size).toBe(head.length)
      const portalNotices = run.notifications.filter((n) => n.userId === w.staff.head && !n.removed)
      expect(portalNotices).toHaveLength(notices)
      expect(new Set(portalNotices.map((n) => n.tag)).size).toBe(notices)
    })

    it('nothing for a receivable on or after the day it was paid', () => {
      const paid = run.recs.filter((r) => r.payOn)
      expect(paid.length).toBeGreaterThan(0)
      for (const r of paid) expect(run.logs.filter((l) => l.rid === r.id && l.day >= r.payOn!)).toEqual([])
      const paidItems = new Map(paid.map((r) => [r.itemId, r.payOn!]))
      expect(
        run.comments.filter(
          (c) => paidItems.has(Number(c.ENTITY_ID)) && day(c.CREATED) >= paidItems.get(Number(c.ENTITY_ID))!,
        ),
      ).toEqual([])
    })

    it('escalations: tasks, claims and the lawyer task exactly once each, deadlines on working days', () => {
      const exp = expected(run.recs)
      expect(
        run.logs
          .filter((l) => l.kind === 'escalation')
          .map((l) => `${l.rid}|${l.key}|${l.day}`)
          .sort(),
      ).toEqual(exp.escalations.map((e) => `${e.rid}|${e.key}|${e.day}`).sort())
      const claims = exp.escalations.filter((e) => e.claim)
      expect(claims.length).toBeGreaterThan(0)
      expect(run.claims).toHaveLength(claims.length)
      expect(new Set(run.claims.map((i) => i.xmlId)).size).toBe(claims.length)
      for (const c of run.claims)
        expect(day(c.createdTime ?? c.CREATED_TIME)).toBe(
          claims.find((e) => String(c.xmlId).endsWith(`:${e.rid}`))?.day,
        )
      const managerTasks = exp.escalations.filter((e) => !e.claim).length * 2
      expect(run.tasks).toHaveLength(managerTasks + claims.length)
      expect(new Set(run.tasks.map((x) => x.XML_ID)).size).toBe(run.tasks.length)
      expect(
        run.tasks.filter(
          (x) => String(x.TITLE).startsWith('Prepare the claim') || String(x.TITLE).startsWith('Подготовить претензию'),
        ),
      ).toHaveLength(claims.length)
      for (const x of run.tasks) {
        expect(isWorkingDay(cal, day(x.DEADLINE))).toBe(true)
        expect(isWorkingDay(cal, day(x.CREATED_DATE))).toBe(true)
      }
      // each claim is linked to its receivable's item (the claim's Receivables field)
      const rec = w.installState.processes.receivables!
      const links = new Set(run.recs.map((r) => `T${rec.entityTypeId.toString(16)}_${r.itemId}`))
      const field = Object.keys(run.claims[0]).find((k) => /RECEIVABLES$/i.test(k))!
      for (const c of run.claims) expect([c[field]].flat().every((v) => links.has(String(v)))).toBe(true)
    })

    it('every action is on the receivable timeline once, on its day', () => {
      const exp = expected(run.recs)
      expect(run.comments).toHaveLength(exp.reminders.length + exp.escalations.length)
      expect(new Set(run.comments.map((c) => `${String(c.ENTITY_ID)}|${String(c.COMMENT)}`)).size).toBe(
        run.comments.length,
      )
      // the sandbox portal is Russian: its timeline lines carry the day as dd.mm.yyyy
      for (const c of run.comments) expect(String(c.COMMENT)).toContain(formatDay(day(c.CREATED), 'ru'))
    })

    it('faults were really injected (and both worker kills happened) when asked for', () => {
      expect(run.pendingKills).toBe(0)
      // the first kill hits the first reminder e-mail from day 2 on, the second the first claim from day 21 on
      expect(run.kills).toEqual(
        faults
          ? [
              { day: '2025-06-03', method: 'crm.activity.add' },
              { day: '2025-06-25', method: 'crm.item.add' },
            ]
          : [],
      )
      const failed = (run.counters.byStatus['500'] ?? 0) + (run.counters.byStatus['0'] ?? 0)
      if (faults) {
        expect(run.failures).toBeGreaterThan(10)
        expect(failed / run.counters.requests).toBeGreaterThan(0.05)
      } else {
        expect(run.failures).toBe(0)
        expect(failed).toBe(0)
      }
    })

    it('the daily scan reads in bulk: about one request a day for 60 receivables (no per-item reads)', () => {
      // per day: 1 list request + at most one batch of next-date writes (a faulty portal adds the retried ones)
      expect(run.scanRequests).toBeLessThanOrEqual(faults ? 45 * 3 : 45 * 2)
    })
  })
}
