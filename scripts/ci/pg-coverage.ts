// Chooses the CI's PostgreSQL pass from SQL traces (tests/helpers/sql-trace.ts): the fewest, quickest
// integration files that together send every statement shape the whole integration suite sends, so
// what PGlite cannot prove (the SQL on a real server) is proven in full at a fraction of the time.
//   RC_SQL_TRACE=/tmp/trace DATABASE_URL=postgres://... npx vitest run --project integration \
//     --reporter=json --outputFile.json=/tmp/pg.json
//   npx tsx scripts/ci/pg-coverage.ts /tmp/trace /tmp/pg.json > tests/postgres-pass.txt
// The files that must run on PostgreSQL whatever they send (tests/postgres-pass.required.txt) come first.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [traceDir, reportFile] = process.argv.slice(2)
if (!traceDir) {
  console.error('usage: pg-coverage.ts <trace dir> [vitest json report]')
  process.exit(2)
}
const traces = readdirSync(traceDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(traceDir, f), 'utf8')) as { file: string; sql: string[] })
  .map((t) => ({ file: t.file, sql: new Set(t.sql.filter((s) => !/^(create|drop) database/i.test(s))) }))
const seconds = new Map<string, number>()
if (reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    testResults: { name: string; startTime: number; endTime: number }[]
  }
  for (const r of report.testResults)
    seconds.set(r.name.replace(`${process.cwd()}/`, ''), (r.endTime - r.startTime) / 1000)
}
const required = readFileSync('tests/postgres-pass.required.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
const all = new Set(traces.flatMap((t) => [...t.sql]))
const covered = new Set<string>()
const chosen: string[] = []
const take = (file: string) => {
  chosen.push(file)
  for (const s of traces.find((t) => t.file === file)?.sql ?? []) covered.add(s)
}
for (const f of required) take(f)
// greedy: the most new statements per second of test time
for (;;) {
  let best: { file: string; score: number; fresh: number } | null = null
  for (const t of traces) {
    if (chosen.includes(t.file)) continue
    const fresh = [...t.sql].filter((s) => !covered.has(s)).length
    if (!fresh) continue
    const score = fresh / Math.max(1, seconds.get(t.file) ?? 10)
    if (!best || score > best.score) best = { file: t.file, score, fresh }
  }
  if (!best) break
  take(best.file)
}
const time = chosen.reduce((a, f) => a + (seconds.get(f) ?? 0), 0)
const total = traces.reduce((a, t) => a + (seconds.get(t.file) ?? 0), 0)
console.log(`# PostgreSQL pass: ${chosen.length} of ${traces.length} integration files send all ${all.size} statement`)
console.log(`# shapes the whole suite sends (${Math.round(time)} s of ${Math.round(total)} s of file time).`)
console.log('# Made by scripts/ci/pg-coverage.ts from SQL traces; remake it when the SQL changes.')
for (const f of chosen.sort()) console.log(f)
