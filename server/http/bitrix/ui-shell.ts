import { readFileSync, existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { InboundError } from '../../bitrix24/inbound/inbound-error.ts'
import { preloadTags } from './ui-preloads.ts'

export const UI_DIST = fileURLToPath(new URL('../../../dist/ui/', import.meta.url))

let cached: { mtime: number; html: string } | null = null

/** The built placement UI shell (dist/ui/index.html), re-read only when a new build replaced it. */
export function loadShell(): string {
  const file = `${UI_DIST}index.html`
  if (!existsSync(file))
    throw new InboundError(503, 'ui.not-built', 'The placement UI is not built on this server: run `npm run build`')
  const mtime = statSync(file).mtimeMs
  if (!cached || cached.mtime !== mtime) cached = { mtime, html: readFileSync(file, 'utf8') }
  return cached.html
}

const escapeAttr = (s: string) =>
  s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!)

/** Injects which tab to show, the language and the tab's chunks to preload into the shell's head. */
export function renderShell(tab: string, lang: string, extra: Record<string, string> = {}): string {
  const metas = [
    `<meta name="app-tab" content="${escapeAttr(tab)}">`,
    `<meta name="app-lang" content="${escapeAttr(lang)}">`,
    ...Object.entries(extra).map(([k, v]) => `<meta name="${escapeAttr(k)}" content="${escapeAttr(v)}">`),
  ]
  // after the entry script and its own preloads, which the page needs first
  const preloads = /^[a-z-]+$/.test(tab) ? preloadTags(UI_DIST, '/ui/', tab) : []
  return loadShell()
    .replace('<head>', `<head>\n    ${metas.join('\n    ')}`)
    .replace('</head>', `${preloads.map((l) => `  ${l}\n`).join('')}</head>`)
}

/** frame-ancestors for exactly the portal's origin (from its stored REST endpoint). */
export function frameAncestorsCsp(portalOrigin: string): string {
  return `frame-ancestors ${portalOrigin}`
}
