// Renders the claim letter to PDF with embedded DejaVu fonts (Cyrillic, works offline).
import type PDFDocument from 'pdfkit'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { AccrualRow, AccrualTable, ClaimLetterModel } from './claim-letter-model.ts'
import { claimLetterTexts } from './claim-letter-text.ts'
import { defaultLetterTemplate, fillLetterTemplate } from './claim-letter-template.ts'
import { formatDate as d, formatKopecks as m } from './format.ts'
import { typographRu } from './typography.ts'
import { loadPdfKit } from './libraries.ts'

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const REGULAR = join(fontDir, 'DejaVuSans.ttf')
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf')

type Doc = InstanceType<typeof PDFDocument>

function table(doc: Doc, headers: string[], rows: string[][], widths: number[]) {
  const x0 = doc.page.margins.left
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage()
    const y = doc.y
    let x = x0
    doc.font(bold ? BOLD : REGULAR).fontSize(8)
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 4 }))
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, { width: widths[i] - 4, align: i === 0 ? 'left' : 'right' })
      x += widths[i]
    })
    const h = Math.max(...heights) + 4
    doc
      .rect(
        x0,
        y,
        widths.reduce((a, b) => a + b, 0),
        h,
      )
      .lineWidth(0.5)
      .stroke()
    doc.x = x0
    doc.y = y + h
  }
  line(headers, true)
  for (const r of rows) line(r, false)
  doc.moveDown(0.5)
}

/** One accrual table: art. 395 with the days-in-year column, a penalty without; window rows say why nothing accrues; the cap under it. */
function accrualTable(doc: Doc, x: ClaimLetterModel, a: AccrualTable) {
  const t = claimLetterTexts(x.lang)
  const period = (r: AccrualRow) =>
    r.from === r.to && r.days === 0 ? d(r.from, x.lang) : `${d(r.from, x.lang)} – ${d(r.to, x.lang)}`
  const rate = (r: AccrualRow) => (r.accrues === false ? t.notAccrued : r.ratePercent)
  doc.font(BOLD).fontSize(10).text(a.title).moveDown(0.3)
  if (a.perYear)
    table(
      doc,
      t.accrualCols,
      a.rows.map((r) => [
        period(r),
        String(r.days),
        m(r.base, x.lang),
        rate(r),
        String(r.yearDays ?? ''),
        m(r.amount, x.lang),
      ]),
      [120, 40, 85, 85, 60, 105],
    )
  else
    table(
      doc,
      t.accrualColsDay,
      a.rows.map((r) => [period(r), String(r.days), m(r.base, x.lang), rate(r), m(r.amount, x.lang)]),
      [130, 45, 100, 120, 100],
    )
  const notes = a.rows.filter((r) => r.accrues === false && r.note)
  for (const r of notes)
    doc
      .font(REGULAR)
      .fontSize(8)
      .text(`${t.notAccruedNote}: ${period(r)} — ${r.note}`)
  if (notes.length) doc.moveDown(0.3)
  if (a.cap?.applied)
    doc
      .font(BOLD)
      .fontSize(9)
      .text(
        `${t.uncapped}: ${m(a.uncapped, x.lang)}. ${t.cap} (${a.cap.label}): ${m(a.cap.limit, x.lang)} — ${t.toClaim} ${m(a.total, x.lang)}`,
      )
      .moveDown(0.5)
  else
    doc
      .font(BOLD)
      .fontSize(9)
      .text(`${t.accrualTotal}: ${m(a.total, x.lang)}`)
      .moveDown(0.5)
}

export async function renderClaimLetterPdf(x: ClaimLetterModel): Promise<Buffer> {
  const t = claimLetterTexts(x.lang)
  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `${t.title} ${x.number}`, Author: x.creditor.name },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  // names as people typed them in the portal (ООО "Вектор") get «ёлочки» and non-breaking spaces
  const party = (p: ClaimLetterModel['debtor']) =>
    typographRu(
      [p.name, [p.inn && `${t.inn} ${p.inn}`, p.kpp && `${t.kpp} ${p.kpp}`].filter(Boolean).join(', '), p.address ?? '']
        .filter(Boolean)
        .join('\n'),
    )

  doc.font(REGULAR).fontSize(9)
  doc.text(`${t.to}: ${party(x.debtor)}`, { align: 'right' }).moveDown(0.5)
  doc.text(`${t.from}: ${party(x.creditor)}`, { align: 'right' }).moveDown(1)
  doc.font(BOLD).fontSize(14).text(`${t.title} № ${x.number}`, { align: 'center' })
  doc.font(REGULAR).fontSize(9).text(d(x.date, x.lang), { align: 'center' }).moveDown(1)
  const words = fillLetterTemplate(x.template ?? defaultLetterTemplate(x.lang), x)
  doc.fontSize(10).text(words.body, { align: 'justify' }).moveDown(0.8)

  doc.font(BOLD).fontSize(10).text(t.invoices).moveDown(0.3)
  table(
    doc,
    t.cols,
    x.invoices.map((i) => [i.number, d(i.date, x.lang), d(i.dueDate, x.lang), m(i.amount, x.lang), m(i.paid, x.lang)]),
    [120, 90, 90, 95, 100],
  )

  for (const a of x.accruals) accrualTable(doc, x, a)
  const sums = (['interest', 'penalty'] as const)
    .map((k) => ({ k, tables: x.accruals.filter((a) => a.kind === k) }))
    .filter((s) => s.tables.length)
  if (x.accruals.length > 1)
    for (const s of sums)
      doc
        .font(BOLD)
        .fontSize(9)
        .text(
          `${s.k === 'interest' ? t.interestTotal : t.penaltyTotal}: ${m(
            s.tables.reduce((sum, a) => sum + a.total, 0),
            x.lang,
          )}`,
        )
  if (x.accruals.length > 1) doc.moveDown(0.5)

  doc
    .font(BOLD)
    .fontSize(11)
    .text(`${t.total}: ${m(x.total, x.lang)}`)
    .moveDown(0.5)
  doc.font(REGULAR).fontSize(10).text(words.demand, { align: 'justify' }).moveDown(0.8)
  const b = x.creditor.bankDetails
  doc.font(BOLD).fontSize(9).text(t.bank)
  doc
    .font(REGULAR)
    .text(`${x.creditor.name}, ${t.inn} ${x.creditor.inn ?? ''}${x.creditor.kpp ? `, ${t.kpp} ${x.creditor.kpp}` : ''}`)
  doc
    .text(
      `${t.account} ${b.account}, ${b.bank}, ${t.bic} ${b.bic}${b.corrAccount ? `, ${t.corr} ${b.corrAccount}` : ''}`,
    )
    .moveDown(0.8)
  if (x.attachments.length) {
    doc.font(BOLD).text(t.attachments)
    doc.font(REGULAR)
    x.attachments.forEach((a, i) => doc.text(`${i + 1}. ${a}`))
    doc.moveDown(1)
  }
  doc.text(`${x.creditor.signerTitle} ____________________ ${x.creditor.signer}`)
  doc.end()
  return done
}
