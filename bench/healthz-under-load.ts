// healthz_p99_*: /healthz answered while the in-process worker (npm start) matches a 20,000-line
// statement import and while 10,000 failing jobs wait (receivable-mirror jobs of a portal without the
// smart process installed: each fails and is dead-lettered), on PGlite and on PostgreSQL;
// statement_match_2k_postgres_s: how long the matching job of a 2,000-line import takes on
// PostgreSQL (every line recorded as a payment or put in review).
// A probe is sent every 50 ms without waiting for the previous one; a probe still unanswered at
// the end counts with its waiting time.
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { createTestDatabaseUrl } from '../tests/helpers/db.ts'
import { startAppProcess, tempDir } from './lib/app-process.ts'
import { seedLoad, type LoadSeed } from './lib/seed-load.ts'
import type { Metric } from './lib/metrics.ts'

const IMPORT_LINES = Number(process.env.BENCH_IMPORT_LINES ?? 20_000)
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000)
const BACKLOG_WINDOW_S = Number(process.env.BENCH_BACKLOG_SECONDS ?? 60)
const MAX_WINDOW_S = Number(process.env.BENCH_MAX_SECONDS ?? 900)
type Kind = 'pglite' | 'postgres'
const PORT = Number(process.env.BENCH_PORT_BASE ?? 3490)

interface Run {
  latencies: number[]
  failed: number
  matchMs: number | null
  matched: number | null
}

export async function probeWhile(kind: Kind, seed: Omit<LoadSeed, 'url' | 'dataDir'>, port: number, windowS: number) {
  const pg = kind === 'postgres' ? await createTestDatabaseUrl() : { url: null, drop: async () => {} }
  if (kind === 'postgres' && !pg.url) return null
  const dataDir = join(tempDir('rc-bench-load-'), 'pglite')
  try {
    await seedLoad({ url: pg.url, dataDir, ...seed })
    process.stderr.write(`healthz-under-load: ${kind} seeded ${JSON.stringify(seed)}\n`)
    const run: Run = { latencies: [], failed: 0, matchMs: null, matched: null }
    let finish = () => {}
    const matchedLog = new Promise<void>((r) => (finish = r))
    const app = await startAppProcess(
      { DATABASE_URL: pg.url ?? '', DB_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      port,
      (line) => {
        if (process.env.BENCH_APP_LOG && !line.includes('/healthz'))
          appendFileSync(process.env.BENCH_APP_LOG, `${line}\n`)
        if (!line.includes('"statement.matched"')) return
        const l = JSON.parse(line) as { durationMs?: number; matched?: number }
        run.matchMs = l.durationMs ?? null
        run.matched = l.matched ?? null
        finish()
      },
    )
    const pending = new Set<number>()
    const timer = setInterval(() => {
      const t0 = performance.now()
      pending.add(t0)
      fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(MAX_WINDOW_S * 1000) })
        .then(async (r) => {
          await r.arrayBuffer()
          if (!r.ok) run.failed++
        })
        .catch(() => run.failed++)
        .finally(() => {
          pending.delete(t0)
          run.latencies.push(performance.now() - t0)
        })
    }, 50)
    const window = seed.lines ? matchedLog : new Promise<void>((r) => setTimeout(r, windowS * 1000))
    await Promise.race([window, new Promise((r) => setTimeout(r, MAX_WINDOW_S * 1000))])
    clearInterval(timer)
    const now = performance.now()
    for (const t0 of pending) run.latencies.push(now - t0)
    await app.stop()
    return run
  } finally {
    await pg.drop()
  }
}

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN
}

function latencyMetrics(name: string, run: Run | null, note: string): Metric[] {
  if (!run) return [{ name, value: 0, unit: 'ms', note: 'no PostgreSQL (set BENCH_DATABASE_URL)' }]
  return [
    {
      name,
      value: p(run.latencies, 0.99),
      unit: 'ms',
      target: '<= 200 ms',
      note: `${note}; ${run.latencies.length} probes, max ${p(run.latencies, 1).toFixed(0)} ms, ${run.failed} failed`,
    },
  ]
}

export async function benchHealthzUnderLoad(): Promise<Metric[]> {
  const out: Metric[] = []
  // BENCH_LOAD_KINDS=postgres (or pglite) measures one database; the figures of the other stay in results.json
  const kinds = (process.env.BENCH_LOAD_KINDS ?? 'postgres,pglite').split(',') as Kind[]
  if (kinds.includes('postgres')) {
    const small = await probeWhile('postgres', { lines: 2000 }, PORT + 3, MAX_WINDOW_S)
    out.push({
      name: 'statement_match_2k_postgres_s',
      value: (small?.matchMs ?? NaN) / 1000,
      unit: 's',
      target: '<= 20 s',
      note: small ? `matching job of a 2,000-line import, ${small.matched} matched` : 'no PostgreSQL',
    })
  }
  for (const kind of kinds) {
    const backlog = await probeWhile(kind, { backlog: BACKLOG }, PORT + 2, BACKLOG_WINDOW_S)
    out.push(
      ...latencyMetrics(
        `healthz_p99_backlog_${kind}`,
        backlog,
        `${BACKLOG} receivable-mirror jobs waiting (each fails: the portal has no smart process installed), ${BACKLOG_WINDOW_S} s window`,
      ),
    )
    const imp = await probeWhile(kind, { lines: IMPORT_LINES }, PORT + 1, MAX_WINDOW_S)
    out.push(
      ...latencyMetrics(
        `healthz_p99_import_${kind}`,
        imp,
        `while matching a ${IMPORT_LINES}-line import (${imp?.matched ?? '?'} matched in ${((imp?.matchMs ?? NaN) / 1000).toFixed(1)} s)`,
      ),
    )
  }
  return out
}
