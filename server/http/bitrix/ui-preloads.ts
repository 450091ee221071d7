// What a tab's page will import, named in the shell's head so the browser downloads it beside the entry
// script instead of after it has run: the tab's chunk, the session's (the portal frame client) and the
// chunks they import statically, from the build's manifest (dist/ui/.vite/manifest.json).
import { existsSync, readFileSync, statSync } from 'node:fs'

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
}
type Manifest = Record<string, ManifestChunk>

/** The files to preload for `tab` (a folder under src/tabs), the entry's own chunks left out. */
export function tabPreloads(manifest: Manifest, tab: string): string[] {
  const key = Object.keys(manifest).find((k) => k.startsWith(`src/tabs/${tab}/`) && /Tab\.vue$/.test(k))
  const roots = [key, 'src/app/session.ts'].filter((k): k is string => !!k && !!manifest[k])
  const entry = Object.values(manifest).find((c) => c.isEntry)
  const skip = new Set<string>()
  const walk = (k: string, into: Set<string>) => {
    if (into.has(k) || !manifest[k]) return
    into.add(k)
    for (const i of manifest[k].imports ?? []) walk(i, into)
  }
  if (entry)
    walk(
      Object.keys(manifest).find((k) => manifest[k] === entry)!,
      skip,
    )
  const wanted = new Set<string>()
  for (const r of roots) walk(r, wanted)
  return [...wanted].filter((k) => !skip.has(k)).map((k) => manifest[k]!.file)
}

let cached: { file: string; mtime: number; manifest: Manifest } | null = null

/** `<link rel="modulepreload">` tags for the tab; none without a manifest (an older build). */
export function preloadTags(uiDist: string, base: string, tab: string): string[] {
  const file = `${uiDist}.vite/manifest.json`
  if (!existsSync(file)) return []
  const mtime = statSync(file).mtimeMs
  if (!cached || cached.file !== file || cached.mtime !== mtime)
    cached = { file, mtime, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest }
  return tabPreloads(cached.manifest, tab).map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`)
}
