import { describe, expect, it } from 'vitest'
import { tableToCsv, type ExportTable } from './table-export.ts'

const table: ExportTable = {
  name: 't',
  columns: [
    { key: 'name', header: 'Name', kind: 'text' },
    { key: 'amount', header: 'Amount', kind: 'money' },
    { key: 'n', header: 'N', kind: 'number' },
    { key: 'note', header: 'Note' },
  ],
  rows: [
    { name: '=HYPERLINK("http://x","y")', amount: -150, n: -3, note: '+7 900 000-00-00' },
    { name: '@SUM(A1:A2)', amount: 12_345, n: 2.5, note: '-2+3' },
    { name: '\tTAB', amount: 0, n: 0, note: '\rCR' },
    { name: 'ООО Ромашка', amount: -1, n: null, note: 'a-b=c' },
  ],
}

describe('CSV export', () => {
  const lines = (lang: 'ru' | 'en') =>
    tableToCsv(table, lang)
      .replace(/^\ufeff/, '')
      .split('\r\n')

  it('neutralises cells a spreadsheet would run as a formula, with a leading apostrophe', () => {
    const en = lines('en')
    expect(en[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",-1.50,-3,'+7 900 000-00-00`)
    expect(en[2]).toBe(`'@SUM(A1:A2),123.45,2.5,'-2+3`)
    expect(en[3]).toBe(`'\tTAB,0.00,0,"'\rCR"`)
    expect(en[4]).toBe('ООО Ромашка,-0.01,,a-b=c')
  })

  it('neutralises a formula behind list separators or spaces too (a separator first opens a new cell)', () => {
    for (const text of [';=cmd|"/c calc"!A1', ',+1', ';;@SUM(A1)', ' -2+3', ', =1+1']) {
      const csv = tableToCsv({ name: 't', columns: [{ key: 'x', header: 'X' }], rows: [{ x: text }] }, 'ru')
      const cell = csv.replace(/^\ufeff/, '').split('\r\n')[1]
      expect(cell.replace(/^"/, '').startsWith("'"), text).toBe(true)
    }
    const plain = tableToCsv({ name: 't', columns: [{ key: 'x', header: 'X' }], rows: [{ x: '; note' }] }, 'ru')
    expect(plain.split('\r\n')[1]).toBe('"; note"')
  })

  it('keeps negative amounts and numbers as numbers, with the decimal comma in Russian', () => {
    const ru = lines('ru')
    expect(ru[0]).toBe('Name;Amount;N;Note')
    expect(ru[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")";-1,50;-3;'+7 900 000-00-00`)
    expect(ru[2]).toBe(`'@SUM(A1:A2);123,45;2,5;'-2+3`)
  })
})
