// event_ack_per_s / event_ack_p99_ms / rss_mb_under_load: portal events acknowledged (verified and
// durably enqueued) per second by one instance, autocannon against POST /bitrix/events.
import autocannon from 'autocannon'
import qs from 'qs'
import { join } from 'node:path'
import { openDatabase } from '../server/storage/database.ts'
import { migrate } from '../server/storage/migrate.ts'
import { portalsRepository } from '../server/storage/repositories/portals.ts'
import { createTestDatabaseUrl } from '../tests/helpers/db.ts'
import { startAppProcess, tempDir } from './lib/app-process.ts'
import type { Metric } from './lib/metrics.ts'

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10)
/** BENCH_EVENT_CONNECTIONS=2000: the red team's burst of concurrent portal events (no connection may be reset) */
const CONNECTIONS = Number(process.env.BENCH_EVENT_CONNECTIONS ?? 50)

async function seed(url: string | null, dataDir: string) {
  const database = await openDatabase({ url, dataDir })
  await migrate(database)
  await portalsRepository(database.db, 'x'.repeat(32)).upsert({
    memberId: 'bench-member',
    domain: 'bench.bitrix24.test',
    clientEndpoint: 'https://bench.bitrix24.test/rest/',
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    applicationToken: 'bench-app-token',
    licenceFamily: null,
    appVersion: '1',
  })
  await database.close()
}

async function measure(kind: 'pglite' | 'postgres', port: number): Promise<Metric[]> {
  const pg = kind === 'postgres' ? await createTestDatabaseUrl() : { url: null, drop: async () => {} }
  if (kind === 'postgres' && !pg.url)
    return [
      { name: 'event_ack_per_s_postgres', value: 0, unit: 'req/s', note: 'no PostgreSQL (set BENCH_DATABASE_URL)' },
    ]
  const dataDir = join(tempDir('rc-bench-'), 'pglite')
  await seed(pg.url, dataDir)
  const app = await startAppProcess(
    { DATABASE_URL: pg.url ?? '', DB_DATA_DIR: dataDir, QUEUE_IN_PROCESS_WORKER: 'false' },
    port,
  )
  let n = 0
  let rss = 0
  const sampler = setInterval(() => {
    rss = Math.max(rss, app.rssMb())
  }, 500)
  try {
    const result = await autocannon({
      url: `${app.url}/bitrix/events`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: DURATION_S,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      requests: [
        {
          setupRequest: (req: { body?: string }) => ({
            ...req,
            body: qs.stringify({
              event: 'ONCRMDYNAMICITEMUPDATE',
              ts: String(1_700_000_000 + n),
              data: { FIELDS: { ID: String(++n), ENTITY_TYPE_ID: '1040' } },
              auth: { member_id: 'bench-member', application_token: 'bench-app-token', domain: 'bench.bitrix24.test' },
            }),
          }),
        },
      ],
    })
    const ok = result['2xx']
    const target = kind === 'pglite' ? 1500 : 3000
    return [
      {
        name: `event_ack_per_s_${kind}`,
        value: ok / DURATION_S,
        unit: 'req/s',
        comparison: { name: 'plain per-request boss.send (stack notes)', value: kind === 'pglite' ? 673 : 1490 },
        target: `>= ${target}`,
        note: `${CONNECTIONS} connections; ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
      },
      { name: `event_ack_p99_ms_${kind}`, value: result.latency.p99, unit: 'ms', target: '< 50' },
      {
        name: `rss_mb_under_load_${kind}`,
        value: rss,
        unit: 'MB',
        target: kind === 'postgres' ? '<= 200' : 'reported (PGlite needs 0.3-0.8 GB)',
      },
    ]
  } finally {
    clearInterval(sampler)
    await app.stop()
    await pg.drop()
  }
}

export async function benchEventAck(): Promise<Metric[]> {
  const kinds = (process.env.BENCH_LOAD_KINDS ?? 'pglite,postgres').split(',')
  return [
    ...(kinds.includes('pglite') ? await measure('pglite', 3901) : []),
    ...(kinds.includes('postgres') ? await measure('postgres', 3902) : []),
  ]
}
