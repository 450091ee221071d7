import { readdirSync, statSync } from 'node:fs'
import { join, dirname, resolve, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export function listSources(dir: string, exts = ['.ts', '.vue']): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    let entries: string[]
    try {
      entries = readdirSync(d)
    } catch {
      return
    }
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

export const isTest = (f: string) => /\.test\.ts$/.test(f) || f.includes('/fixtures/')
