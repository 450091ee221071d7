import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from './document.ts'
import { decodeQrPng, readPdfPage } from '../../../tests/helpers/pdf-qr-reader.ts'
import { parsePaymentQrPayload } from '../../domain/money/payment-qr-payload.ts'

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const dir = mkdtempSync(join(tmpdir(), 'cli-document-'))

describe('cli document', { timeout: 30_000 }, () => {
  it('renders the sample invoice to a PDF whose QR code carries the sample sum', async () => {
    const file = join(dir, 'invoice.pdf')
    const r = await cli('sample', 'invoice', '--out', file)
    expect(r.code).toBe(0)
    expect(r.out).toContain(file)
    const page = readPdfPage(readFileSync(file))
    expect(parsePaymentQrPayload(page.qr!).Sum).toBe('30879668')
  })

  it('renders the sample claim letter in English', async () => {
    const file = join(dir, 'claim.pdf')
    expect((await cli('sample', 'claim-letter', '--out', file, '--lang', 'en')).code).toBe(0)
    const { text } = readPdfPage(readFileSync(file))
    expect(text).toContain('CLAIM LETTER No. П-2025/17'.replace('No.', '№'))
    expect(text).toContain('216,404.89')
  })

  it('refuses an unknown document, a missing --out and a bad language, saying what is known', async () => {
    const unknown = await cli('sample', 'letter', '--out', join(dir, 'x.pdf'))
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('unknown document "letter"; known: invoice, claim-letter')
    expect((await cli('sample', 'invoice')).err).toContain('--out <file.pdf> is required')
    expect((await cli('sample', 'invoice', '--out', 'x', '--lang', 'de')).err).toContain('--lang: ru or en')
  })

  it('prints a payment payload with the given sum in kopecks and writes its QR code as a PNG', async () => {
    const png = join(dir, 'qr.png')
    const r = await cli('qr', '--sum', '100.05', '--purpose', 'Аванс', '--out', png)
    expect(r.code).toBe(0)
    const payload = r.out.split('\n')[0]
    expect(parsePaymentQrPayload(payload)).toMatchObject({ Sum: '10005', Purpose: 'Аванс', BIC: '044525225' })
    expect(decodeQrPng(readFileSync(png))).toBe(payload)
  })

  it('names the wrong requisite or sum and writes nothing', async () => {
    const bic = await cli('qr', '--bic', '12345')
    expect(bic.code).toBe(2)
    expect(bic.err).toContain('BIC: 9 digits expected')
    const sum = await cli('qr', '--sum', '1.005')
    expect(sum.code).toBe(2)
    expect(sum.err).toContain('--sum')
    expect(sum.out).toBe('')
  })
})

describe('cli document sample', () => {
  it('reconciliation-act: a PDF whose text carries the sample act to the kopeck', async () => {
    const file = join(dir, 'act.pdf')
    expect(await cli('sample', 'reconciliation-act', '--out', file)).toMatchObject({ code: 0 })
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ')
    // opening 120 000,00 - 50 000,00; debit 33 333,33 + 87 654,32; credit 115 000,00
    for (const s of ['Акт сверки взаимных расчётов № АС-2026/1', '70 000,00', '120 987,65', '115 000,00', '-10 000,00'])
      expect(text).toContain(s)
    expect(text.replace(/\s+/g, ' ')).toContain('задолженность в пользу ООО «Поставщик» составляет 75 987,65 руб.')
  })

  it('reconciliation-act as XLSX, and claim-statement as DOCX with the state duty', async () => {
    const xlsx = join(dir, 'act.xlsx')
    expect((await cli('sample', 'reconciliation-act', '--format', 'xlsx', '--out', xlsx)).code).toBe(0)
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK')
    const docx = join(dir, 'claim.docx')
    expect((await cli('sample', 'claim-statement', '--out', docx, '--lang', 'ru')).code).toBe(0)
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ')
    // 300 000,00 + 69 670,54 interest = 369 670,54; duty 10 000 + 5 % of 269 670,54 = 23 483,53 -> 23 484
    expect(xml).toContain('Цена иска: ')
    expect(xml).toContain('369 670,54 руб.')
    expect(xml).toContain('23 484,00 руб.')
    expect(xml).toContain('ИСКОВОЕ ЗАЯВЛЕНИЕ')
  })

  it('bad input: usage and exit code 2, no file', async () => {
    expect(await cli('sample', 'nothing', '--out', join(dir, 'x'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown document "nothing"'),
    })
    expect((await cli('sample', 'reconciliation-act')).err).toContain('--out <file.pdf> is required')
    expect((await cli('sample', 'claim-statement', '--format', 'pdf', '--out', join(dir, 'y'))).code).toBe(2)
    expect((await cli('render', 'claim-statement')).code).toBe(2)
  })
})
