// Renders the reconciliation act to PDF (A4 landscape, embedded DejaVu fonts, selectable text) in the
// standard two-sided layout: our books on the left, the counterparty's columns on the right, empty
// for it to fill in and sign.
import type PDFDocument from 'pdfkit'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ReconciliationActModel } from './reconciliation-act-model.ts'
import { actHeadings, actTexts, balanceCells, partyLine, rowDocument } from './reconciliation-act-text.ts'
import { formatDate, formatKopecks } from './format.ts'
import { loadPdfKit } from './libraries.ts'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const REGULAR = join(fontDir, 'DejaVuSans.ttf')
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf')

type Doc = InstanceType<typeof PDFDocument>
const SIDE = [22, 56, 168, 70, 70]
const WIDTHS = [...SIDE, ...SIDE]
const RIGHT = new Set([3, 4, 8, 9])

function line(doc: Doc, cells: string[], widths: number[], bold = false) {
  const x0 = doc.page.margins.left
  doc.font(bold ? BOLD : REGULAR).fontSize(7)
  const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 4 }))) + 4
  if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const y = doc.y
  let x = x0
  cells.forEach((c, i) => {
    const w = widths[i]!
    doc.rect(x, y, w, h).lineWidth(0.5).stroke()
    if (c) doc.text(c, x + 2, y + 2, { width: w - 4, align: RIGHT.has(i) ? 'right' : 'left' })
    x += w
  })
  doc.x = x0
  doc.y = y + h
}

export async function renderReconciliationActPdf(x: ReconciliationActModel): Promise<Buffer> {
  const t = actTexts(x.lang)
  const h = actHeadings(x)
  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    info: { Title: h.title, Author: x.us.name },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const m = (k: number) => formatKopecks(k, x.lang)
  const d = (iso: string) => formatDate(iso, x.lang)

  doc.font(BOLD).fontSize(12).text(h.title, { align: 'center' })
  doc.font(REGULAR).fontSize(9).text(h.period, { align: 'center' })
  doc.text(h.between, { align: 'center' })
  doc.text(h.scope, { align: 'center' }).moveDown(0.3)
  doc
    .fontSize(8)
    .text(`${d(x.date)}`, { align: 'right' })
    .moveDown(0.3)
  doc.text(h.intro, { align: 'justify' }).moveDown(0.5)

  const half = SIDE.reduce((a, b) => a + b, 0)
  line(doc, [t.byData(partyLine(x.us, x.lang)), t.byData(partyLine(x.them, x.lang))], [half, half], true)
  line(doc, [...t.cols, ...t.cols], WIDTHS, true)
  const blank = ['', '', '', '', '']
  const [od, oc] = balanceCells(x.act.opening, x.lang)
  line(doc, ['', '', t.opening, od, oc, ...blank], WIDTHS, true)
  x.act.rows.forEach((r, i) =>
    line(
      doc,
      [String(i + 1), d(r.date), rowDocument(r, x), r.debit ? m(r.debit) : '', r.credit ? m(r.credit) : '', ...blank],
      WIDTHS,
    ),
  )
  line(doc, ['', '', t.turnover, m(x.act.debit), m(x.act.credit), ...blank], WIDTHS, true)
  const [cd, cc] = balanceCells(x.act.closing, x.lang)
  line(doc, ['', '', t.closing, cd, cc, ...blank], WIDTHS, true)
  doc.moveDown(0.8)
  doc.font(BOLD).fontSize(9).text(h.conclusion).moveDown(1.2)

  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage()
  const y = doc.y
  const left = doc.page.margins.left
  const col = half + 20
  const sign = (xPos: number, name: string, title: string, signer: string) => {
    doc
      .font(BOLD)
      .fontSize(9)
      .text(`${t.from} ${name}`, xPos, y, { width: half - 20 })
    doc.font(REGULAR).fontSize(8)
    doc.text(title || ' ', xPos, doc.y + 8, { width: half - 20 })
    doc.text(`____________________ ${signer || '(____________________)'}`, xPos, doc.y + 10, { width: half - 20 })
    doc.text(`${t.sign}                    ${t.stamp}`, xPos, doc.y + 2, { width: half - 20 })
  }
  sign(left, x.us.name, x.us.signerTitle, x.us.signer)
  sign(left + col, x.them.name, '', '')
  doc.end()
  return done
}
