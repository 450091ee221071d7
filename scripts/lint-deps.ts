// `npm run lint:deps`: dependency-cruiser's rules (.dependency-cruiser.cjs) over the tree, then one rule
// its module-level `circular` cannot state: no cycle between folders (use-cases -> install -> robots ->
// use-cases is a cycle of folders even when no file imports itself back). Exit code 1 on any finding.
import { execFileSync } from 'node:child_process'
import type { ICruiseResult } from 'dependency-cruiser'
import { folderCycles, folderOf } from './lint/folder-cycles.ts'

const roots = ['server', 'robots', 'install', 'contracts', 'sandbox', 'placement-ui/src', 'scripts', 'bench']
/** The CLI's JSON (rules validated by the config); it exits non-zero on an error-level violation. */
function cruiseJson(): string {
  const args = ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...roots]
  try {
    return execFileSync('node_modules/.bin/depcruise', args, { encoding: 'utf8', maxBuffer: 256 << 20 })
  } catch (e) {
    const out = (e as { stdout?: string }).stdout
    if (out) return out
    throw e
  }
}
const out = JSON.parse(cruiseJson()) as ICruiseResult
let problems = 0
for (const v of out.summary.violations) {
  if (v.rule.severity === 'ignore' || v.rule.severity === 'info') continue
  problems++
  console.error(`${v.rule.severity} ${v.rule.name}: ${v.from} -> ${v.to}`)
}
const edges = out.modules.flatMap((m) =>
  m.dependencies
    .filter((d) => !d.coreModule && !d.couldNotResolve && !/node_modules/.test(d.resolved))
    .filter((d) => !(d.dependencyTypes ?? []).includes('type-only'))
    .map((d) => ({ from: m.source, to: d.resolved })),
)
for (const cycle of folderCycles(edges)) {
  problems++
  console.error(`error no-folder-cycle: ${cycle.folders.join(' -> ')} (e.g. ${cycle.example.join(' -> ')})`)
}
const modules = out.modules.length
console.log(
  `${modules} modules, ${new Set(out.modules.map((m) => folderOf(m.source))).size} folders: ${problems} problem(s)`,
)
process.exit(problems ? 1 : 0)
