// The reconciliation act as an XLSX sheet in the same two-sided layout as the PDF: amounts are
// numbers (rubles with two decimals, read from integer kopecks), texts are values, never formulas.
import type { ReconciliationActModel } from './reconciliation-act-model.ts'
import { actHeadings, actTexts, partyLine, rowDocument } from './reconciliation-act-text.ts'
import { neutraliseFormula } from './table-export.ts'
import { loadExcel } from './libraries.ts'

const rub = (k: number) =>
  Number(`${k < 0 ? '-' : ''}${Math.trunc(Math.abs(k) / 100)}.${String(Math.abs(k) % 100).padStart(2, '0')}`)

export async function renderReconciliationActXlsx(x: ReconciliationActModel): Promise<Buffer> {
  const t = actTexts(x.lang)
  const h = actHeadings(x)
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Receivables Control'
  const ws = wb.addWorksheet(x.lang === 'ru' ? 'Акт сверки' : 'Reconciliation')
  ws.columns = [6, 12, 44, 16, 16, 6, 12, 44, 16, 16].map((width) => ({ width }))
  const text = (s: string) => neutraliseFormula(s)
  const merged = (value: string, bold = false) => {
    const row = ws.addRow([text(value)])
    ws.mergeCells(row.number, 1, row.number, 10)
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true }
    if (bold) row.font = { bold: true }
  }
  merged(h.title, true)
  merged(h.period)
  merged(h.between)
  merged(h.scope)
  merged(h.intro)
  const sides = ws.addRow([
    text(t.byData(partyLine(x.us, x.lang))),
    '',
    '',
    '',
    '',
    text(t.byData(partyLine(x.them, x.lang))),
  ])
  ws.mergeCells(sides.number, 1, sides.number, 5)
  ws.mergeCells(sides.number, 6, sides.number, 10)
  sides.font = { bold: true }
  ws.addRow([...t.cols, ...t.cols]).font = { bold: true }
  const money = (k: number) => (k ? rub(k) : null)
  const balance = (label: string, k: number) => {
    const row = ws.addRow([null, null, label, k > 0 ? rub(k) : k === 0 ? 0 : null, k < 0 ? rub(-k) : null])
    row.font = { bold: true }
  }
  balance(t.opening, x.act.opening)
  x.act.rows.forEach((r, i) => ws.addRow([i + 1, r.date, text(rowDocument(r, x)), money(r.debit), money(r.credit)]))
  const turnover = ws.addRow([null, null, t.turnover, rub(x.act.debit), rub(x.act.credit)])
  turnover.font = { bold: true }
  balance(t.closing, x.act.closing)
  for (const c of [4, 5, 9, 10]) ws.getColumn(c).numFmt = '#,##0.00'
  // dates as text in the portal's day form, so no time zone can shift them
  ws.eachRow((row) => {
    const v = row.getCell(2).value
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      row.getCell(2).value = x.lang === 'ru' ? v.split('-').reverse().join('.') : v
  })
  ws.addRow([])
  merged(h.conclusion, true)
  ws.addRow([])
  ws.addRow([text(`${t.from} ${x.us.name}`), '', '', '', '', text(`${t.from} ${x.them.name}`)]).font = { bold: true }
  ws.addRow([text(x.us.signerTitle), '', '', '', '', ''])
  ws.addRow([`____________________ ${text(x.us.signer)}`, '', '', '', '', '____________________'])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
