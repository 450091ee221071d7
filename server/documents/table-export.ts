// Tables as files: CSV (UTF-8 with BOM so Excel reads Cyrillic; ";" for ru, "," for en) and XLSX
// (one sheet per table, money as numbers with two decimals, header row bold and frozen).
// CSV cells that a spreadsheet would run as a formula (text starting with = + - @, tab or CR: names
// and purposes come from the portal and from payers) get a leading apostrophe (OWASP "CSV
// injection"); numbers (amounts, counts) are written as numbers, negative ones too. XLSX cells are
// typed values, never formulas.
import { loadExcel } from './libraries.ts'

export interface ExportColumn {
  key: string
  header: string
  kind?: 'money' | 'number' | 'text' | 'day'
  width?: number
}
export interface ExportTable {
  name: string
  columns: ExportColumn[]
  rows: readonly object[]
}

const valueOf = (r: object, key: string) => (r as Record<string, string | number | null | undefined>)[key] ?? null

/** Text a spreadsheet would take for a formula gets a leading apostrophe; also behind list separators or spaces (";=cmd", ", +1"). */
export const neutraliseFormula = (s: string) => (/^[=+\-@\t\r]|^[;,\s]+[=+\-@]/.test(s) ? `'${s}` : s)

const cell = (v: string | number | null, kind: ExportColumn['kind'], decimal: string) => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') {
    if (kind === 'money')
      return `${v < 0 ? '-' : ''}${Math.floor(Math.abs(v) / 100)}${decimal}${String(Math.abs(v) % 100).padStart(2, '0')}`
    return Number.isFinite(v) ? String(v).replace('.', decimal) : ''
  }
  return neutraliseFormula(String(v))
}

export function tableToCsv(t: ExportTable, lang: 'ru' | 'en'): string {
  const sep = lang === 'ru' ? ';' : ','
  const decimal = lang === 'ru' ? ',' : '.'
  const q = (s: string) => (s.includes(sep) || /["\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  const lines = [
    t.columns.map((c) => q(neutraliseFormula(c.header))).join(sep),
    ...t.rows.map((r) => t.columns.map((c) => q(cell(valueOf(r, c.key), c.kind, decimal))).join(sep)),
  ]
  return `\ufeff${lines.join('\r\n')}\r\n`
}

export async function tablesToXlsx(tables: ExportTable[]): Promise<Buffer> {
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Receivables Control'
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31))
    ws.columns = t.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? (c.kind === 'text' ? 30 : 16),
      style: c.kind === 'money' ? { numFmt: '#,##0.00' } : {},
    }))
    for (const r of t.rows) {
      ws.addRow(
        Object.fromEntries(
          t.columns.map((c) => {
            const v = valueOf(r, c.key)
            return [c.key, c.kind === 'money' && typeof v === 'number' ? v / 100 : v]
          }),
        ),
      )
    }
    ws.getRow(1).font = { bold: true }
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
