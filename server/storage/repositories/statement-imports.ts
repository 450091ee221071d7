// Statement imports: the import row with its new lines inserted in one transaction (lines are unique
// per portal by their key, so a file's documents inserted again add nothing and count as duplicates),
// its counts and its end.
import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { BalanceCheck, StatementWarning } from '../../domain/statements/types.ts'
import type { StatementImportStatus, StatementLineStatus } from '../tables/statements.ts'
import { inTransaction } from '../transaction.ts'
import type { NewStatementLine } from './statement-lines.ts'

export interface StatementImport {
  id: number
  fileName: string
  format: string
  status: StatementImportStatus
  uploadedBy: string
  createdAt: Date
  finishedAt: Date | null
  documents: number
  incoming: number
  outgoing: number
  duplicates: number
  processed: number
  matched: number
  review: number
  balances: BalanceCheck[]
  warnings: StatementWarning[]
  error: string | null
}

const importCols = [
  'id',
  'file_name',
  'format',
  'status',
  'uploaded_by',
  'created_at',
  'finished_at',
  'documents',
  'incoming',
  'outgoing',
  'duplicates',
  'processed',
  'matched',
  'review',
  'balances',
  'warnings',
  'error',
] as const
type ImportRow = {
  id: number
  file_name: string
  format: string
  status: StatementImportStatus
  uploaded_by: string
  created_at: Date
  finished_at: Date | null
  documents: number
  incoming: number
  outgoing: number
  duplicates: number
  processed: number
  matched: number
  review: number
  balances: BalanceCheck[]
  warnings: (StatementWarning | string)[]
  error: string | null
}
const toImport = (r: ImportRow): StatementImport => ({
  id: Number(r.id),
  fileName: r.file_name,
  format: r.format,
  status: r.status,
  uploadedBy: r.uploaded_by,
  createdAt: new Date(r.created_at),
  finishedAt: r.finished_at ? new Date(r.finished_at) : null,
  documents: r.documents,
  incoming: r.incoming,
  outgoing: r.outgoing,
  duplicates: r.duplicates,
  processed: r.processed,
  matched: r.matched,
  review: r.review,
  balances: r.balances,
  warnings: r.warnings.map((w) => (typeof w === 'string' ? { code: 'text', line: null, params: { text: w } } : w)),
  error: r.error,
})

export function statementImportQueries(db: Db) {
  return {
    /** The import row and its new lines in one transaction; lines known from earlier imports are skipped. */
    async create(
      memberId: string,
      i: {
        fileName: string
        format: string
        sha256: string
        sizeBytes: number
        uploadedBy: string
        documents: number
        balances: BalanceCheck[]
        warnings: StatementWarning[]
      },
      lines: NewStatementLine[],
    ): Promise<StatementImport> {
      return inTransaction(db, async (tx) => {
        const imp = await tx
          .insertInto('statement_imports')
          .values({
            member_id: memberId,
            file_name: i.fileName,
            format: i.format,
            sha256: i.sha256,
            size_bytes: i.sizeBytes,
            uploaded_by: i.uploadedBy,
            documents: i.documents,
            balances: JSON.stringify(i.balances),
            warnings: JSON.stringify(i.warnings.slice(0, 200)),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        let inserted = { incoming: 0, outgoing: 0 }
        for (let k = 0; k < lines.length; k += 500) {
          const rows = await tx
            .insertInto('statement_lines')
            .values(
              lines.slice(k, k + 500).map((l) => ({
                member_id: memberId,
                import_id: Number(imp.id),
                line_key: l.lineKey,
                position: l.position,
                direction: l.direction,
                doc_number: l.docNumber.slice(0, 100),
                value_date: l.valueDate,
                amount: l.amount,
                payer_inn: l.payerInn,
                payer_kpp: l.payerKpp,
                payer_name: l.payerName.slice(0, 500),
                purpose: l.purpose.slice(0, 2000),
                status: (l.direction === 'incoming' ? 'pending' : 'skipped') as StatementLineStatus,
              })),
            )
            .onConflict((oc) => oc.columns(['member_id', 'line_key']).doNothing())
            .returning('direction')
            .execute()
          for (const r of rows)
            inserted =
              r.direction === 'incoming'
                ? { ...inserted, incoming: inserted.incoming + 1 }
                : { ...inserted, outgoing: inserted.outgoing + 1 }
        }
        const row = await tx
          .updateTable('statement_imports')
          .set({
            incoming: inserted.incoming,
            outgoing: inserted.outgoing,
            duplicates: lines.length - inserted.incoming - inserted.outgoing,
          })
          .where('id', '=', Number(imp.id))
          .returning(importCols)
          .executeTakeFirstOrThrow()
        return toImport(row as ImportRow)
      })
    },
    async get(memberId: string, id: number): Promise<StatementImport | null> {
      const r = await db
        .selectFrom('statement_imports')
        .select(importCols)
        .where('member_id', '=', memberId)
        .where('id', '=', id)
        .executeTakeFirst()
      return r ? toImport(r as ImportRow) : null
    },
    async recent(memberId: string, limit = 20): Promise<StatementImport[]> {
      const rows = await db
        .selectFrom('statement_imports')
        .select(importCols)
        .where('member_id', '=', memberId)
        .where('format', '<>', 'api')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((r) => toImport(r as ImportRow))
    },
    /** Progress and counts of an import, recomputed from its lines. */
    async refreshCounts(memberId: string, importId: number, finished: boolean): Promise<StatementImport> {
      const c = await db
        .selectFrom('statement_lines')
        .select([
          sql<number>`count(*) filter (where status <> 'pending' and direction = 'incoming' and duplicate_of is null)`.as(
            'processed',
          ),
          sql<number>`count(*) filter (where status in ('matched', 'assigned'))`.as('matched'),
          sql<number>`count(*) filter (where status = 'review')`.as('review'),
        ])
        .where('member_id', '=', memberId)
        .where('import_id', '=', importId)
        .executeTakeFirstOrThrow()
      const r = await db
        .updateTable('statement_imports')
        .set({
          processed: Number(c.processed),
          matched: Number(c.matched),
          review: Number(c.review),
          ...(finished ? { status: 'done' as const, finished_at: new Date() } : {}),
        })
        .where('member_id', '=', memberId)
        .where('id', '=', importId)
        .returning(importCols)
        .executeTakeFirstOrThrow()
      return toImport(r as ImportRow)
    },
    async fail(memberId: string, importId: number, error: string): Promise<void> {
      await db
        .updateTable('statement_imports')
        .set({ status: 'failed', error: error.slice(0, 1000), finished_at: new Date() })
        .where('member_id', '=', memberId)
        .where('id', '=', importId)
        .execute()
    },
  }
}
