// What the dunning planner reads: receivables with their counterparty, contract and dunning state
// (ledger tables joined with our dunning tables), open ones or one at a time.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import { day, dayOrNull } from './ledger-sql.ts'

const OPEN_PAGE = 1000

export interface DunningRow {
  receivableId: number
  itemId: number | null
  counterpartyId: number
  counterpartyName: string
  counterpartyEmail: string | null
  entityType: 'company' | 'contact'
  entityId: number
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  amount: number
  remaining: number
  responsibleId: number | null
  legalEntity: string | null
  stage: string
  riskSegment: 'low' | 'normal' | 'high' | null
  doNotDun: boolean
  pausedUntil: string | null
  pauseReason: string | null
  promisedDate: string | null
  promisedAmount: number | null
  promiseRecordedOn: string | null
  remainingAtPromise: number | null
  override: unknown
  claimItemId: number | null
  claimSentOn: string | null
  nextReminderDate: string | null
  cpSegment: string | null
  cpRiskSegment: 'low' | 'normal' | 'high' | null
  cpDoNotDun: boolean
  cpOverride: unknown
  telegramChatId: string | null
  cpTimezone: string | null
  cpLang: 'ru' | 'en' | null
}

export function dunningRowQueries(db: Db) {
  const base = (memberId: string) =>
    db
      .selectFrom('receivables as r')
      .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
      .leftJoin('contracts as k', 'k.id', 'r.contract_id')
      .leftJoin('dunning_receivables as d', (j) =>
        j.onRef('d.receivable_id', '=', 'r.id').onRef('d.member_id', '=', 'r.member_id'),
      )
      .leftJoin('dunning_counterparties as dc', (j) =>
        j.onRef('dc.counterparty_id', '=', 'r.counterparty_id').onRef('dc.member_id', '=', 'r.member_id'),
      )
      .where('r.member_id', '=', memberId)
      .select([
        'r.id as receivableId',
        'r.item_id as itemId',
        'r.counterparty_id as counterpartyId',
        'c.name as counterpartyName',
        'c.email as counterpartyEmail',
        'c.entity_type as entityType',
        'c.entity_id as entityId',
        'r.invoice_number as invoiceNumber',
        day('r.invoice_date').as('invoiceDate'),
        day('r.effective_due_date').as('dueDate'),
        'r.amount',
        'r.remaining',
        'r.responsible_id as responsibleId',
        'k.legal_entity as legalEntity',
        'r.stage',
        'd.risk_segment as riskSegment',
        sql<boolean>`coalesce(d.do_not_dun, false)`.as('doNotDun'),
        dayOrNull('d.paused_until').as('pausedUntil'),
        'd.pause_reason as pauseReason',
        dayOrNull('d.promised_date').as('promisedDate'),
        'd.promised_amount as promisedAmount',
        dayOrNull('d.promise_recorded_on').as('promiseRecordedOn'),
        'd.remaining_at_promise as remainingAtPromise',
        'd.override',
        'd.claim_item_id as claimItemId',
        dayOrNull('d.claim_sent_on').as('claimSentOn'),
        dayOrNull('d.next_reminder_date').as('nextReminderDate'),
        'dc.segment as cpSegment',
        'dc.risk_segment as cpRiskSegment',
        sql<boolean>`coalesce(dc.do_not_dun, false)`.as('cpDoNotDun'),
        'dc.override as cpOverride',
        'dc.telegram_chat_id as telegramChatId',
        'dc.timezone as cpTimezone',
        'dc.lang as cpLang',
      ])
  const norm = (rows: Record<string, unknown>[]): DunningRow[] =>
    rows.map(
      (r) =>
        ({
          ...r,
          amount: Number(r.amount),
          remaining: Number(r.remaining),
          promisedAmount: r.promisedAmount === null ? null : Number(r.promisedAmount),
          remainingAtPromise: r.remainingAtPromise === null ? null : Number(r.remainingAtPromise),
          receivableId: Number(r.receivableId),
          counterpartyId: Number(r.counterpartyId),
        }) as DunningRow,
    )

  return {
    /**
     * Open receivables of a portal (remaining > 0, not written off), in id order, read in pages of
     * OPEN_PAGE: one statement over 20,000 of them held embedded PGlite (and every HTTP request) for 1.3 s.
     */
    async open(memberId: string, o: { counterpartyId?: number; receivableId?: number } = {}): Promise<DunningRow[]> {
      let q = base(memberId).where('r.remaining', '>', 0).where('r.stage', '<>', 'FAIL')
      if (o.counterpartyId !== undefined) q = q.where('r.counterparty_id', '=', o.counterpartyId)
      if (o.receivableId !== undefined) q = q.where('r.id', '=', o.receivableId)
      const out: DunningRow[] = []
      for (let after = 0; ;) {
        const page = norm(
          (await q.where('r.id', '>', after).orderBy('r.id').limit(OPEN_PAGE).execute()) as Record<string, unknown>[],
        )
        out.push(...page)
        if (page.length < OPEN_PAGE) return out
        after = page[page.length - 1].receivableId
      }
    },
    /** One receivable whatever its balance (the job re-checks it before sending). */
    async one(memberId: string, receivableId: number): Promise<DunningRow | null> {
      return (
        norm((await base(memberId).where('r.id', '=', receivableId).execute()) as Record<string, unknown>[])[0] ?? null
      )
    },
    async byCounterparty(memberId: string, counterpartyId: number): Promise<DunningRow[]> {
      return norm(
        (await base(memberId)
          .where('r.counterparty_id', '=', counterpartyId)
          .orderBy('r.effective_due_date')
          .orderBy('r.id')
          .execute()) as Record<string, unknown>[],
      )
    },
  }
}
