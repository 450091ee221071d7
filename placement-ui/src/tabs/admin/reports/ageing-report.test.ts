import { describe, expect, it } from 'vitest'
import type { AgeingDto, AgeingRowDto } from '../../../../../contracts/receivables.ts'
import { ageingCsv, ageingRows, kopecksToDecimal, legalEntityRows } from './ageing-report.ts'

const row = (amounts: number[]): AgeingRowDto => {
  const [current, d1_30, d31_60, d61_90, d90_plus] = amounts.map((amount) => ({
    amount,
    count: amount ? 1 : 0,
  })) as AgeingRowDto['current'][]
  return {
    current: current!,
    d1_30: d1_30!,
    d31_60: d31_60!,
    d61_90: d61_90!,
    d90_plus: d90_plus!,
    total: { amount: amounts.reduce((s, a) => s + a, 0), count: 1 },
  }
}
const dto: AgeingDto = {
  today: '2025-06-20',
  portal: row([10_00, 20_000_01, 0, 0, 5]),
  counterparties: [
    {
      counterparty: { id: 1, type: 'company', entityId: 5, name: 'ООО "Ромашка"; филиал', inn: null },
      ageing: row([10_00, 20_000_01, 0, 0, 5]),
    },
  ],
  legalEntities: [],
}
const header = {
  name: 'Counterparty',
  buckets: { current: 'Current', d1_30: '1–30', d31_60: '31–60', d61_90: '61–90', d90_plus: '90+', total: 'Total' },
}

describe('ageing report', () => {
  it('turns kopecks into decimals without floating point', () => {
    expect(kopecksToDecimal(2_000_001)).toBe('20000.01')
    expect(kopecksToDecimal(5)).toBe('0.05')
    expect(kopecksToDecimal(-150)).toBe('-1.50')
    expect(kopecksToDecimal(9_007_199_254_740_991)).toBe('90071992547409.91')
  })

  it('writes a CSV with a header, quoted names and the portal total last', () => {
    const csv = ageingCsv(ageingRows(dto, 'All'), header, ';')
    expect(csv.split('\r\n')).toEqual([
      'Counterparty;Current;1–30;31–60;61–90;90+;Total',
      '"ООО ""Ромашка""; филиал";10.00;20000.01;0.00;0.00;0.05;20010.06',
      'All;10.00;20000.01;0.00;0.00;0.05;20010.06',
      '',
    ])
    expect(ageingCsv(ageingRows(dto, 'All'), header, ',').split('\r\n')[1]).toBe(
      '"ООО ""Ромашка""; филиал",10.00,20000.01,0.00,0.00,0.05,20010.06',
    )
  })

  it('neutralises names a spreadsheet would run as a formula, keeps negative amounts as numbers', () => {
    const evil = (name: string, amounts: number[]) => ({
      counterparty: { id: 2, type: 'company' as const, entityId: 6, name, inn: null },
      ageing: row(amounts),
    })
    const bad: AgeingDto = {
      ...dto,
      counterparties: [
        evil('=HYPERLINK("http://x","y")', [-150, 0, 0, 0, 0]),
        evil('+7 900', [0, 0, 0, 0, 0]),
        evil('-1', [0, 0, 0, 0, -5]),
        evil('@SUM(A1)', [0, 0, 0, 0, 0]),
        evil('\tx', [0, 0, 0, 0, 0]),
        evil('\ry', [0, 0, 0, 0, 0]),
        evil('a=b', [0, 0, 0, 0, 0]),
      ],
    }
    const lines = ageingCsv(ageingRows(bad, 'All'), header, ',').split('\r\n')
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",-1.50,0.00,0.00,0.00,0.00,-1.50`)
    expect(lines[2]).toBe("'+7 900,0.00,0.00,0.00,0.00,0.00,0.00")
    expect(lines[3]).toBe("'-1,0.00,0.00,0.00,0.00,-0.05,-0.05")
    expect(lines[4]).toBe("'@SUM(A1),0.00,0.00,0.00,0.00,0.00,0.00")
    expect(lines[5]).toBe("'\tx,0.00,0.00,0.00,0.00,0.00,0.00")
    expect(lines[6]).toBe(`"'\ry",0.00,0.00,0.00,0.00,0.00,0.00`)
    expect(lines[7]).toBe('a=b,0.00,0.00,0.00,0.00,0.00,0.00')
  })

  it('lists our legal entities, the one not named on a contract under its label, and the total last', () => {
    const withEntities: AgeingDto = {
      ...dto,
      legalEntities: [
        { legalEntity: 'ООО «Альфа»', inn: '7700000001', ageing: row([10_00, 20_000_01, 0, 0, 0]) },
        { legalEntity: null, inn: null, ageing: row([0, 0, 0, 0, 5]) },
      ],
    }
    expect(
      legalEntityRows(withEntities, { none: 'Not named', all: 'All' }).map((r) => [r.key, r.name, r.row.total.amount]),
    ).toEqual([
      ['le-0', 'ООО «Альфа»', 20_010_01],
      ['le-1', 'Not named', 5],
      ['portal', 'All', 20_010_06],
    ])
  })
})
