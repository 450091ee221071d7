// A bank statement upload: parse (format and encoding from the bytes), check the balances, store
// the import with each document once per portal, and queue the matching of the new incoming lines.
// Parsing errors come back at once, with nothing stored. A new incoming line that repeats a payment
// already received through the payments API (same payer INN, order number and amount, dates within
// 5 days) is not recorded again: it is dismissed as a duplicate of that API line (one lookup per import).
import { createHash } from 'node:crypto'
import {
  API_DUPLICATE,
  CROSS_CHANNEL_DAYS,
  checkBalances,
  lineKey,
  pairCrossChannel,
  parseStatement,
  type ParsedStatement,
} from '../../domain/statements/index.ts'
import { jobKeys } from '../effect-keys.ts'
import {
  statementsRepository,
  type NewStatementLine,
  type StatementImport,
  type StatementsRepository,
} from '../../storage/repositories/statements.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/create-receivable.ts'
import { LedgerError } from '../receivables/ledger-error.ts'

export const STATEMENT_MATCH_JOB = 'statement-match'
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024
export interface StatementMatchJobData {
  memberId: string
  importId: number
}

const keyHash = (k: string) => createHash('sha256').update(k).digest('hex').slice(0, 32)

export function statementLines(parsed: ParsedStatement): NewStatementLine[] {
  return parsed.documents.map((d) => ({
    lineKey: keyHash(lineKey(d)),
    position: d.index,
    direction: d.direction,
    docNumber: d.number,
    valueDate: d.valueDate,
    amount: d.amount,
    payerInn: d.payer.inn,
    payerKpp: d.payer.kpp,
    payerName: d.payer.name,
    purpose: d.purpose,
  }))
}

/** The name to store: no directories, no control characters (NUL would fail the insert), up to 200 characters. */
export function safeFileName(raw: unknown): string {
  const name =
    typeof raw === 'string'
      ? raw
          // eslint-disable-next-line no-control-regex -- control characters are what this strips from a file name
          .replace(/[\u0000-\u001f\u007f]/g, '')
          .replace(/^.*[\\/]/, '')
          .trim()
          .slice(0, 200)
      : ''
  return name && name !== '.' && name !== '..' ? name : 'statement.txt'
}

export async function importStatement(
  ports: ReceivablesPorts,
  who: Actor,
  file: { fileName: unknown; bytes: Uint8Array },
): Promise<{ import: StatementImport; parsed: ParsedStatement }> {
  const fileName = safeFileName(file.fileName)
  if (file.bytes.byteLength === 0) throw new LedgerError('invalid', 'statement.empty', 'the file is empty')
  if (file.bytes.byteLength > MAX_STATEMENT_BYTES)
    throw new LedgerError(
      'invalid',
      'statement.too-large',
      `the file is larger than ${MAX_STATEMENT_BYTES / 1024 / 1024} MB`,
    )
  const parsed = parseStatement(file.bytes)
  const balances = checkBalances(parsed)
  const lines = statementLines(parsed)
  const repo = statementsRepository(ports.db)
  const stored = await repo.create(
    who.memberId,
    {
      fileName,
      format: parsed.format,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      sizeBytes: file.bytes.byteLength,
      uploadedBy: who.actor,
      documents: parsed.documents.length,
      balances,
      warnings: parsed.warnings,
    },
    lines,
  )
  const { imp, apiDuplicates } = await skipApiDuplicates(repo, who.memberId, stored)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'statement.imported',
    entity: 'statement',
    entityId: String(imp.id),
    details: {
      fileName,
      format: parsed.format,
      documents: parsed.documents.length,
      incoming: imp.incoming,
      duplicates: imp.duplicates,
      apiDuplicates,
      balancesOk: balances.every((b) => b.ok),
    },
  })
  await ports.send(STATEMENT_MATCH_JOB, { memberId: who.memberId, importId: imp.id } satisfies StatementMatchJobData, {
    key: jobKeys.statementMatch(who.memberId, imp.id),
    memberId: who.memberId,
  })
  return { import: imp, parsed }
}

/** The new incoming lines that repeat an API payment are dismissed as its duplicates before the matching job sees them. */
async function skipApiDuplicates(
  repo: StatementsRepository,
  memberId: string,
  imp: StatementImport,
): Promise<{ imp: StatementImport; apiDuplicates: number }> {
  if (imp.incoming === 0) return { imp, apiDuplicates: 0 }
  const pairs = pairCrossChannel(await repo.apiLinesForImport(memberId, imp.id, CROSS_CHANNEL_DAYS))
  const apiDuplicates = await repo.markApiDuplicates(memberId, imp.id, pairs, API_DUPLICATE)
  return { imp: apiDuplicates ? ((await repo.get(memberId, imp.id)) ?? imp) : imp, apiDuplicates }
}
