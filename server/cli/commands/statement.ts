// `npm run cli -- statement parse <file> [--json]`: reads a bank statement (1CClientBankExchange
// in UTF-8 / Windows-1251 / CP866, camt.053 or MT940) and prints its documents and the balance check.
// Amounts are kopecks in JSON; exit code 1 when the file cannot be read, 3 when balances disagree.
// `statement import <file> --portal <member_id> [--match] [--json]` stores it (statement-import.ts).
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import type { CliIo } from '../main.ts'
import { checkBalances, parseStatement, StatementError } from '../../domain/statements/index.ts'
import { statementMessageLine } from '../../../contracts/statement-messages.ts'

const usage =
  "usage: statement parse <file> [--json]\n       statement import <file> --portal <member_id> [--match] [--json]   (opens the app's database; with PGlite stop the app first)"
const rub = (k: number) => (k / 100).toFixed(2)

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, portal: { type: 'string' }, match: { type: 'boolean' } },
    })
  } catch (e) {
    io.err(`${(e as Error).message}\n${usage}`)
    return 2
  }
  const [verb, file] = parsed.positionals
  if (
    (verb !== 'parse' && verb !== 'import') ||
    !file ||
    (verb === 'import' ? !parsed.values.portal : parsed.values.portal !== undefined || parsed.values.match)
  ) {
    io.err(usage)
    return 2
  }
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (e) {
    io.err(`cannot read ${file}: ${(e as Error).message}`)
    return 1
  }
  if (verb === 'import')
    return importInto(
      parsed.values.portal!,
      basename(file),
      bytes,
      parsed.values.match === true,
      parsed.values.json === true,
      io,
    )
  try {
    const s = parseStatement(bytes)
    const balances = checkBalances(s)
    const documents = s.documents.map((d) => ({
      index: d.index,
      line: d.line,
      statement: d.statement,
      kind: d.kind,
      number: d.number,
      direction: d.direction,
      date: d.date,
      valueDate: d.valueDate,
      amount: d.amount,
      payer: {
        name: d.payer.name,
        inn: d.payer.inn,
        innValid: d.payer.innValid,
        kpp: d.payer.kpp,
        account: d.payer.account,
      },
      payee: { name: d.payee.name, inn: d.payee.inn, account: d.payee.account },
      purpose: d.purpose,
    }))
    if (parsed.values.json) {
      io.out(
        JSON.stringify(
          {
            format: s.format,
            version: s.version,
            encoding: s.encoding,
            period: s.period,
            accounts: s.accounts,
            balances,
            documents,
            warnings: s.warnings,
          },
          null,
          2,
        ),
      )
    } else {
      io.out(
        `${s.format} ${s.version ?? ''} (${s.encoding}), ${s.period.from ?? '?'} – ${s.period.to ?? '?'}, ${documents.length} documents`,
      )
      for (const d of documents)
        io.out(
          `${String(d.index).padStart(5)}  ${d.direction.padEnd(8)} ${d.valueDate ?? '          '}  ${rub(d.amount).padStart(14)}  ${(d.payer.inn ?? '').padEnd(12)}  ${d.purpose.slice(0, 70)}`,
        )
      for (const b of balances) io.out(`${b.ok ? 'OK  ' : 'FAIL'} ${b.message}`)
      for (const w of s.warnings) io.out(`warning: ${statementMessageLine(w, 'en')}`)
    }
    return balances.every((b) => b.ok) ? 0 : 3
  } catch (e) {
    if (e instanceof StatementError) {
      io.err(`${e.code}${e.line ? ` (line ${e.line})` : ''}: ${e.message}`)
      return 1
    }
    throw e
  }
}

async function importInto(
  memberId: string,
  fileName: string,
  bytes: Uint8Array,
  match: boolean,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const [{ loadConfig }, { createLogger }, { createContext }, { wire }, { importStatementFile }] = await Promise.all([
    import('../../config.ts'),
    import('../../lib/logger.ts'),
    import('../../create-context.ts'),
    import('../../wiring.ts'),
    import('./statement-import.ts'),
  ])
  const ctx = wire(await createContext(loadConfig(), createLogger({ log: { level: 'warn', pretty: false } })))
  try {
    return await importStatementFile(ctx, io, { memberId, fileName, bytes, match, json })
  } finally {
    await ctx.close()
  }
}
