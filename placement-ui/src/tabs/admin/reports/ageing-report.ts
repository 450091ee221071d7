// Receivables ageing as chart series, table rows and CSV (client-side; amounts stay in kopecks until shown).
import { saveBlob } from '../../../app/download.ts'
import type { AgeingDto, AgeingRowDto } from '../../../../../contracts/receivables.ts'

export const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const
export type Bucket = (typeof BUCKETS)[number]

export interface AgeingTableRow {
  key: string
  name: string
  row: AgeingRowDto
}

export function ageingRows(dto: AgeingDto, portalName: string): AgeingTableRow[] {
  return [
    ...dto.counterparties.map((c) => ({
      key: `${c.counterparty.type}-${c.counterparty.id}`,
      name: c.counterparty.name,
      row: c.ageing,
    })),
    { key: 'portal', name: portalName, row: dto.portal },
  ]
}

/** By our legal entity (biggest first, "not named" last as the server sends them), then the total of all. */
export function legalEntityRows(dto: AgeingDto, names: { none: string; all: string }): AgeingTableRow[] {
  return [
    ...dto.legalEntities.map((e, i) => ({ key: `le-${i}`, name: e.legalEntity ?? names.none, row: e.ageing })),
    { key: 'portal', name: names.all, row: dto.portal },
  ]
}

/** Kopecks -> "1234.56" without floating point (for CSV and chart values). */
export function kopecksToDecimal(k: number): string {
  const sign = k < 0 ? '-' : ''
  const a = Math.abs(k)
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

function csvCell(v: string): string {
  return /[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** Text a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe (CSV injection). */
export function neutraliseFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

/** RFC 4180 CSV with a header; ';' for Russian spreadsheets, ',' otherwise. Amounts as plain decimals (negative ones stay numbers); names neutralised. */
export function ageingCsv(
  rows: AgeingTableRow[],
  header: { name: string; buckets: Record<Bucket | 'total', string> },
  sep: ';' | ',' = ';',
): string {
  const cols = [...BUCKETS, 'total'] as const
  const text = (v: string) => csvCell(neutraliseFormula(v))
  const head = [header.name, ...cols.map((c) => header.buckets[c])].map(text)
  const lines = [
    head,
    ...rows.map((r) => [text(r.name), ...cols.map((c) => csvCell(kopecksToDecimal(r.row[c].amount)))]),
  ]
  return lines.map((l) => l.join(sep)).join('\r\n') + '\r\n'
}

export function downloadText(filename: string, text: string, doc: Document = document): void {
  saveBlob(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), filename, doc)
}
