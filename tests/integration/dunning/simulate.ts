// Drives dunning over simulated days like the worker would: the morning scan at 08:00 local, payments
// at 09:00, then every queued job (keyed once, retried on failure) at 10:30 local.
import { addDays, addWorkingDays, createWorkingCalendar, nextWorkingDayOnOrAfter } from '../../../server/domain/calendar/index.ts'
import { localTimeToMs } from '../../../server/domain/calendar/instant.ts'
import { effectiveDueDate } from '../../../server/domain/receivables/index.ts'
import { defaultDunningRules } from '../../../server/domain/dunning/index.ts'
import type { AppContext } from '../../../server/context.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning-ports.ts'
import { DUNNING_ESCALATE_JOB, runDunningScan, type EscalateJobData, type RemindJobData } from '../../../server/use-cases/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/send-dunning-reminder.ts'
import { escalateDunning } from '../../../server/use-cases/escalate-dunning.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables-ports.ts'
import { recordPayment } from '../../../server/use-cases/record-payment.ts'
import { seedPortal } from '../../helpers/app.ts'
import { FakePortal, RETID, installState } from './fake-portal.ts'

export const TZ = 'Europe/Moscow'
export const cal = createWorkingCalendar({ timezone: TZ })
export const START = '2025-06-02'
export const DAYS = 45
export const at = (day: string, hh: number, mm = 0) => new Date(localTimeToMs(TZ, day, hh * 60 + mm))

export interface SimReceivable { id: number; cpId: number; cpIndex: number; itemId: number; due: string; high: boolean; chat: string | null; payOn: string | null }

export async function seedLedger(ctx: AppContext, memberId: string, portal: FakePortal): Promise<SimReceivable[]> {
  await seedPortal(ctx, memberId, `app-${memberId}`, `https://${memberId}.bitrix24.test/rest/`)
  await ctx.repos.settings.set(memberId, 'dunning', { ...defaultDunningRules(), headOfSalesId: 2, lawyerId: 3, legalNotifyIds: [4], paymentDetails: 'р/с 40702810000000000001' }, 'test')
  const db = ctx.database.db
  await db.insertInto('dunning_employee_chats').values({ member_id: memberId, user_id: 2, telegram_chat_id: '9002' }).execute()
  const out: SimReceivable[] = []
  for (let i = 0; i < 30; i++) {
    const cp = await db.insertInto('counterparties').values({ member_id: memberId, entity_type: 'company', entity_id: 500 + i, name: `Client ${i}`, inn: null, kpp: null, email: i % 7 === 3 ? null : `cp${i}@client.test` })
      .returning('id').executeTakeFirstOrThrow()
    const high = i % 5 === 0
    const chat = i % 4 === 0 ? String(7000 + i) : null
    await db.insertInto('dunning_counterparties').values({ member_id: memberId, counterparty_id: Number(cp.id), risk_segment: high ? 'high' : null, telegram_chat_id: chat, updated_at: new Date() }).execute()
    for (let j = 0; j < 1 + (i % 3); j++) {
      const due = addDays('2025-06-10', (i % 15) + (j === 1 ? 2 : 0))
      const itemId = ++portal.nextId
      portal.items.set(itemId, { id: itemId, entityTypeId: RETID, title: `INV-${i}-${j}` })
      const r = await db.insertInto('receivables').values({
        member_id: memberId, counterparty_id: Number(cp.id), item_id: itemId, invoice_number: `INV-${i}-${j}`, invoice_date: '2025-05-15',
        due_date: due, effective_due_date: effectiveDueDate(cal, due), amount: 10_000_00 * (j + 1), stage: 'AWAITING', responsible_id: 10 + (i % 3),
        created_by: 'test', created_source: 'test',
      }).returning('id').executeTakeFirstOrThrow()
      const payOn = i % 6 === 1 && j === 0 ? addWorkingDays(cal, effectiveDueDate(cal, due), 2) : null
      out.push({ id: Number(r.id), cpId: Number(cp.id), cpIndex: i, itemId, due: effectiveDueDate(cal, due), high, chat, payOn })
    }
  }
  return out
}

interface Queued { name: string; data: object; startAfter: number; attempts: number }

export async function simulate(ctx: AppContext, memberId: string, portal: FakePortal, recs: SimReceivable[]) {
  const clock = { now: at(START, 8) }
  portal.now = () => clock.now
  const seen = new Set<string>()
  const queue: Queued[] = []
  const ports: DunningPorts = dunningPorts(ctx, {
    clients: portal, installState: async () => installState, now: () => clock.now,
    send: async (name, data, o) => { if (!seen.has(o.key!)) { seen.add(o.key!); queue.push({ name, data, startAfter: Number(o.startAfter ?? 0), attempts: 0 }) } return null },
  })
  const payPorts = { ...receivablesPorts(ctx, { clients: portal, installState: async () => installState, now: () => clock.now }), send: async () => null }
  const retry = async (fn: () => Promise<unknown>) => { for (let a = 0; ; a++) { try { return await fn() } catch (e) { if (a > 30) throw e } } }
  let scanRequests = 0
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(START, d)
    clock.now = at(day, 8)
    const before = portal.requests
    await retry(() => runDunningScan(ports, memberId))
    scanRequests += portal.requests - before
    if (process.env.SIM_DEBUG) console.log(day, 'scan', Date.now() % 100000, queue.length)
    clock.now = at(day, 9)
    for (const r of recs.filter((x) => x.payOn === day)) {
      await recordPayment(payPorts, { memberId, actor: 'test', source: 'test' }, { receivableId: r.id, amount: 10_000_00, paidOn: day, source: 'manual', sourceRef: `pay-${r.id}` })
    }
    clock.now = at(day, 10, 30)
    while (queue.length) {
      const job = queue.shift()!
      if (job.startAfter > clock.now.getTime()) throw new Error('a job is not runnable at 10:30')
      try {
        if (job.name === DUNNING_ESCALATE_JOB) await escalateDunning(ports, job.data as EscalateJobData)
        else await sendDunningReminder(ports, job.data as RemindJobData)
      } catch (e) {
        if (process.env.SIM_DEBUG) console.log(day, job.name, (e as Error).message)
        if (++job.attempts > 30) throw e
        queue.push(job)
      }
    }
  }
  return { scanRequests }
}

/** What must happen, computed from the calendar alone (not from the planner). */
export function expected(recs: SimReceivable[]) {
  const end = addDays(START, DAYS - 1)
  const inWindow = (d: string, r: SimReceivable) => d >= START && d <= end && (!r.payOn || d < r.payOn)
  const reminders: { rid: number; cp: number; key: string; day: string; telegram: boolean }[] = []
  const escalations: { rid: number; key: string; day: string; claim: boolean }[] = []
  for (const r of recs) {
    const steps: [string, string][] = [['r.before-5', addWorkingDays(cal, r.due, -5)], ['r.due-day', r.due], ['r.after-1', addWorkingDays(cal, r.due, 1)], ['r.after-3', addWorkingDays(cal, r.due, 3)], ['r.after-10', addWorkingDays(cal, r.due, 10)]]
    let last = steps[4][1]
    for (let n = 1; n <= 8; n++) { last = addWorkingDays(cal, last, 7); steps.push([`r.tail-${n}`, last]) }
    for (const [key, day] of steps) if (inWindow(day, r)) reminders.push({ rid: r.id, cp: r.cpId, key, day, telegram: Boolean(r.chat) && !key.startsWith('r.tail') })
    const timers = r.high ? [1, 5, 15] : [3, 10, 30]
    timers.forEach((n, i) => { const day = nextWorkingDayOnOrAfter(cal, addDays(r.due, n)); if (inWindow(day, r)) escalations.push({ rid: r.id, key: `e.esc-${i + 1}`, day, claim: i === 2 }) })
  }
  return { reminders, escalations }
}
