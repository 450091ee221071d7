// statement_*: a 10,000-line 1CClientBankExchange file (Windows-1251) parsed and matched against
// 100,000 open receivables of 20,000 counterparties: parse, index load from the database (PGlite
// in memory, the default storage), and the matching itself. Target: under 5 s in all. The same
// 10,000 payments as camt.053 and MT940 files: parse + index + match each under 5 s. Then the
// cross-channel check of the same 10,000 stored lines against 1,000 payments received through the API
// (one lookup per import, not one per line).
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { openDatabase } from '../server/storage/database.ts'
import { migrate } from '../server/storage/migrate.ts'
import { portalsRepository } from '../server/storage/repositories/portals.ts'
import {
  API_DUPLICATE,
  CROSS_CHANNEL_DAYS,
  matchPayment,
  pairCrossChannel,
  parseStatement,
} from '../server/domain/statements/index.ts'
import { statementsRepository } from '../server/storage/repositories/statements.ts'
import { statementLines } from '../server/use-cases/statements/import-statement.ts'
import { apiPaymentKey } from '../server/use-cases/statements/receive-api-payment.ts'
import { loadMatchIndex } from '../server/use-cases/statements/statement-match-index.ts'
import type { ReceivablesPorts } from '../server/use-cases/receivables/receivables-ports.ts'
import { benchInn, benchPayments, camtFile, mt940File, oneCFile } from './lib/statement-files.ts'
import type { MatchIndex } from '../server/domain/statements/index.ts'
import type { Metric } from './lib/metrics.ts'

const RECEIVABLES = 100_000
const COUNTERPARTIES = 20_000
const LINES = 10_000
const payments = benchPayments(LINES, COUNTERPARTIES)

function matchAll(ix: MatchIndex, parsed: ReturnType<typeof parseStatement>): number {
  let matched = 0
  for (const d of parsed.documents) {
    const line = {
      amount: d.amount,
      date: d.valueDate ?? '2024-12-02',
      payerInn: d.payer.inn,
      payerKpp: d.payer.kpp,
      purpose: d.purpose,
    }
    if (matchPayment(ix, line).status === 'matched') matched++
  }
  return matched
}

export async function benchStatementMatch(): Promise<Metric[]> {
  const database = await openDatabase({ url: null, dataDir: 'memory://' })
  await migrate(database)
  await portalsRepository(database.db, 'x'.repeat(32)).upsert({
    memberId: 'm',
    domain: 'b.test',
    clientEndpoint: 'https://b.test/rest/',
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    applicationToken: 't',
    licenceFamily: null,
    appVersion: '1',
  })
  for (let g = 1; g <= COUNTERPARTIES; g += 2000)
    await database.db
      .insertInto('counterparties')
      .values(
        Array.from({ length: Math.min(2000, COUNTERPARTIES - g + 1) }, (_, k) => ({
          member_id: 'm',
          entity_type: 'company',
          entity_id: g + k,
          name: `ООО Клиент ${g + k}`,
          inn: benchInn(g + k),
        })),
      )
      .execute()
  await sql`INSERT INTO receivables (member_id, counterparty_id, invoice_number, invoice_date, due_date, effective_due_date, amount, created_by, created_source)
    SELECT 'm', c.id, 'N-' || g, DATE '2024-11-01', DATE '2024-12-01', DATE '2024-12-01', ((g % 900) + 100) * 100, 'bench', 'bench'
    FROM generate_series(1, ${RECEIVABLES}) g JOIN counterparties c ON c.entity_id = ((g - 1) / 5) + 1`.execute(
    database.db,
  )
  const bytes = oneCFile(payments)
  const t0 = performance.now()
  const parsed = parseStatement(bytes)
  const t1 = performance.now()
  const ix = await loadMatchIndex({ db: database.db } as ReceivablesPorts, 'm')
  const t2 = performance.now()
  const matched = matchAll(ix, parsed)
  const t3 = performance.now()
  const others: Metric[] = []
  for (const [format, file] of [
    ['camt053', camtFile(payments)],
    ['mt940', mt940File(payments)],
  ] as const) {
    const s0 = performance.now()
    const p = parseStatement(file)
    const s1 = performance.now()
    const n = matchAll(await loadMatchIndex({ db: database.db } as ReceivablesPorts, 'm'), p)
    const s2 = performance.now()
    if (p.documents.length !== LINES || p.format !== format)
      throw new Error(`${format}: ${p.documents.length} documents`)
    if (n !== matched) throw new Error(`${format}: ${n} matched, 1C ${matched}`)
    others.push({
      name: `statement_${format}_parse_and_match_10k`,
      value: (s2 - s0) / 1000,
      unit: 's',
      target: '< 5 s',
      note: `${(file.byteLength / 1024 / 1024).toFixed(1)} MB, parse ${((s1 - s0) / 1000).toFixed(2)} s, ${n} matched`,
    })
  }
  // every 10th document was reported through the API first (its number with a leading zero, the order dated a day earlier)
  const repo = statementsRepository(database.db)
  const api = parsed.documents.filter((_, i) => i % 10 === 0)
  await repo.create(
    'm',
    {
      fileName: 'API',
      format: 'api',
      sha256: 'x',
      sizeBytes: 0,
      uploadedBy: 'bench',
      documents: api.length,
      balances: [],
      warnings: [],
    },
    api.map((d, i) => ({
      lineKey: apiPaymentKey(`0${d.number}`, d.payer.inn),
      position: i + 1,
      direction: 'incoming' as const,
      docNumber: `0${d.number}`,
      valueDate: '2024-12-01',
      amount: d.amount,
      payerInn: d.payer.inn,
      payerKpp: null,
      payerName: '',
      purpose: '',
    })),
  )
  const imp = await repo.create(
    'm',
    {
      fileName: 'bench.txt',
      format: '1c',
      sha256: 'y',
      sizeBytes: bytes.byteLength,
      uploadedBy: 'bench',
      documents: LINES,
      balances: [],
      warnings: [],
    },
    statementLines(parsed),
  )
  const t4 = performance.now()
  const pairs = pairCrossChannel(await repo.apiLinesForImport('m', imp.id, CROSS_CHANNEL_DAYS))
  const marked = await repo.markApiDuplicates('m', imp.id, pairs, API_DUPLICATE)
  const t5 = performance.now()
  await database.close()
  if (marked !== api.length) throw new Error(`marked ${marked} of ${api.length} API duplicates`)
  if (parsed.documents.length !== LINES) throw new Error(`parsed ${parsed.documents.length} of ${LINES} documents`)
  const total = (t3 - t0) / 1000
  return [
    {
      name: 'statement_parse_10k_lines',
      value: t1 - t0,
      unit: 'ms',
      note: `${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, Windows-1251`,
    },
    {
      name: 'statement_index_load_100k',
      value: t2 - t1,
      unit: 'ms',
      note: 'open receivables + counterparties from PGlite',
    },
    {
      name: 'statement_match_10k',
      value: t3 - t2,
      unit: 'ms',
      note: `${matched} matched, ${LINES - matched} for review`,
    },
    { name: 'statement_parse_and_match_total', value: total, unit: 's', target: '< 5 s' },
    {
      name: 'statement_10k_ms',
      value: total * 1000,
      unit: 'ms',
      target: '< 5000 ms',
      note: 'parse + index + match, as above',
    },
    {
      name: 'statement_api_duplicates_10k',
      value: t5 - t4,
      unit: 'ms',
      target: '< 1000 ms',
      note: `one lookup for ${LINES} stored lines against ${api.length} API payments, ${marked} marked`,
    },
    ...others,
  ]
}
