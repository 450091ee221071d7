// Renders the invoice for payment (счёт на оплату) to PDF in the usual Russian layout: the payee's
// bank block with the ГОСТ Р 56042-2014 payment QR code beside it, the title, supplier, buyer and
// basis, the lines, the totals with VAT, the amount in words, the signatures with the uploaded
// signature and stamp images. DejaVu fonts are embedded, so the text is selectable Cyrillic.
import type PDFDocument from 'pdfkit'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { InvoiceModel } from './invoice-model.ts'
import { invoiceTexts } from './invoice-text.ts'
import { invoiceTotals } from './invoice-totals.ts'
import { drawQr, invoiceQrPayload } from './payment-qr.ts'
import { amountInWordsRu } from './amount-in-words.ts'
import { dateInWords, typographRu } from './typography.ts'
import { formatDate, formatKopecks } from './format.ts'
import { loadPdfKit } from './libraries.ts'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const REGULAR = join(fontDir, 'DejaVuSans.ttf')
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf')
const LEFT = 40
const WIDTH = 515

type Doc = InstanceType<typeof PDFDocument>

const cellText = (doc: Doc, s: string, x: number, y: number, w: number, opts: PDFKit.Mixins.TextOptions = {}) =>
  doc.text(s, x + 3, y + 3, { width: w - 6, ...opts })

/** The bank block: bank, BIC, correspondent account; INN, KPP, payee, account. */
function bankBlock(doc: Doc, x: InvoiceModel, top: number, width: number) {
  const t = invoiceTexts(x.lang)
  const b = x.supplier.bankDetails
  const [c1, c2] = [width - 170, 45]
  const rowH = [30, 15, 15, 30]
  const y = (i: number) => top + rowH.slice(0, i).reduce((a, h) => a + h, 0)
  doc.lineWidth(0.5)
  doc.rect(LEFT, top, width, y(4) - top).stroke()
  doc
    .moveTo(LEFT, y(2))
    .lineTo(LEFT + width, y(2))
    .stroke()
  doc
    .moveTo(LEFT, y(3))
    .lineTo(LEFT + c1, y(3))
    .stroke()
  doc
    .moveTo(LEFT + c1, top)
    .lineTo(LEFT + c1, y(4))
    .stroke()
  doc
    .moveTo(LEFT + c1 + c2, top)
    .lineTo(LEFT + c1 + c2, y(4))
    .stroke()
  doc
    .moveTo(LEFT + c1, y(1))
    .lineTo(LEFT + width, y(1))
    .stroke()
  doc
    .moveTo(LEFT + c1 / 2, y(2))
    .lineTo(LEFT + c1 / 2, y(3))
    .stroke()
  doc.font(REGULAR).fontSize(8)
  cellText(doc, typographRu(b.bank), LEFT, top, c1)
  cellText(doc, t.payeeBank, LEFT, y(1) + 2, c1)
  cellText(doc, t.bic, LEFT + c1, top, c2)
  cellText(doc, t.accountNo, LEFT + c1, y(1), c2)
  cellText(doc, b.bic, LEFT + c1 + c2, top, width - c1 - c2)
  cellText(doc, b.corrAccount ?? '', LEFT + c1 + c2, y(1), width - c1 - c2)
  cellText(doc, `${t.inn} ${x.supplier.inn ?? ''}`, LEFT, y(2), c1 / 2)
  cellText(doc, `${t.kpp} ${x.supplier.kpp ?? ''}`, LEFT + c1 / 2, y(2), c1 / 2)
  cellText(doc, typographRu(x.supplier.name), LEFT, y(3), c1, { height: 14, ellipsis: true })
  cellText(doc, t.payee, LEFT, y(3) + 15, c1)
  cellText(doc, t.accountNo, LEFT + c1, y(2), c2)
  cellText(doc, b.account, LEFT + c1 + c2, y(2), width - c1 - c2)
  return y(4)
}

function party(x: InvoiceModel, p: InvoiceModel['buyer']): string {
  const t = invoiceTexts(x.lang)
  return typographRu(
    [p.name, p.inn && `${t.inn} ${p.inn}`, p.kpp && `${t.kpp} ${p.kpp}`, p.address].filter(Boolean).join(', '),
  )
}

function labelled(doc: Doc, label: string, value: string) {
  const y = doc.y
  doc.font(REGULAR).fontSize(9).text(`${label}:`, LEFT, y, { width: 110 })
  // a label that wraps («Покупатель (Заказчик):») is taller than its value: the next row starts below both
  const labelBottom = doc.y
  doc
    .font(BOLD)
    .fontSize(9)
    .text(value, LEFT + 115, y, { width: WIDTH - 115 })
  doc.y = Math.max(doc.y, labelBottom, y + 12) + 4
}

function linesTable(doc: Doc, x: InvoiceModel) {
  const t = invoiceTexts(x.lang)
  const widths = [25, 250, 50, 40, 75, 75]
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y
    doc.font(bold ? BOLD : REGULAR).fontSize(8)
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6
    let cx = LEFT
    cells.forEach((c, i) => {
      doc.rect(cx, y, widths[i], h).lineWidth(0.5).stroke()
      cellText(doc, c, cx, y, widths[i], { align: i === 1 ? 'left' : i === 0 ? 'center' : 'right' })
      cx += widths[i]
    })
    doc.y = y + h
  }
  row(t.cols, true)
  x.lines.forEach((l, i) =>
    row(
      [
        String(i + 1),
        typographRu(l.name),
        String(l.quantity),
        l.unit,
        formatKopecks(l.price, x.lang),
        formatKopecks(l.amount, x.lang),
      ],
      false,
    ),
  )
}

function totalsBlock(doc: Doc, x: InvoiceModel) {
  const t = invoiceTexts(x.lang)
  const { total, vat } = invoiceTotals(x)
  const line = (label: string, value: string) => {
    const y = doc.y + 2
    doc
      .font(BOLD)
      .fontSize(9)
      .text(`${label}:`, LEFT, y, { width: WIDTH - 90, align: 'right' })
    doc.text(value, LEFT + WIDTH - 85, y, { width: 85, align: 'right' })
  }
  doc.y += 4
  line(t.total, formatKopecks(total, x.lang))
  line(vat === null ? t.noVat : t.vat(Number(x.vatRate)), vat === null ? '—' : formatKopecks(vat, x.lang))
  line(t.due, formatKopecks(total, x.lang))
  doc.y += 6
  doc
    .font(REGULAR)
    .fontSize(9)
    .text(t.count(x.lines.length, formatKopecks(total, x.lang)), LEFT, doc.y)
  if (x.lang === 'ru') doc.font(BOLD).text(amountInWordsRu(total), LEFT, doc.y)
  doc.y += 4
  doc.font(REGULAR).text(t.payBy(formatDate(x.dueDate, x.lang)), LEFT, doc.y)
}

function signatures(doc: Doc, x: InvoiceModel) {
  const t = invoiceTexts(x.lang)
  const y = doc.y + 30
  const img = x.images ?? {}
  const person = (label: string, name: string, at: number) => {
    doc.font(BOLD).fontSize(9).text(label, at, y, { width: 80 })
    doc
      .moveTo(at + 85, y + 10)
      .lineTo(at + 165, y + 10)
      .lineWidth(0.5)
      .stroke()
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(name, at + 170, y, { width: 90 })
  }
  if (img.stamp) doc.image(img.stamp, LEFT + 60, y - 30, { fit: [110, 110] })
  if (img.signature) doc.image(img.signature, LEFT + 85, y - 20, { fit: [80, 40] })
  person(x.supplier.signerTitle || t.head, x.supplier.signer ?? '', LEFT)
  person(t.accountant, x.supplier.accountant ?? x.supplier.signer ?? '', LEFT + 265)
}

export async function renderInvoicePdf(x: InvoiceModel): Promise<Buffer> {
  const t = invoiceTexts(x.lang)
  // the payload first: missing requisites refuse the whole document, naming the field
  const payload = invoiceQrPayload(x)
  const date = x.lang === 'ru' ? dateInWords(x.date, 'ru') : formatDate(x.date, 'en')
  const title = `${t.title} № ${x.number} ${t.of} ${date}`
  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({
    size: 'A4',
    margin: LEFT,
    info: { Title: title.replaceAll('\u00a0', ' '), Author: x.supplier.name },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  let top = LEFT
  if (x.images?.logo) {
    doc.image(x.images.logo, LEFT, top, { fit: [160, 50] })
    top += 58
  }
  const qrSize = 110
  const bottom = bankBlock(doc, x, top, WIDTH - qrSize - 10)
  await drawQr(doc, payload, LEFT + WIDTH - qrSize, top - 10, qrSize)
  doc
    .font(REGULAR)
    .fontSize(6)
    .text(t.qr, LEFT + WIDTH - qrSize, top + qrSize - 8, { width: qrSize, align: 'center' })
  doc.y = Math.max(bottom, top + qrSize) + 16
  doc.font(BOLD).fontSize(14).text(typographRu(title), LEFT, doc.y, { width: WIDTH })
  doc
    .moveTo(LEFT, doc.y + 4)
    .lineTo(LEFT + WIDTH, doc.y + 4)
    .lineWidth(1.5)
    .stroke()
  doc.y += 12
  labelled(doc, t.supplier, party(x, x.supplier))
  labelled(doc, t.buyer, party(x, x.buyer))
  if (x.basis) labelled(doc, t.basis, typographRu(x.basis))
  doc.y += 6
  linesTable(doc, x)
  totalsBlock(doc, x)
  doc
    .moveTo(LEFT, doc.y + 8)
    .lineTo(LEFT + WIDTH, doc.y + 8)
    .lineWidth(1.5)
    .stroke()
  doc.y += 12
  signatures(doc, x)
  doc.end()
  return done
}
