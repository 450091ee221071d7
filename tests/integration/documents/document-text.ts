// Reading documents back the way a person sees them: the DOCX's word/document.xml as text (table
// cells joined by " | "), the PDF's pages as PNG files kept for looking at, and Russian amounts
// written out independently of the app's formatter.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The text of word/document.xml, paragraphs on their own lines, table cells separated by " | ". */
export function docxText(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'docx-'))
  writeFileSync(join(dir, 'd.docx'), docx)
  const xml = execFileSync('unzip', ['-p', join(dir, 'd.docx'), 'word/document.xml'], { encoding: 'utf8' })
  return xml
    .replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) =>
      row
        .split('</w:tc>')
        .slice(0, -1)
        .map((cell) => cell.replace(/<[^>]+>/g, ''))
        .join(' | ')
        .concat('\n'),
    )
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ')
}

/** Every page of the PDF as PNG under `dir` (for looking at) and the text of all pages, spaces folded. */
export function pdfPages(pdf: Buffer, dir: string, name: string): { text: string; pngs: string[] } {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, name)])
  const pngs = execFileSync('ls', [dir], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => join(dir, f))
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  return { text: text.replace(/[\u00a0 \t]+/g, ' ').replace(/\s*\n\s*/g, '\n'), pngs }
}

/** 1234567 kopecks -> "12 345,67" (a plain space between groups). */
export const rub = (k: number) =>
  `${k < 0 ? '-' : ''}${String(Math.trunc(Math.abs(k) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(
    Math.abs(k) % 100,
  ).padStart(2, '0')}`

/** "2026-08-23" -> "23.08.2026" */
export const dmy = (iso: string) => iso.split('-').reverse().join('.')
