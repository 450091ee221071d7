// Drives dunning over simulated days like the worker would, against the app really installed into a
// sandbox portal and talking to it through the production portal client (the SDK over HTTP). The
// sandbox clock is the simulation's clock, so the portal dates its activities, tasks and comments on
// the simulated days: the morning scan at 08:00 local, payments at 09:00, then every queued job
// (keyed once, retried on failure as pg-boss would) at 10:30 local.
import {
  addDays,
  addWorkingDays,
  createWorkingCalendar,
  nextWorkingDayOnOrAfter,
} from '../../../server/domain/calendar/index.ts'
import { localTimeToMs } from '../../../server/domain/calendar/instant.ts'
import { effectiveDueDate } from '../../../server/domain/receivables/index.ts'
import { defaultDunningRules } from '../../../server/domain/dunning/index.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { dunningPorts, type DunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import {
  DUNNING_ESCALATE_JOB,
  runDunningScan,
  type EscalateJobData,
  type RemindJobData,
} from '../../../server/use-cases/dunning/run-dunning-scan.ts'
import { sendDunningReminder } from '../../../server/use-cases/dunning/send-dunning-reminder.ts'
import { escalateDunning } from '../../../server/use-cases/dunning/escalate-dunning.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'

export const TZ = 'Europe/Moscow'
export const cal = createWorkingCalendar({ timezone: TZ })
export const START = '2025-06-02'
export const DAYS = 45
export const at = (day: string, hh: number, mm = 0) => new Date(localTimeToMs(TZ, day, hh * 60 + mm))

export interface SimReceivable {
  id: number
  cpId: number
  cpIndex: number
  companyId: number
  itemId: number
  due: string
  high: boolean
  chat: string | null
  payOn: string | null
}
export type SimWorld = Awaited<ReturnType<typeof startSimWorld>>

/** The app installed into a fresh sandbox portal (no workers: the simulation is the worker). */
export async function startSimWorld(env: Record<string, string>) {
  const w = await connectSandboxApp({ env })
  // the emulator's request bucket and operating-time budget stay out of the way; faults are the test's
  w.sb.admin.setLimits(w.portalId, { burst: 100_000, drain: 100_000, operatingBudgetSec: 1_000_000 })
  await installPortal(w.ctx, w.memberId, true)
  // No event workers run here and the dunning does not wait for events (the morning scan re-reads),
  // so the portal keeps its events to itself: each would only be queued, costing the run ~1/3 of its time.
  w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
  const installState = (await w.ctx.repos.installState.get(w.memberId)) as InstallState
  const user = (name: string, lastName: string) =>
    w.sb.admin.addUser(w.portalId, { name, lastName, email: `${lastName.toLowerCase()}@corp.test` }).id
  const staff = {
    managers: [user('Ivan', 'Manager0'), user('Ivan', 'Manager1'), user('Ivan', 'Manager2')],
    head: user('Olga', 'Head'),
    lawyer: user('Petr', 'Lawyer'),
    legal: user('Anna', 'Legal'),
  }
  return { ...w, installState, staff }
}

export async function seedLedger(w: SimWorld): Promise<SimReceivable[]> {
  const { memberId, installState, staff } = w
  const rec = installState.processes.receivables!
  const awaiting = Object.values(rec.pipelines)[0]?.stages.AWAITING
  await w.ctx.repos.settings.set(
    memberId,
    'dunning',
    {
      ...defaultDunningRules(),
      headOfSalesId: staff.head,
      lawyerId: staff.lawyer,
      legalNotifyIds: [staff.legal],
      paymentDetails: 'р/с 40702810000000000001',
    },
    'test',
  )
  const db = w.ctx.database.db
  await db
    .insertInto('dunning_employee_chats')
    .values({ member_id: memberId, user_id: staff.head, telegram_chat_id: '9002' })
    .execute()
  const out: SimReceivable[] = []
  for (let i = 0; i < 30; i++) {
    // every company has its e-mail in the portal; some of ours lack it and are read from the card
    const companyId = w.sb.admin.seedCompany(w.portalId, {
      TITLE: `Client ${i}`,
      EMAIL: [{ VALUE: `cp${i}@client.test`, VALUE_TYPE: 'WORK' }],
    })
    const cp = await db
      .insertInto('counterparties')
      .values({
        member_id: memberId,
        entity_type: 'company',
        entity_id: companyId,
        name: `Client ${i}`,
        inn: null,
        kpp: null,
        email: i % 7 === 3 ? null : `cp${i}@client.test`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const high = i % 5 === 0
    const chat = i % 4 === 0 ? String(7000 + i) : null
    await db
      .insertInto('dunning_counterparties')
      .values({
        member_id: memberId,
        counterparty_id: Number(cp.id),
        risk_segment: high ? 'high' : null,
        telegram_chat_id: chat,
        updated_at: new Date(),
      })
      .execute()
    for (let j = 0; j < 1 + (i % 3); j++) {
      const due = addDays('2025-06-10', (i % 15) + (j === 1 ? 2 : 0))
      const manager = staff.managers[i % 3]
      const [itemId] = w.sb.admin.seedItems(w.portalId, rec.entityTypeId, [
        { title: `INV-${i}-${j}`, companyId, assignedById: manager, ...(awaiting ? { stageId: awaiting } : {}) },
      ])
      const r = await db
        .insertInto('receivables')
        .values({
          member_id: memberId,
          counterparty_id: Number(cp.id),
          item_id: itemId,
          invoice_number: `INV-${i}-${j}`,
          invoice_date: '2025-05-15',
          due_date: due,
          effective_due_date: effectiveDueDate(cal, due),
          amount: 10_000_00 * (j + 1),
          stage: 'AWAITING',
          responsible_id: manager,
          created_by: 'test',
          created_source: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const payOn = i % 6 === 1 && j === 0 ? addWorkingDays(cal, effectiveDueDate(cal, due), 2) : null
      out.push({
        id: Number(r.id),
        cpId: Number(cp.id),
        cpIndex: i,
        companyId,
        itemId,
        due: effectiveDueDate(cal, due),
        high,
        chat,
        payOn,
      })
    }
  }
  return out
}

interface Queued {
  name: string
  data: object
  startAfter: number
  attempts: number
}
/** On simulated day `day` (index), the next call of `method` reaches the portal and its answer never comes back: the worker dies there. */
export interface Kill {
  day: number
  method: string
}

export async function simulate(w: SimWorld, recs: SimReceivable[], o: { kills?: Kill[] } = {}) {
  const { memberId, portalId } = w
  const clock = w.sb.admin.clock()
  const now = () => new Date(clock.now())
  const seen = new Set<string>()
  const queue: Queued[] = []
  const installState = async () => w.installState
  const ports: DunningPorts = dunningPorts(w.ctx, {
    clients: w.ctx.b24!,
    installState,
    now,
    send: async (name, data, so) => {
      if (!seen.has(so.key!)) {
        seen.add(so.key!)
        queue.push({ name, data, startAfter: Number(so.startAfter ?? 0), attempts: 0 })
      }
      return null
    },
  })
  const payPorts = { ...receivablesPorts(w.ctx, { clients: w.ctx.b24!, installState, now }), send: async () => null }
  const requests = () => w.sb.admin.counters(portalId).requests
  const retry = async (fn: () => Promise<unknown>) => {
    for (let a = 0; ; a++) {
      try {
        return await fn()
      } catch (e) {
        if (a > 30) throw e
      }
    }
  }
  const pendingKills = () => w.sb.admin.setFaults(portalId, {}).failNext.length // setFaults answers the current configuration
  const kills: { day: string; method: string }[] = []
  const killed: string[] = []
  let armed = 0
  let scanRequests = 0
  let failures = 0
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(START, d)
    clock.freeze(at(day, 8).getTime())
    const before = requests()
    await retry(() => runDunningScan(ports, memberId))
    scanRequests += requests() - before
    clock.freeze(at(day, 9).getTime())
    for (const r of recs.filter((x) => x.payOn === day)) {
      await recordPayment(
        payPorts,
        { memberId, actor: 'test', source: 'test' },
        { receivableId: r.id, amount: 10_000_00, paidOn: day, source: 'manual', sourceRef: `pay-${r.id}` },
      )
    }
    clock.freeze(at(day, 10, 30).getTime())
    for (const k of o.kills ?? [])
      if (k.day === d) {
        w.sb.admin.failNext(portalId, { count: 1, kind: 'lost', method: k.method })
        killed.push(k.method)
        armed++
      }
    // four jobs at a time, as the worker runs them (pg-boss localConcurrency 4); a failed job goes to the back
    const runOne = async (job: Queued) => {
      if (job.startAfter > clock.now()) throw new Error('a job is not runnable at 10:30')
      try {
        if (job.name === DUNNING_ESCALATE_JOB) await escalateDunning(ports, job.data as EscalateJobData)
        else await sendDunningReminder(ports, job.data as RemindJobData)
      } catch (e) {
        failures++
        if (process.env.SIM_DEBUG) console.log(day, job.name, (e as Error).message)
        const left = pendingKills()
        if (left < armed) {
          // the worker died here: the restarted process builds its portal client afresh
          armed = left
          kills.push({ day, method: killed.shift()! })
          ;(w.ctx.b24 as { forget?: (m: string) => void }).forget?.(memberId)
        }
        if (++job.attempts > 30) throw e
        queue.push(job) // the retry runs the job from its start
      }
    }
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await runOne(job)
    }
    while (queue.length) await Promise.all([worker(), worker(), worker(), worker()])
  }
  return { scanRequests, failures, kills }
}

/** What must happen, computed from the calendar alone (not from the planner). */
export function expected(recs: SimReceivable[]) {
  const end = addDays(START, DAYS - 1)
  const inWindow = (d: string, r: SimReceivable) => d >= START && d <= end && (!r.payOn || d < r.payOn)
  const reminders: { rid: number; cp: number; key: string; day: string; telegram: boolean }[] = []
  const escalations: { rid: number; key: string; day: string; claim: boolean }[] = []
  for (const r of recs) {
    const steps: [string, string][] = [
      ['r.before-5', addWorkingDays(cal, r.due, -5)],
      ['r.due-day', r.due],
      ['r.after-1', addWorkingDays(cal, r.due, 1)],
      ['r.after-3', addWorkingDays(cal, r.due, 3)],
      ['r.after-10', addWorkingDays(cal, r.due, 10)],
    ]
    let last = steps[4][1]
    for (let n = 1; n <= 8; n++) {
      last = addWorkingDays(cal, last, 7)
      steps.push([`r.tail-${n}`, last])
    }
    for (const [key, day] of steps)
      if (inWindow(day, r))
        reminders.push({ rid: r.id, cp: r.cpId, key, day, telegram: Boolean(r.chat) && !key.startsWith('r.tail') })
    const timers = r.high ? [1, 5, 15] : [3, 10, 30]
    timers.forEach((n, i) => {
      const day = nextWorkingDayOnOrAfter(cal, addDays(r.due, n))
      if (inWindow(day, r)) escalations.push({ rid: r.id, key: `e.esc-${i + 1}`, day, claim: i === 2 })
    })
  }
  return { reminders, escalations }
}
