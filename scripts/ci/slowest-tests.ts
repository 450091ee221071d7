// Prints the slowest test files of one or more Vitest JSON reports (`--reporter=json`), slowest first:
// `tsx scripts/ci/slowest-tests.ts <report.json>... [--top 15] [--write tests/slow-files.json]`. CI prints
// it after each pass. `--write` records the files of 2 s or more, which the test sequencer starts first
// (tests/helpers/slow-first-sequencer.ts), so a long file never starts last and runs on alone.
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, relative } from 'node:path'

interface Report {
  testResults: { name: string; startTime: number; endTime: number; status: string }[]
}

const args = process.argv.slice(2)
const topAt = args.indexOf('--top')
const top = topAt >= 0 ? Number(args[topAt + 1]) : 15
const writeAt = args.indexOf('--write')
const writeTo = writeAt >= 0 ? args[writeAt + 1] : null
const files = args.filter(
  (a, i) => !a.startsWith('--') && (topAt < 0 || i !== topAt + 1) && (writeAt < 0 || i !== writeAt + 1),
)

const rows: { pass: string; file: string; seconds: number; status: string }[] = []
for (const file of files) {
  let report: Report
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as Report
  } catch {
    process.stdout.write(`(no report at ${file})\n`)
    continue
  }
  const pass = file.replace(/^.*\//, '').replace(/\.json$/, '')
  // paths relative to the checkout the report came from (<checkout>/.ci-out/<pass>.json), so that the
  // keys written for the sequencer are the same whatever folder the report was read from
  const checkout = basename(dirname(file)) === '.ci-out' ? dirname(dirname(file)) : process.cwd()
  for (const t of report.testResults)
    rows.push({
      pass,
      file: relative(checkout, t.name),
      seconds: (t.endTime - t.startTime) / 1000,
      status: t.status,
    })
}
rows.sort((a, b) => b.seconds - a.seconds)
const shown = rows.slice(0, top)
const width = Math.max(4, ...shown.map((r) => r.file.length))
process.stdout.write(`${'seconds'.padStart(8)}  ${'pass'.padEnd(14)}  ${'file'.padEnd(width)}  status\n`)
for (const r of shown)
  process.stdout.write(
    `${r.seconds.toFixed(1).padStart(8)}  ${r.pass.padEnd(14)}  ${r.file.padEnd(width)}  ${r.status}\n`,
  )
const total = rows.reduce((s, r) => s + r.seconds, 0)
process.stdout.write(`${rows.length} files, ${total.toFixed(0)} s of file time in all\n`)

if (writeTo) {
  const slow: Record<string, number> = {}
  for (const r of rows) if (r.seconds >= 2 && !(r.file in slow)) slow[r.file] = Math.round(r.seconds)
  writeFileSync(writeTo, `${JSON.stringify(slow, null, 2)}\n`)
  process.stdout.write(`${Object.keys(slow).length} files of 2 s or more written to ${writeTo}\n`)
}
