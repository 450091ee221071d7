// The world the /api fuzz and security tests run in: the app connected to a sandbox portal and
// installed (no workers, so nothing writes in the background), an admin and a plain user with real
// portal tokens, a few real records to aim near-miss inputs at, and a snapshot of everything a
// request could write (every table's content, the job queue, the sandbox portal's write counter).
import { sql } from 'kysely'
import { connectSandboxApp, type SandboxAppOptions } from '../helpers/sandbox-app.ts'
import { installPortal } from '../../server/use-cases/portal/install-portal.ts'
import { createReceivable } from '../../server/use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../server/use-cases/receivables/record-payment.ts'
import { importStatement } from '../../server/use-cases/statements/import-statement.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { apiKeysRepository } from '../../server/storage/repositories/api-keys.ts'
import { lf } from '../fixtures/statements/encode.ts'
import { OUR, oneCLines } from '../fixtures/statements/one-c-file.ts'

export type FuzzWorld = Awaited<ReturnType<typeof startFuzzWorld>>

export async function startFuzzWorld(opts: SandboxAppOptions = {}) {
  const w = await connectSandboxApp(opts)
  await installPortal(w.ctx, w.memberId, true)
  const clerkId = w.sb.admin.addUser(w.portalId, { name: 'Clerk', isAdmin: false }).id
  const token = (userId: number) =>
    (w.sb.admin.issueTokens(w.portalId, w.sbApp.id, userId) as { access_token: string }).access_token
  const admin = token(1)
  const clerk = token(clerkId)
  const who = { memberId: w.memberId, actor: 'user:1', source: 'test' }
  const ports = receivablesPorts(w.ctx)
  const companyId = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Ромашка' })
  const rec = await createReceivable(ports, who, {
    counterparty: { type: 'company', id: companyId, name: 'ООО Ромашка' },
    invoiceNumber: 'F-1',
    invoiceDate: '2026-09-01',
    dueDate: '2026-10-01',
    amount: 1_000_000,
    currency: 'RUB',
    responsibleId: 1,
  })
  const pay = await recordPayment(ports, who, {
    receivableId: rec.id,
    amount: 1_000,
    paidOn: '2026-10-05',
    source: 'manual',
    sourceRef: 'pp-1',
  })
  const key = await apiKeysRepository(w.ctx.database.db).create(w.memberId, 'fuzz', 'user:1')
  const file = lf(
    oneCLines(
      [
        {
          number: '1',
          date: '02.12.2024',
          amount: '5.00',
          payerInn: '7799999999',
          payer: 'ООО Неизвестный',
          payerAccount: '1',
          payeeAccount: OUR,
          credited: '02.12.2024',
          purpose: 'Оплата',
        },
      ],
      [{ account: OUR, opening: '0', incoming: '5', outgoing: '0', closing: '5' }],
    ),
  )
  const imp = await importStatement(ports, who, { fileName: 'seed.txt', bytes: new TextEncoder().encode(file) })
  const line = await w.ctx.database.db
    .selectFrom('statement_lines')
    .select('id')
    .where('import_id', '=', imp.import.id)
    .executeTakeFirstOrThrow()
  const inn = '7701234567'
  await w.ctx.repos.settings.set(
    w.memberId,
    'claims.legalEntities',
    [
      {
        name: 'ООО «Поставщик»',
        inn,
        kpp: '770101001',
        ogrn: '',
        address: 'Москва',
        signer: 'И. И. Иванов',
        signerTitle: 'Директор',
        bankDetails: {
          bank: 'ПАО Сбербанк',
          bic: '044525225',
          account: '40702810900000000001',
          corrAccount: '30101810400000000225',
        },
      },
    ],
    'test',
  )

  /** Real ids, so near misses get past "not found" to the validation behind it. */
  const ids = {
    receivable: String(rec.id),
    payment: String(pay.payment.id),
    company: String(companyId),
    line: String(line.id),
    statement: String(imp.import.id),
    apiKey: String(key.record.id),
    inn,
  }

  const tables = (
    await sql<{
      t: string
    }>`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(
      w.ctx.database.db,
    )
  ).rows.map((r) => r.t)
  /** Everything a request could have written, as comparable text. */
  const snapshot = async () => {
    const out: Record<string, string> = {}
    for (const t of tables) {
      // the shared rate limiter's bucket (PostgreSQL) moves whenever a route reads the portal: bookkeeping, not a write
      if (t === 'rate_buckets') continue
      // an API key's last use is stamped when it authenticates, whatever the body: not a write of the input
      const row = t === 'api_keys' ? sql`(to_jsonb(x) - 'last_used_at')::text` : sql`x::text`
      const r = await sql<{
        h: string | null
        n: number
      }>`SELECT md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS h, count(*)::int AS n FROM ${sql.table(t)} x`.execute(
        w.ctx.database.db,
      )
      out[t] = `${r.rows[0].n}:${r.rows[0].h}`
    }
    const jobs = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job`.execute(w.ctx.database.db)
    out['pgboss.job'] = String(jobs.rows[0].n)
    out['sandbox.writes'] = String(w.sb.admin.counters(w.portalId).writes)
    return out
  }

  return { ...w, admin, clerk, clerkId, apiKey: key.key, ids, snapshot, token }
}
