// Test support: renders a PDF page to PNG with poppler's pdftoppm and decodes the QR code on it with
// jsQR, the way a banking app reads a printed invoice.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import jsQR from 'jsqr'

export function decodeQrPng(png: Buffer): string | null {
  const img = PNG.sync.read(png)
  const pixels = new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length)
  return jsQR(pixels, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data ?? null
}

/** The page as PNG and the text of the QR code found on it (null when none decodes). */
export function readPdfPage(pdf: Buffer, page = 1, dpi = 150): { png: Buffer; qr: string | null; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-qr-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, pdf)
    const p = String(page)
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', p, '-l', p, '-singlefile', file, join(dir, 'page')])
    const png = readFileSync(join(dir, 'page.png'))
    const text = execFileSync('pdftotext', ['-layout', '-f', p, '-l', p, file, '-'], { encoding: 'utf8' })
    return { png, qr: decodeQrPng(png), text }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
