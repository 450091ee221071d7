// npm run bench: runs every benchmark, prints a table and writes bench/results.json
// (`npm run bench -- dunning-scan reports` runs only the named ones).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { printTable, type Bench, type Metric } from './lib/metrics.ts'
import { benchEventAck } from './event-ack.ts'
import { benchStatementMatch } from './statement-match.ts'
import { benchReports } from './reports.ts'
import { benchCounterpartyTab } from './counterparty-tab.ts'
import { benchRestRequests } from './rest-requests.ts'
import { benchUiSize } from './ui-size.ts'
import { benchDunningScan } from './dunning-scan.ts'
import { benchHealthzUnderLoad } from './healthz-under-load.ts'
import { benchManyPortals } from './many-portals.ts'

const benches: Bench[] = [
  { name: 'event-ack', run: benchEventAck },
  { name: 'statement-match', run: benchStatementMatch },
  { name: 'reports', run: benchReports },
  { name: 'counterparty-tab', run: benchCounterpartyTab },
  { name: 'rest-requests', run: benchRestRequests },
  { name: 'ui-size', run: benchUiSize },
  { name: 'dunning-scan', run: benchDunningScan },
  { name: 'healthz-under-load', run: benchHealthzUnderLoad },
  { name: 'many-portals', run: benchManyPortals },
]

// PostgreSQL measurements use a throw-away database on this server (the machines run one locally).
process.env.DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const only = process.argv.slice(2)
const metrics: Metric[] = []
for (const b of benches) {
  if (only.length && !only.includes(b.name)) continue
  process.stderr.write(`bench ${b.name} ...\n`)
  try {
    metrics.push(...(await b.run()))
  } catch (e) {
    process.stderr.write(`bench ${b.name} failed: ${(e as Error).message}\n`)
    metrics.push({ name: `${b.name}_failed`, value: 1, unit: 'error', note: (e as Error).message.slice(0, 120) })
  }
}
process.stdout.write(`${printTable(metrics)}\n`)
// `npm run bench -- <name>...` runs only those benches and keeps the other figures already in the file
const file = new URL('./results.json', import.meta.url)
const kept =
  only.length && existsSync(file)
    ? ((JSON.parse(readFileSync(file, 'utf8')) as { metrics?: Metric[] }).metrics ?? []).filter(
        (m) => !metrics.some((x) => x.name === m.name) && !only.some((b) => m.name === `${b}_failed`),
      )
    : []
writeFileSync(
  file,
  `${JSON.stringify({ measuredAt: new Date().toISOString(), metrics: [...kept, ...metrics] }, null, 2)}\n`,
)
// Benches start servers, pools and browsers of their own; one that leaves a handle open (a keep-alive
// socket, a pool timer) must not keep the command waiting after the table is printed.
process.exit(metrics.some((m) => m.unit === 'error') ? 1 : 0)
