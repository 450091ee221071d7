import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadDocx, loadExcel, loadPdfKit, loadQrCode } from './libraries.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))
// the project's own Node (module.registerHooks needs 22.15 or later)
const projectNode = `${root}node_modules/.bin/node`
const node = existsSync(projectNode) ? projectNode : process.execPath
const HEAVY = ['exceljs', 'pdfkit', 'docx', 'qrcode']

/**
 * In a fresh process: records every package a module import resolves to (ESM and CJS alike), imports
 * what every app process imports (the Fastify app, the wiring, the context with its workers) without
 * starting anything, and prints the packages seen.
 */
const probe = `
import { registerHooks } from 'node:module'
const seen = new Set()
registerHooks({
  resolve(specifier, context, next) {
    const r = next(specifier, context)
    const m = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url)
    if (m) seen.add(m[1])
    return r
  },
})
for (const f of ['server/app.ts', 'server/wiring.ts', 'server/create-context.ts'])
  await import(new URL(f, ${JSON.stringify(new URL('../../', import.meta.url).href)}).href)
process.stdout.write(JSON.stringify([...seen]))
`

describe('document libraries', () => {
  it('are not loaded by starting the app: only a document being made loads them', () => {
    const out = execFileSync(node, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    })
    const seen = JSON.parse(out) as string[]
    expect(seen).toContain('fastify') // the probe does see packages
    expect(seen.filter((p) => HEAVY.includes(p))).toEqual([])
  }, 90_000)

  it('load on demand, once', async () => {
    const PDFDocument = await loadPdfKit()
    expect(typeof PDFDocument).toBe('function')
    expect(await loadPdfKit()).toBe(PDFDocument)
    expect(typeof new (await loadExcel()).Workbook().addWorksheet).toBe('function')
    expect(typeof (await loadDocx()).Packer.toBuffer).toBe('function')
    expect(typeof (await loadQrCode()).create).toBe('function')
  }, 30_000)
})
