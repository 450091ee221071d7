// Seeds a database for the healthz-under-load bench: a portal whose REST endpoint refuses connections
// (a portal call fails fast), counterparties and receivables, then either one statement import of N
// incoming lines waiting for its matching job, or a backlog of receivable-mirror jobs that fail.
import { sql } from 'kysely'
import { openDatabase } from '../../server/storage/database.ts'
import { migrate } from '../../server/storage/migrate.ts'
import { portalsRepository } from '../../server/storage/repositories/portals.ts'
import { statementsRepository } from '../../server/storage/repositories/statements.ts'
import { createQueue } from '../../server/jobs/queue.ts'
import { jobTasks } from '../../server/jobs/tasks/index.ts'
import { createLogger } from '../../server/lib/logger.ts'
import { STATEMENT_MATCH_JOB } from '../../server/use-cases/statements/import-statement.ts'
import { RECEIVABLE_MIRROR_JOB } from '../../server/use-cases/receivables/enqueue-mirror.ts'

export const MEMBER = 'bench-load'
const inn = (cp: number) => String(7_700_000_000 + cp)

export interface LoadSeed {
  url: string | null
  dataDir: string
  /** Incoming lines of one statement import waiting for its matching job. */
  lines?: number
  /** Receivable-mirror jobs waiting (each fails: no smart process is installed in the portal). */
  backlog?: number
}

export async function seedLoad(s: LoadSeed): Promise<void> {
  const database = await openDatabase({ url: s.url, dataDir: s.dataDir })
  await migrate(database)
  const portals = portalsRepository(database.db, 'bench-secret-key-bench-secret-key-00')
  await portals.upsert({
    memberId: MEMBER,
    domain: '127.0.0.1:9',
    clientEndpoint: 'http://127.0.0.1:9/rest/',
    serverEndpoint: 'http://127.0.0.1:9/rest/',
    applicationToken: 'bench-app-token',
    licenceFamily: null,
    appVersion: '1',
  })
  await portals.saveTokens(MEMBER, {
    accessToken: 'bench-access',
    refreshToken: 'bench-refresh',
    expiresAt: new Date(Date.now() + 3600_000),
    userId: 1,
    scope: 'crm',
  })
  const receivables = Math.max(s.lines ?? 0, s.backlog ?? 0, 100)
  const counterparties = Math.ceil(receivables / 5)
  await sql`INSERT INTO counterparties (member_id, entity_type, entity_id, name, inn) SELECT ${MEMBER}, 'company', g, 'ООО Клиент ' || g, (7700000000 + g)::text FROM generate_series(1, ${counterparties}) g`.execute(
    database.db,
  )
  await sql`INSERT INTO receivables (member_id, counterparty_id, invoice_number, invoice_date, due_date, effective_due_date, amount, created_by, created_source)
    SELECT ${MEMBER}, c.id, 'N-' || g, DATE '2024-11-01', DATE '2024-12-01', DATE '2024-12-01', ((g % 900) + 100) * 100, 'bench', 'bench'
    FROM generate_series(1, ${receivables}) g JOIN counterparties c ON c.member_id = ${MEMBER} AND c.entity_id = ((g - 1) / 5) + 1`.execute(
    database.db,
  )
  const queue = await createQueue({
    database,
    log: createLogger({ log: { level: 'warn', pretty: false } }),
    definitions: jobTasks.map((t) => t.definition),
  })
  if (s.lines) {
    const n = s.lines
    const imp = await statementsRepository(database.db).create(
      MEMBER,
      {
        fileName: `bench-${n}.txt`,
        format: '1c',
        sha256: 'bench',
        sizeBytes: 0,
        uploadedBy: 'bench',
        documents: n,
        balances: [],
        warnings: [],
      },
      Array.from({ length: n }, (_, i) => {
        const rec = i + 1
        const cp = Math.floor(i / 5) + 1
        const byInvoice = i % 4 !== 3 // three lines in four name the invoice, the fourth waits for review
        return {
          lineKey: `bench-${i}`,
          position: i + 1,
          direction: 'incoming' as const,
          docNumber: String(i + 1),
          valueDate: '2024-12-02',
          amount: byInvoice ? ((rec % 900) + 100) * 100 : 12345,
          payerInn: inn(cp),
          payerKpp: null,
          payerName: `ООО Клиент ${cp}`,
          purpose: byInvoice ? `Оплата по счету № N-${rec} от 01.11.2024` : 'Оплата по договору',
        }
      }),
    )
    await queue.send(STATEMENT_MATCH_JOB, { memberId: MEMBER, importId: imp.id }, { memberId: MEMBER })
  }
  for (let done = 0; done < (s.backlog ?? 0); done += 1000) {
    const batch = Array.from({ length: Math.min(1000, s.backlog! - done) }, (_, i) => ({
      data: { memberId: MEMBER, receivableId: done + i + 1, trigger: 'refresh' },
      options: { memberId: MEMBER },
    }))
    await queue.insertMany(RECEIVABLE_MIRROR_JOB, batch)
  }
  await queue.stop(false)
  await database.close()
}
