// Reads for the statements section: recent imports with their progress, and the review queue with
// each line's candidate receivables (number, date, what is still due, the debtor's name).
import { sql } from 'kysely'
import { balancesAllowRecording } from '../../domain/statements/index.ts'
import {
  statementsRepository,
  type StatementImport,
  type StatementLine,
} from '../../storage/repositories/statements.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { CandidateDto, StatementImportDto, StatementLineDto } from '../../../contracts/statements.ts'
import { day } from '../../storage/repositories/ledger-sql.ts'

export const toImportDto = (i: StatementImport): StatementImportDto => ({
  id: i.id,
  fileName: i.fileName,
  format: i.format,
  status: i.status,
  uploadedBy: i.uploadedBy,
  createdAt: i.createdAt.toISOString(),
  documents: i.documents,
  incoming: i.incoming,
  outgoing: i.outgoing,
  duplicates: i.duplicates,
  processed: i.processed,
  matched: i.matched,
  review: i.review,
  balances: i.balances.map((b) => ({
    account: b.account,
    ok: b.ok,
    difference: b.difference,
    message: b.message,
    ...(b.statement !== undefined ? { statement: b.statement } : {}),
    ...(b.code ? { code: b.code, params: b.params ?? {} } : {}),
  })),
  warnings: i.warnings.slice(0, 200),
  balancesFailed: !balancesAllowRecording(i.balances),
  error: i.error,
})

export async function readStatementLines(
  ports: Pick<ReceivablesPorts, 'db'>,
  memberId: string,
  lines: StatementLine[],
): Promise<StatementLineDto[]> {
  const ids = [...new Set(lines.flatMap((l) => [...l.candidates, ...l.allocations.map((a) => a.receivableId)]))]
  const rows = ids.length
    ? await ports.db
        .selectFrom('receivables as r')
        .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
        .select([
          'r.id',
          'r.invoice_number',
          day('r.invoice_date').as('invoice_date'),
          sql<number>`greatest(r.amount - r.paid, 0)`.as('remaining'),
          'c.name',
        ])
        .where('r.member_id', '=', memberId)
        .where('r.id', 'in', ids)
        .execute()
    : []
  const byId = new Map<number, CandidateDto>(
    rows.map((r) => [
      Number(r.id),
      {
        receivableId: Number(r.id),
        invoiceNumber: r.invoice_number,
        invoiceDate: r.invoice_date,
        remaining: Number(r.remaining),
        counterpartyName: r.name,
      },
    ]),
  )
  return lines.map((l) => ({
    id: l.id,
    importId: l.importId,
    docNumber: l.docNumber,
    valueDate: l.valueDate,
    amount: l.amount,
    payerName: l.payerName,
    payerInn: l.payerInn,
    purpose: l.purpose,
    status: l.status,
    rule: l.rule,
    reason: l.reason,
    allocations: l.allocations,
    duplicateOf: l.duplicateOf,
    candidates: l.candidates.map((id) => byId.get(id)).filter((c): c is CandidateDto => c !== undefined),
  }))
}

export async function readReviewQueue(
  ports: Pick<ReceivablesPorts, 'db'>,
  memberId: string,
  o: { afterId?: number; limit?: number; importId?: number },
) {
  const repo = statementsRepository(ports.db)
  const [lines, waiting] = await Promise.all([
    repo.lines(memberId, { status: 'review', afterId: o.afterId, limit: o.limit ?? 100, importId: o.importId }),
    repo.countByStatus(memberId, 'review'),
  ])
  return { lines: await readStatementLines(ports, memberId, lines), waiting }
}
