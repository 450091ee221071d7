// `statement import <file> --portal <member_id> [--match] [--json]`: the upload of the admin page from
// a shell. The import is stored and its matching job queued exactly as for an upload (the app's
// worker matches it); --match also matches it in this process, for when the app is stopped
// (embedded PGlite: one process at a time). Matching twice records nothing twice.
import { statementMessageLine } from '../../../contracts/statement-messages.ts'
import { userInfo } from 'node:os'
import type { CliIo } from '../main.ts'
import type { AppContext } from '../../context.ts'
import { StatementError } from '../../domain/statements/index.ts'
import { importStatement } from '../../use-cases/statements/import-statement.ts'
import { matchStatement } from '../../use-cases/statements/match-statement.ts'
import { receivablesPorts } from '../../use-cases/receivables/receivables-ports.ts'
import { dunningPorts } from '../../use-cases/dunning/dunning-ports.ts'
import { LedgerError } from '../../use-cases/receivables/ledger-error.ts'
import type { StatementImport } from '../../storage/repositories/statements.ts'

export interface StatementImportOptions {
  memberId: string
  fileName: string
  bytes: Uint8Array
  match: boolean
  json: boolean
  actor?: string
}

const summary = (i: StatementImport) => ({
  id: i.id,
  fileName: i.fileName,
  format: i.format,
  status: i.status,
  documents: i.documents,
  incoming: i.incoming,
  outgoing: i.outgoing,
  duplicates: i.duplicates,
  matched: i.matched,
  review: i.review,
  balances: i.balances,
  warnings: i.warnings,
})

/** Imports one file into one portal; exit code 0, 1 (unreadable file / unknown portal), 3 (balances disagree). */
export async function importStatementFile(ctx: AppContext, io: CliIo, o: StatementImportOptions): Promise<number> {
  if (!(await ctx.repos.portals.get(o.memberId))) {
    io.err(`unknown portal ${o.memberId}`)
    return 1
  }
  const who = { memberId: o.memberId, actor: o.actor ?? `cli:${userInfo().username}`, source: 'cli' }
  let imp: StatementImport
  try {
    imp = (await importStatement(receivablesPorts(ctx), who, { fileName: o.fileName, bytes: o.bytes })).import
  } catch (e) {
    if (e instanceof StatementError || e instanceof LedgerError) {
      io.err(`${e.code}: ${e.message}`)
      return 1
    }
    throw e
  }
  if (o.match) imp = (await matchStatement(dunningPorts(ctx), o.memberId, imp.id)) ?? imp
  if (o.json) io.out(JSON.stringify(summary(imp), null, 2))
  else {
    io.out(
      `import ${imp.id} "${imp.fileName}" (${imp.format}): ${imp.documents} documents, ${imp.incoming} new incoming, ${imp.outgoing} outgoing, ${imp.duplicates} already imported`,
    )
    io.out(
      o.match
        ? `matched ${imp.matched}, waiting for review ${imp.review}`
        : 'matching is queued: the app matches the lines when it runs (or import with --match while it is stopped)',
    )
    for (const b of imp.balances) io.out(`${b.ok ? 'OK  ' : 'FAIL'} ${b.message}`)
    for (const w of imp.warnings) io.out(`warning: ${statementMessageLine(w, 'en')}`)
  }
  return imp.balances.every((b) => b.ok) ? 0 : 3
}
