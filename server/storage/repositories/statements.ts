// Statement imports and their lines. Lines are unique per portal by their key: inserting a file's
// documents again inserts nothing, and the caller learns how many were already known.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { BalanceCheck } from '../../domain/statements/types.ts'
import type { LineAllocation, StatementImportStatus, StatementLineStatus } from '../tables/statements.ts'
import { dayOrNull } from './ledger-sql.ts'
import { inTransaction } from '../transaction.ts'
import { crossChannelQueries } from './statement-cross-channel.ts'

export type { LineAllocation, StatementLineStatus }

export interface StatementImport {
  id: number; fileName: string; format: string; status: StatementImportStatus; uploadedBy: string; createdAt: Date; finishedAt: Date | null
  documents: number; incoming: number; outgoing: number; duplicates: number; processed: number; matched: number; review: number
  balances: BalanceCheck[]; warnings: string[]; error: string | null
}
export interface NewStatementLine {
  lineKey: string; position: number; direction: 'incoming' | 'outgoing' | 'unknown'; docNumber: string; valueDate: string | null; amount: number
  payerInn: string | null; payerKpp: string | null; payerName: string; purpose: string
}
export interface StatementLine extends NewStatementLine {
  id: number; importId: number; status: StatementLineStatus; rule: string | null; reason: string | null; counterpartyId: number | null
  candidates: number[]; allocations: LineAllocation[]; resolvedBy: string | null
  /** the API line this statement line repeats (the same payment through the other channel) */
  duplicateOf: number | null
}


const importCols = ['id', 'file_name', 'format', 'status', 'uploaded_by', 'created_at', 'finished_at', 'documents', 'incoming', 'outgoing', 'duplicates', 'processed', 'matched', 'review', 'balances', 'warnings', 'error'] as const
type ImportRow = { id: number; file_name: string; format: string; status: StatementImportStatus; uploaded_by: string; created_at: Date; finished_at: Date | null; documents: number; incoming: number; outgoing: number; duplicates: number; processed: number; matched: number; review: number; balances: BalanceCheck[]; warnings: string[]; error: string | null }
const toImport = (r: ImportRow): StatementImport => ({
  id: Number(r.id), fileName: r.file_name, format: r.format, status: r.status, uploadedBy: r.uploaded_by, createdAt: new Date(r.created_at), finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  documents: r.documents, incoming: r.incoming, outgoing: r.outgoing, duplicates: r.duplicates, processed: r.processed, matched: r.matched, review: r.review,
  balances: r.balances, warnings: r.warnings, error: r.error,
})

export function statementsRepository(db: Db) {
  const lineQuery = () => db.selectFrom('statement_lines').select(['id', 'import_id', 'line_key', 'position', 'direction', 'doc_number', dayOrNull('value_date').as('value_date'), 'amount', 'payer_inn', 'payer_kpp', 'payer_name', 'purpose', 'status', 'rule', 'reason', 'counterparty_id', 'candidates', 'allocations', 'resolved_by', 'duplicate_of'])
  type LineRow = Awaited<ReturnType<ReturnType<typeof lineQuery>['execute']>>[number]
  const toLine = (r: LineRow): StatementLine => ({
    id: Number(r.id), importId: Number(r.import_id), lineKey: r.line_key, position: r.position, direction: r.direction, docNumber: r.doc_number, valueDate: r.value_date,
    amount: Number(r.amount), payerInn: r.payer_inn, payerKpp: r.payer_kpp, payerName: r.payer_name, purpose: r.purpose, status: r.status, rule: r.rule, reason: r.reason,
    counterpartyId: r.counterparty_id === null ? null : Number(r.counterparty_id), candidates: r.candidates, allocations: r.allocations, resolvedBy: r.resolved_by,
    duplicateOf: r.duplicate_of === null ? null : Number(r.duplicate_of),
  })
  return {
    /** The import row and its new lines in one transaction; lines known from earlier imports are skipped. */
    async create(memberId: string, i: { fileName: string; format: string; sha256: string; sizeBytes: number; uploadedBy: string; documents: number; balances: BalanceCheck[]; warnings: string[] }, lines: NewStatementLine[]): Promise<StatementImport> {
      return inTransaction(db, async (tx) => {
        const imp = await tx.insertInto('statement_imports').values({
          member_id: memberId, file_name: i.fileName, format: i.format, sha256: i.sha256, size_bytes: i.sizeBytes, uploaded_by: i.uploadedBy,
          documents: i.documents, balances: JSON.stringify(i.balances), warnings: JSON.stringify(i.warnings.slice(0, 200)),
        }).returning('id').executeTakeFirstOrThrow()
        let inserted = { incoming: 0, outgoing: 0 }
        for (let k = 0; k < lines.length; k += 500) {
          const rows = await tx.insertInto('statement_lines').values(lines.slice(k, k + 500).map((l) => ({
            member_id: memberId, import_id: Number(imp.id), line_key: l.lineKey, position: l.position, direction: l.direction, doc_number: l.docNumber.slice(0, 100),
            value_date: l.valueDate, amount: l.amount, payer_inn: l.payerInn, payer_kpp: l.payerKpp, payer_name: l.payerName.slice(0, 500), purpose: l.purpose.slice(0, 2000),
            status: (l.direction === 'incoming' ? 'pending' : 'skipped') as StatementLineStatus,
          }))).onConflict((oc) => oc.columns(['member_id', 'line_key']).doNothing()).returning('direction').execute()
          for (const r of rows) inserted = r.direction === 'incoming' ? { ...inserted, incoming: inserted.incoming + 1 } : { ...inserted, outgoing: inserted.outgoing + 1 }
        }
        const row = await tx.updateTable('statement_imports').set({ incoming: inserted.incoming, outgoing: inserted.outgoing, duplicates: lines.length - inserted.incoming - inserted.outgoing })
          .where('id', '=', Number(imp.id)).returning(importCols).executeTakeFirstOrThrow()
        return toImport(row as ImportRow)
      })
    },
    async get(memberId: string, id: number): Promise<StatementImport | null> {
      const r = await db.selectFrom('statement_imports').select(importCols).where('member_id', '=', memberId).where('id', '=', id).executeTakeFirst()
      return r ? toImport(r as ImportRow) : null
    },
    async recent(memberId: string, limit = 20): Promise<StatementImport[]> {
      const rows = await db.selectFrom('statement_imports').select(importCols).where('member_id', '=', memberId).where('format', '<>', 'api').orderBy('id', 'desc').limit(limit).execute()
      return rows.map((r) => toImport(r as ImportRow))
    },
    async lineByKey(memberId: string, lineKey: string): Promise<StatementLine | null> {
      const r = await lineQuery().where('member_id', '=', memberId).where('line_key', '=', lineKey).executeTakeFirst()
      return r ? toLine(r) : null
    },
    async pendingLines(memberId: string, importId: number): Promise<StatementLine[]> {
      return (await lineQuery().where('member_id', '=', memberId).where('import_id', '=', importId).where('status', '=', 'pending').orderBy('position').execute()).map(toLine)
    },
    async line(memberId: string, id: number, o: { forUpdate?: boolean } = {}): Promise<StatementLine | null> {
      let q = lineQuery().where('member_id', '=', memberId).where('id', '=', id)
      if (o.forUpdate) q = q.forUpdate()
      const r = await q.executeTakeFirst()
      return r ? toLine(r) : null
    },
    async lines(memberId: string, o: { status?: StatementLineStatus; importId?: number; limit?: number; afterId?: number }): Promise<StatementLine[]> {
      let q = lineQuery().where('member_id', '=', memberId)
      if (o.status) q = q.where('status', '=', o.status)
      if (o.importId) q = q.where('import_id', '=', o.importId)
      if (o.afterId) q = q.where('id', '>', o.afterId)
      return (await q.orderBy('id').limit(o.limit ?? 200).execute()).map(toLine)
    },
    async countByStatus(memberId: string, status: StatementLineStatus): Promise<number> {
      const r = await db.selectFrom('statement_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('member_id', '=', memberId).where('status', '=', status).executeTakeFirstOrThrow()
      return Number(r.n)
    },
    async decide(memberId: string, id: number, d: { status: StatementLineStatus; rule?: string | null; reason?: string | null; counterpartyId?: number | null; candidates?: number[]; allocations?: LineAllocation[]; resolvedBy?: string }): Promise<void> {
      await db.updateTable('statement_lines').set({
        status: d.status, rule: d.rule ?? null, reason: d.reason ?? null, counterparty_id: d.counterpartyId ?? null,
        candidates: JSON.stringify(d.candidates ?? []), allocations: JSON.stringify(d.allocations ?? []),
        ...(d.resolvedBy ? { resolved_by: d.resolvedBy, resolved_at: new Date() } : {}),
      }).where('member_id', '=', memberId).where('id', '=', id).execute()
    },
    /** The decision of a pending line, saved before its payments are recorded. */
    async plan(memberId: string, id: number, d: { rule: string; counterpartyId: number | null; allocations: LineAllocation[] }): Promise<void> {
      await db.updateTable('statement_lines').set({ rule: d.rule, counterparty_id: d.counterpartyId, allocations: JSON.stringify(d.allocations) })
        .where('member_id', '=', memberId).where('id', '=', id).where('status', '=', 'pending').execute()
    },
    /** Progress and counts of an import, recomputed from its lines. */
    async refreshCounts(memberId: string, importId: number, finished: boolean): Promise<StatementImport> {
      const c = await db.selectFrom('statement_lines').select([
        sql<number>`count(*) filter (where status <> 'pending' and direction = 'incoming' and duplicate_of is null)`.as('processed'),
        sql<number>`count(*) filter (where status in ('matched', 'assigned'))`.as('matched'),
        sql<number>`count(*) filter (where status = 'review')`.as('review'),
      ]).where('member_id', '=', memberId).where('import_id', '=', importId).executeTakeFirstOrThrow()
      const r = await db.updateTable('statement_imports').set({
        processed: Number(c.processed), matched: Number(c.matched), review: Number(c.review),
        ...(finished ? { status: 'done' as const, finished_at: new Date() } : {}),
      }).where('member_id', '=', memberId).where('id', '=', importId).returning(importCols).executeTakeFirstOrThrow()
      return toImport(r as ImportRow)
    },
    ...crossChannelQueries(db),
    /** Incoming bank-statement lines (not API ones) of this payer and amount dated within `days` of the day: the same payment may be among them. */
    async statementLinesNear(memberId: string, p: { payerInn: string; amount: number; date: string; days: number }): Promise<StatementLine[]> {
      return (await lineQuery().where('member_id', '=', memberId).where('payer_inn', '=', p.payerInn).where('amount', '=', p.amount).where('direction', '=', 'incoming')
        .where(sql<boolean>`value_date between ${p.date}::date - ${p.days}::int and ${p.date}::date + ${p.days}::int`)
        .where('import_id', 'in', db.selectFrom('statement_imports').select('id').where('member_id', '=', memberId).where('format', '<>', 'api'))
        .orderBy('id').limit(50).execute()).map(toLine)
    },
    async fail(memberId: string, importId: number, error: string): Promise<void> {
      await db.updateTable('statement_imports').set({ status: 'failed', error: error.slice(0, 1000), finished_at: new Date() }).where('member_id', '=', memberId).where('id', '=', importId).execute()
    },
  }
}
export type StatementsRepository = ReturnType<typeof statementsRepository>
