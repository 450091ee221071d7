// One portal's receivables in a steady dunning state, seeded in bulk for bench/dunning-scan.ts:
// COUNTERPARTIES companies with PER_CP invoices each, due dates spread from 120 days ago to 40 days
// ahead (so every ladder step, the tail and the escalation timers have receivables on them today),
// 20% paid, 10% partly paid, 5% paused, 3% with a promise to pay, 2% "do not dun", risk segments per
// counterparty (10% high, 20% low). The history is what the daily scan and its effect jobs left up
// to yesterday: every step dated before today is in dunning_log, and the "next reminder" date is
// what yesterday's scan stored (in the ledger and on the card). Portal items through the sandbox's
// quiet seed (no events), our rows with a few bulk INSERTs.
import { sql } from 'kysely'
import { addDays, type LocalDate, type WorkingCalendar } from '../../server/domain/calendar/index.ts'
import { defaultDunningRules, planDunning, type ReceivableDunning } from '../../server/domain/dunning/index.ts'
import { effectiveDueDate } from '../../server/domain/receivables/index.ts'
import type { InstalledProcess } from '../../server/bitrix24/install-state.ts'
import type { Db } from '../../server/storage/database.ts'
import { moneyValue, stageIdOf } from '../../server/use-cases/receivables/receivable-item-fields.ts'
import type { Sandbox } from '../../sandbox/index.ts'

export const PER_CP = 20
const mix = (k: number, salt: number) => (Math.imul(k + 1, 2654435761) ^ Math.imul(salt, 40503)) >>> 0
const chunks = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

export interface SeedWorld {
  sb: Sandbox
  portalId: number
  memberId: string
  db: Db
  p: InstalledProcess
  calendar: WorkingCalendar
  today: LocalDate
}

export async function seedDunningPortfolio(w: SeedWorld, counterparties: number) {
  const { calendar, today, p, memberId, db } = w
  const yesterday = addDays(today, -1)
  const rules = defaultDunningRules()
  const f = (k: string) => p.fields[k]!.restName
  const companyIds = Array.from({ length: counterparties }, (_, c) =>
    w.sb.admin.seedCompany(w.portalId, { TITLE: `ООО Клиент ${c + 1}` }),
  )
  const risk = (c: number) => (c % 10 === 0 ? 'high' : c % 10 < 3 ? 'low' : 'normal') as 'high' | 'low' | 'normal'

  const rows = Array.from({ length: counterparties * PER_CP }, (_, k) => {
    const c = Math.floor(k / PER_CP)
    const h = mix(k, 1) % 100
    const dueDate = addDays(today, -120 + (mix(k, 2) % 161))
    const invoiceDate = addDays(dueDate, -[10, 14, 30, 45][k % 4]!)
    const amount = 5_000_00 + (mix(k, 3) % 995_000) * 100
    const paid = h < 20 ? amount : h < 30 ? Math.round(amount * 0.4) : 0
    const effective = effectiveDueDate(calendar, dueDate)
    const stage = paid >= amount ? 'SUCCESS' : effective < today ? 'OVERDUE' : paid > 0 ? 'PARTIAL' : 'AWAITING'
    const pausedUntil = h >= 30 && h < 35 ? addDays(today, 10) : null
    const promise =
      h >= 35 && h < 38
        ? {
            date: addDays(today, 5),
            amount: Math.round((amount - paid) / 2),
            recordedOn: addDays(today, -3),
            remainingAtRecord: amount - paid,
          }
        : null
    const input: ReceivableDunning = {
      receivableId: k + 1,
      invoiceDate,
      dueDate: effective,
      amount,
      remaining: amount - paid,
      riskSegment: risk(c),
      counterpartySegment: null,
      legalEntity: null,
      counterpartyDebt: 0,
      doNotDun: h >= 38 && h < 40,
      pause: pausedUntil ? { until: pausedUntil, reason: 'Сверка актов' } : null,
      promise,
      claimSentOn: null,
      counterpartyOverride: null,
      receivableOverride: null,
      done: {},
    }
    // yesterday's state: every step dated before yesterday happened on its date; then yesterday's scan
    // stored its next date, and its effect jobs sent what was due yesterday
    const done: ReceivableDunning['done'] = {}
    let next: LocalDate | null = null
    if (input.remaining > 0) {
      const all = planDunning(input, rules, calendar, yesterday)
      for (const s of [...all.reminders, ...all.escalations])
        if (s.date && s.date < yesterday) done[s.key] = { on: s.date, status: 'sent' }
      const y = planDunning({ ...input, done }, rules, calendar, yesterday)
      next = y.nextReminderDate
      for (const s of [...(y.dueReminder ? [y.dueReminder] : []), ...y.dueEscalations])
        done[s.key] = { on: yesterday, status: 'sent' }
    }
    return {
      k,
      c,
      invoiceNumber: `INV-${String(k + 1).padStart(6, '0')}`,
      invoiceDate,
      dueDate,
      effective,
      amount,
      paid,
      stage,
      input,
      done,
      next,
      pausedUntil,
      promise,
    }
  })

  const itemIds = w.sb.admin.seedItems(
    w.portalId,
    p.entityTypeId,
    rows.map((r) => ({
      title: `Счёт ${r.invoiceNumber}`,
      companyId: companyIds[r.c],
      stageId: stageIdOf(p, r.stage as 'NEW'),
      assignedById: 1,
      [f('invoiceNumber')]: r.invoiceNumber,
      [f('invoiceDate')]: r.invoiceDate,
      [f('dueDate')]: r.dueDate,
      [f('currency')]: 'RUB',
      [f('amount')]: moneyValue(r.amount, 'RUB'),
      [f('paid')]: moneyValue(r.paid, 'RUB'),
      [f('remaining')]: moneyValue(r.amount - r.paid, 'RUB'),
      ...(r.next ? { [f('nextReminderDate')]: r.next } : {}),
      ...(r.pausedUntil ? { [f('dunningPausedUntil')]: r.pausedUntil, [f('dunningPauseReason')]: 'Сверка актов' } : {}),
      ...(r.input.doNotDun ? { [f('doNotDun')]: 'Y' } : {}),
    })),
  )

  const cpIds: number[] = []
  for (const part of chunks(companyIds, 5000)) {
    for (const x of await db
      .insertInto('counterparties')
      .values(
        part.map((id, i) => ({
          member_id: memberId,
          entity_type: 'company' as const,
          entity_id: id,
          name: `ООО Клиент ${cpIds.length + i + 1}`,
          inn: null,
          kpp: null,
          email: `buh${id}@client.test`,
        })),
      )
      .returning('id')
      .execute())
      cpIds.push(Number(x.id))
  }
  const cpRisk = cpIds
    .map((id, c) => ({ member_id: memberId, counterparty_id: id, risk_segment: risk(c) }))
    .filter((x) => x.risk_segment !== 'normal')
  for (const part of chunks(cpRisk, 5000)) await db.insertInto('dunning_counterparties').values(part).execute()

  const recIds: number[] = []
  for (const part of chunks(rows, 2000)) {
    for (const x of await db
      .insertInto('receivables')
      .values(
        part.map((r) => ({
          member_id: memberId,
          counterparty_id: cpIds[r.c]!,
          item_id: itemIds[r.k]!,
          invoice_number: r.invoiceNumber,
          invoice_date: r.invoiceDate,
          due_date: r.dueDate,
          effective_due_date: r.effective,
          amount: r.amount,
          paid: r.paid,
          stage: r.stage,
          overdue_applied: r.stage === 'OVERDUE',
          responsible_id: 1,
          created_by: 'seed',
          created_source: 'seed',
          ...(r.paid ? { last_payment_on: r.invoiceDate, last_payment_amount: r.paid } : {}),
        })),
      )
      .returning('id')
      .execute())
      recIds.push(Number(x.id))
  }
  await sql`INSERT INTO payments (member_id, receivable_id, amount, paid_on, source, source_ref, actor)
    SELECT ${memberId}, r.id, r.paid, r.invoice_date, 'bank-statement', 'bank-statement:seed-' || r.id, 'seed' FROM receivables r WHERE r.member_id = ${memberId} AND r.paid > 0`.execute(
    db,
  )

  const state = rows
    .filter((r) => r.input.remaining > 0)
    .map((r) => ({
      member_id: memberId,
      receivable_id: recIds[r.k]!,
      do_not_dun: r.input.doNotDun,
      paused_until: r.pausedUntil,
      pause_reason: r.pausedUntil ? 'Сверка актов' : null,
      promised_date: r.promise?.date ?? null,
      promised_amount: r.promise?.amount ?? null,
      promise_recorded_on: r.promise?.recordedOn ?? null,
      remaining_at_promise: r.promise?.remainingAtRecord ?? null,
      next_reminder_date: r.next,
    }))
  for (const part of chunks(state, 3000)) await db.insertInto('dunning_receivables').values(part).execute()
  const log = rows.flatMap((r) =>
    Object.entries(r.done).map(([key, d]) => ({
      member_id: memberId,
      receivable_id: recIds[r.k]!,
      step_key: key,
      kind: (key.startsWith('e.') ? 'escalation' : 'reminder') as 'escalation' | 'reminder',
      status: d.status,
      on_date: d.on,
      actor: 'system',
    })),
  )
  for (const part of chunks(log, 5000)) await db.insertInto('dunning_log').values(part).execute()
  return { receivables: rows.length, open: state.length, logRows: log.length, companies: companyIds.length }
}
