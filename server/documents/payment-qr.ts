// The payment QR code of an invoice: its ГОСТ Р 56042-2014 payload (domain/money) made into a QR
// symbol by the `qrcode` library, error correction M; drawn as vector squares into a PDF, or as a
// PNG for e-mails and Telegram.
import type PDFDocument from 'pdfkit'
import { paymentQrPayload } from '../domain/money/payment-qr-payload.ts'
import type { InvoiceModel } from './invoice-model.ts'
import { invoicePurpose, invoiceTotals } from './invoice-totals.ts'
import { russianQuotes } from './typography.ts'
import { loadQrCode } from './libraries.ts'

/** The payload of the invoice's QR code; throws PaymentQrError naming a missing or wrong requisite. */
export function invoiceQrPayload(x: InvoiceModel): string {
  const s = x.supplier
  return paymentQrPayload({
    name: russianQuotes(s.name),
    account: s.bankDetails.account,
    bankName: s.bankDetails.bank,
    bic: s.bankDetails.bic,
    corrAccount: s.bankDetails.corrAccount ?? '',
    inn: s.inn ?? '',
    ...(s.kpp ? { kpp: s.kpp } : {}),
    sum: invoiceTotals(x).total,
    purpose: invoicePurpose(x),
  })
}

/** Draws the QR symbol of `payload` with its top-left corner at (x, y), `size` points wide (quiet zone included). */
export async function drawQr(
  doc: InstanceType<typeof PDFDocument>,
  payload: string,
  x: number,
  y: number,
  size: number,
) {
  const QRCode = await loadQrCode()
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' })
  const quiet = 4
  const cell = size / (modules.size + 2 * quiet)
  doc.save().rect(x, y, size, size).fill('#ffffff')
  // one rectangle per run of dark modules in a row: fewer paths, no seams between neighbours
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue
      let end = c
      while (end + 1 < modules.size && modules.get(r, end + 1)) end++
      doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, (end - c + 1) * cell, cell)
      c = end
    }
  doc.fill('#000000').restore()
}

/** The QR code as a PNG (for an e-mail image or a Telegram photo). */
export async function qrPng(payload: string, width = 360): Promise<Buffer> {
  const QRCode = await loadQrCode()
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width })
}
