import { describe, expect, it } from 'vitest'
import { readPdfPage } from '../../tests/helpers/pdf-qr-reader.ts'
import { parsePaymentQrPayload, PaymentQrError } from '../domain/money/payment-qr-payload.ts'
import { renderInvoicePdf } from './invoice-pdf.ts'
import { sampleInvoice } from './sample-invoice.ts'
import { invoiceTotals } from './invoice-totals.ts'
import type { InvoiceModel } from './invoice-model.ts'

const flat = (s: string) => s.replace(/[\u00a0 ]+/g, ' ')

describe('the invoice PDF', { timeout: 30_000 }, () => {
  it('carries a payment QR code that decodes to the exact sum and every requisite', async () => {
    const x = sampleInvoice('ru')
    const { qr, text } = readPdfPage(await renderInvoicePdf(x))
    expect(qr).not.toBeNull()
    expect(qr!.startsWith('ST00012|')).toBe(true)
    expect(parsePaymentQrPayload(qr!)).toEqual({
      Name: 'ООО «Ромашка»',
      PersonalAcc: '40702810900000000001',
      BankName: 'ПАО Сбербанк',
      BIC: '044525225',
      CorrespAcc: '30101810400000000225',
      PayeeINN: '7707083893',
      KPP: '773601001',
      Sum: '30879668',
      Purpose: 'Оплата по счёту № А-15 от 10.06.2025. В т.ч. НДС 20% 51 466,11',
    })
    expect(flat(text)).toContain('Счёт на оплату № А-15 от 10 июня 2025 г.')
  })

  it('prints the requisites, lines, VAT, total and the amount in words as selectable text', async () => {
    const { text } = readPdfPage(await renderInvoicePdf(sampleInvoice('ru')))
    const t = flat(text)
    for (const s of [
      'ООО «Ромашка», ИНН 7707083893, КПП 773601001',
      'ООО «Вектор», ИНН 7812345678, КПП 781201001',
      'Договор № 45/2024 от 15.01.2024',
      '044525225',
      '30101810400000000225',
      '40702810900000000001',
      'В том числе НДС (20%): 51 466,11',
      'Всего к оплате: 308 796,68',
      'Всего наименований 1, на сумму 308 796,68 руб.',
      'Триста восемь тысяч семьсот девяносто шесть рублей 68 копеек',
      'Оплатить не позднее 10.07.2025',
      'И. И. Иванов',
      'А. А. Смирнова',
    ])
      expect(t).toContain(s)
  })

  it('computes the VAT included in the total to the kopeck, and none for a supplier without VAT', () => {
    expect(invoiceTotals(sampleInvoice())).toEqual({ total: 30_879_668, vat: 5_146_611 })
    expect(invoiceTotals({ ...sampleInvoice(), vatRate: 22 })).toEqual({ total: 30_879_668, vat: 5_568_465 })
    expect(invoiceTotals({ ...sampleInvoice(), vatRate: 'none' })).toEqual({ total: 30_879_668, vat: null })
  })

  it('says "НДС не облагается" in the QR purpose and prints "Без налога (НДС)" without VAT', async () => {
    const { qr, text } = readPdfPage(await renderInvoicePdf({ ...sampleInvoice(), vatRate: 'none' }))
    expect(parsePaymentQrPayload(qr!).Purpose).toBe('Оплата по счёту № А-15 от 10.06.2025. НДС не облагается')
    expect(flat(text)).toContain('Без налога (НДС)')
  })

  it('renders the English invoice with the same QR sum', async () => {
    const { qr, text } = readPdfPage(await renderInvoicePdf(sampleInvoice('en')))
    expect(parsePaymentQrPayload(qr!).Sum).toBe('30879668')
    expect(flat(text)).toContain('Invoice No. А-15 of 2025-06-10'.replace('No.', '№'))
    expect(flat(text)).toContain('Total due: 308,796.68')
  })

  it('refuses to make a document without our account, naming the missing field', async () => {
    const x: InvoiceModel = sampleInvoice()
    x.supplier.bankDetails.account = ''
    await expect(renderInvoicePdf(x)).rejects.toThrow(PaymentQrError)
    await expect(renderInvoicePdf(x)).rejects.toThrow(/PersonalAcc/)
  })
})
