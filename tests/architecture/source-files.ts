import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, dirname, resolve, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export function listSources(dir: string, exts = ['.ts', '.vue']): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    let entries: string[]
    try { entries = readdirSync(d) } catch { return }
    for (const e of entries) {
      if (e === 'node_modules' || e === 'dist' || e.startsWith('.')) continue
      const p = join(d, e)
      if (statSync(p).isDirectory()) walk(p)
      else if (exts.some((x) => e.endsWith(x)) && !e.endsWith('.d.ts')) out.push(relative(ROOT, p))
    }
  }
  walk(join(ROOT, dir))
  return out
}

export interface ImportRef { spec: string; resolved: string | null; typeOnly: boolean }

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Import specifiers of a file, with relative ones resolved to project paths. */
export function importsOf(file: string): ImportRef[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const refs: ImportRef[] = []
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[3] ?? m[4]
    if (!spec) continue
    const resolvedPath = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : null
    refs.push({ spec, resolved: resolvedPath, typeOnly: Boolean(m[2]) })
  }
  return refs
}

export const isTest = (f: string) => /\.test\.ts$/.test(f) || f.includes('/fixtures/')
