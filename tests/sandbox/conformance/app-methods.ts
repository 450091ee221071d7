// The REST methods the app calls, read from its source (server/, install/, robots/; tests excluded):
// string literals passed as the method of PortalClient.call/callPage/listAll/listAllBatched, of the
// SDK's call.make ({ method: '…' }) and batch commands ({ method: '…' }), 'batch' itself when a
// client batches, plus any other literal that is the name of a method the sandbox serves.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOTS = ['server', 'install', 'robots']
const METHOD = /^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9_]*)+$|^(batch|profile|scope|methods)$/

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p))
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p)
  }
  return out
}

/** The first argument of each call to one of `fns` (text up to the first top-level comma). */
function firstArgs(src: string, fns: string[]): string[] {
  const out: string[] = []
  const re = new RegExp(`\\b(?:${fns.join('|')})(?:<[^()]*?>)?\\(`, 'g')
  for (let m = re.exec(src); m; m = re.exec(src)) {
    let depth = 0
    let i = m.index + m[0].length
    const start = i
    for (; i < src.length; i++) {
      const ch = src[i]
      if ('([{'.includes(ch)) depth++
      else if (')]}'.includes(ch)) {
        if (depth === 0) break
        depth--
      } else if (ch === ',' && depth === 0) break
    }
    out.push(src.slice(start, i))
  }
  return out
}

const literals = (text: string) => [...text.matchAll(/'([^'\n]+)'|"([^"\n]+)"/g)].map((m) => m[1] ?? m[2])

type AppMethod = { method: string; files: string[] }

export function appRestMethods(root: string, known: Iterable<string> = []): AppMethod[] {
  const served = new Set(known)
  const found = new Map<string, Set<string>>()
  const add = (method: string, file: string) => {
    if (!METHOD.test(method)) return
    if (!found.has(method)) found.set(method, new Set())
    found.get(method)!.add(file)
  }
  for (const r of ROOTS) {
    for (const file of sourceFiles(join(root, r))) {
      const src = readFileSync(file, 'utf8')
      const rel = relative(root, file)
      for (const arg of firstArgs(src, ['call', 'callPage', 'listAll', 'listAllBatched']))
        for (const lit of literals(arg)) add(lit, rel)
      // listAllBatched(client, 'method', …): the method is the second argument
      for (const m of src.matchAll(/listAllBatched(?:<[^()]*?>)?\(\s*\w+\s*,\s*'([^']+)'/g)) add(m[1], rel)
      for (const m of src.matchAll(/\bmethod:\s*'([^']+)'/g)) add(m[1], rel)
      // callWithToken(portal, token, 'method', …): a call with a user's own token, the method third
      for (const m of src.matchAll(/callWithToken(?:<[^()]*?>)?\(\s*[^,()]+,\s*[^,()]+,\s*'([^']+)'/g)) add(m[1], rel)
      if (/\.batch(?:<[^()]*?>)?\(/.test(src)) add('batch', rel)
      for (const lit of literals(src)) if (lit.includes('.') && served.has(lit)) add(lit, rel)
    }
  }
  return [...found]
    .map(([method, files]) => ({ method, files: [...files].sort() }))
    .sort((a, b) => a.method.localeCompare(b.method))
}
