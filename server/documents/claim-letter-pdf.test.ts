import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderClaimLetterPdf } from './claim-letter-pdf.ts'
import type { ClaimLetterModel } from './claim-letter-model.ts'

const model: ClaimLetterModel = {
  lang: 'ru',
  number: 'П-2025/17',
  date: '2025-06-20',
  creditor: {
    name: 'ООО «Ромашка»',
    inn: '7701234567',
    kpp: '770101001',
    address: 'Москва, ул. Ленина, 1',
    signer: 'И. И. Иванов',
    signerTitle: 'Генеральный директор',
    bankDetails: {
      bank: 'ПАО Сбербанк',
      bic: '044525225',
      account: '40702810900000000001',
      corrAccount: '30101810400000000225',
    },
  },
  debtor: { name: 'ООО «Вектор»', inn: '7812345678', kpp: '781201001' },
  contracts: [{ number: '45/2024', date: '2024-01-15' }],
  invoices: [{ number: 'А-15', date: '2024-06-10', dueDate: '2024-07-10', amount: 50000000, paid: 20000000 }],
  principal: 30000000,
  accruals: [
    {
      title: 'Расчёт процентов по ст. 395 ГК РФ',
      kind: 'interest',
      perYear: true,
      uncapped: 6967054,
      cap: null,
      total: 6967054,
      rows: [
        {
          from: '2024-07-11',
          to: '2024-07-28',
          days: 18,
          base: 50000000,
          ratePercent: '16',
          yearDays: 366,
          amount: 393443,
        },
        {
          from: '2024-07-29',
          to: '2024-09-15',
          days: 49,
          base: 50000000,
          ratePercent: '18',
          yearDays: 366,
          amount: 1204918,
        },
      ],
    },
  ],
  total: 36967054,
  payWithinDays: 30,
  payBy: '2025-07-20',
  attachments: ['Копия договора № 45/2024', 'Расчёт процентов'],
}

describe('claim letter PDF', () => {
  it('renders Cyrillic text with the debtor, the total and every table row in its text layer', async () => {
    const pdf = await renderClaimLetterPdf(model)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const dir = mkdtempSync(join(tmpdir(), 'claim-'))
    writeFileSync(join(dir, 'letter.pdf'), pdf)
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain('ПРЕТЕНЗИЯ № П-2025/17')
    expect(text).toContain('ООО «Вектор»')
    expect(text).toContain('369 670,54')
    expect(text).toContain('11.07.2024 – 28.07.2024')
    expect(text).toContain('29.07.2024 – 15.09.2024')
    expect(text).toContain('3 934,43')
    expect(text).toContain('12 049,18')
    expect(text).toContain('40702810900000000001')
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(dir, 'letter.pdf'), join(dir, 'page')])
    const png = join(dir, 'page-1.png')
    expect(existsSync(png)).toBe(true)
    expect(statSync(png).size).toBeGreaterThan(5000)
  })
})
