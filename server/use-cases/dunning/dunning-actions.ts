// Actions of the collection plan tab: pause, record a promise, skip a step. Each validates first
// (DunningError -> 4xx, nothing changes), then writes our state and the audit log.
import { DunningError, planDunning } from '../../domain/dunning/index.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { debtByCounterparty, dunningInput } from './dunning-input.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'

export interface Actor {
  memberId: string
  userId: number
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const isDay = (v: unknown): v is string =>
  typeof v === 'string' &&
  DAY.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
const invalid = (message: string, details?: unknown) => new DunningError('dunning.invalid-input', message, details)

export async function openReceivable(ports: DunningPorts, memberId: string, receivableId: number): Promise<DunningRow> {
  const row = await ports.repo.one(memberId, receivableId)
  if (!row) throw new DunningError('dunning.not-found', `receivable ${receivableId} not found`)
  if (row.remaining <= 0 || row.stage === 'FAIL')
    throw new DunningError('dunning.conflict', 'the receivable is paid or written off: there is nothing to dun')
  return row
}

const audit = (ports: DunningPorts, a: Actor, action: string, receivableId: number, details: unknown) =>
  ports.audit.record({
    memberId: a.memberId,
    actor: `user:${a.userId}`,
    source: 'ui',
    action,
    entity: 'receivable',
    entityId: String(receivableId),
    details,
  })

export async function pauseDunning(
  ports: DunningPorts,
  a: Actor,
  receivableId: number,
  until: unknown,
  reason: unknown,
): Promise<void> {
  await openReceivable(ports, a.memberId, receivableId)
  const { today } = await portalDay(ports, a.memberId)
  if (until === null) {
    await ports.repo.patchState(a.memberId, receivableId, { paused_until: null, pause_reason: null })
    await audit(ports, a, 'dunning.pause-ended', receivableId, {})
    return
  }
  if (!isDay(until)) throw invalid('until must be a date YYYY-MM-DD (or null to end the pause)')
  if (until < today) throw invalid(`until must not be in the past (today is ${today})`)
  if (typeof reason !== 'string' || !reason.trim() || reason.length > 500)
    throw invalid('reason is required (up to 500 characters)')
  await ports.repo.patchState(a.memberId, receivableId, { paused_until: until, pause_reason: reason.trim() })
  await audit(ports, a, 'dunning.paused', receivableId, { until, reason: reason.trim() })
}

export async function recordPromise(
  ports: DunningPorts,
  a: Actor,
  receivableId: number,
  date: unknown,
  amount: unknown,
): Promise<void> {
  const row = await openReceivable(ports, a.memberId, receivableId)
  const { today } = await portalDay(ports, a.memberId)
  if (date === null) {
    await ports.repo.patchState(a.memberId, receivableId, {
      promised_date: null,
      promised_amount: null,
      promise_recorded_on: null,
      remaining_at_promise: null,
    })
    await audit(ports, a, 'dunning.promise-cleared', receivableId, {})
    return
  }
  if (!isDay(date)) throw invalid('date must be a date YYYY-MM-DD (or null to clear the promise)')
  if (date < today) throw invalid(`the promised date must not be in the past (today is ${today})`)
  const kopecks = amount === undefined ? row.remaining : amount
  if (typeof kopecks !== 'number' || !Number.isSafeInteger(kopecks) || kopecks <= 0)
    throw invalid('amount must be a positive integer number of kopecks')
  if (kopecks > row.remaining) throw invalid(`amount must not exceed the remaining debt (${row.remaining} kopecks)`)
  await ports.repo.patchState(a.memberId, receivableId, {
    promised_date: date,
    promised_amount: kopecks,
    promise_recorded_on: today,
    remaining_at_promise: row.remaining,
  })
  await audit(ports, a, 'dunning.promise-recorded', receivableId, { date, amount: kopecks })
}

export async function skipDunningStep(
  ports: DunningPorts,
  a: Actor,
  receivableId: number,
  stepKey: unknown,
): Promise<void> {
  const row = await openReceivable(ports, a.memberId, receivableId)
  if (typeof stepKey !== 'string' || !stepKey) throw invalid('stepKey is required')
  const { calendar, today } = await portalDay(ports, a.memberId)
  const rules = await loadDunningRules(ports, a.memberId)
  const logs = await ports.repo.log(a.memberId, [receivableId])
  const siblings = await ports.repo.open(a.memberId, { counterpartyId: row.counterpartyId })
  const plan = planDunning(
    dunningInput(row, logs, debtByCounterparty(siblings).get(row.counterpartyId) ?? 0),
    rules,
    calendar,
    today,
  )
  const step = [...plan.reminders, ...plan.escalations].find((s) => s.key === stepKey)
  if (!step) throw invalid(`no step "${stepKey}" in this receivable's plan`)
  if (step.status === 'done' || step.status === 'skipped')
    throw new DunningError(
      'dunning.conflict',
      `step "${stepKey}" has already ${step.status === 'done' ? 'happened' : 'been skipped'}`,
    )
  const logged = await ports.repo.logStep(a.memberId, {
    receivableId,
    stepKey,
    kind: stepKey.startsWith('e.') ? 'escalation' : 'reminder',
    status: 'skipped',
    onDate: today,
    actor: `user:${a.userId}`,
  })
  if (!logged) throw new DunningError('dunning.conflict', `step "${stepKey}" has just happened`)
  await audit(ports, a, 'dunning.step-skipped', receivableId, { stepKey })
}
