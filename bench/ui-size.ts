// ui_js_gzip_kb: the placement UI's JavaScript as the browser downloads it (every chunk of the
// production build, gzip level 9), next to the entry chunk alone (what the first tab needs before it
// loads its own code). Builds the UI first when there is no build. Targets: all chunks <= 250 KB gzip,
// the page start (ui_js_start_gzip_kb) <= 120 KB.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Metric } from './lib/metrics.ts'

const ASSETS = new URL('../dist/ui/assets/', import.meta.url)

export async function benchUiSize(): Promise<Metric[]> {
  if (!existsSync(ASSETS)) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' })
  const files = readdirSync(ASSETS).filter((f) => f.endsWith('.js'))
  const gz = (f: string) => gzipSync(readFileSync(new URL(f, ASSETS)), { level: 9 }).byteLength / 1024
  const total = files.reduce((s, f) => s + gz(f), 0)
  // what every page loads before its own tab: the entry script and the chunks it preloads
  const html = readFileSync(new URL('../index.html', ASSETS), 'utf8')
  const start = [...html.matchAll(/(?:src|href)="\/ui\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const startKb = start.reduce((s, f) => s + gz(f), 0)
  return [
    {
      name: 'ui_js_gzip_kb',
      value: total,
      unit: 'KB',
      target: '<= 250 KB',
      note: `all ${files.length} chunks (every tab, the admin page's charts); a page loads the start and then only its own tab`,
    },
    {
      name: 'ui_js_start_gzip_kb',
      value: startKb,
      unit: 'KB',
      target: '<= 120 KB',
      note: `what every page loads first: the entry script and the ${start.length - 1} chunks it preloads`,
    },
  ]
}
