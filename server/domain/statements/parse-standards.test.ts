// Files written from the standards' texts (tests/fixtures/statements/files): ISO 20022 camt.053
// versions 001.02, .04 and .13, SWIFT MT940 with two messages and the three :86: styles, and a
// 1CClientBankExchange 1.03 file where our account is anonymised or old. Every value is asserted.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkBalances, parseStatement, type ParsedStatement } from './index.ts'
import { encodeCp1251 } from '../../../tests/fixtures/statements/encode.ts'

const file = (name: string) =>
  readFileSync(new URL(`../../../tests/fixtures/statements/files/${name}`, import.meta.url))
const OUR = '40702810900000012345'
const rows = (s: ParsedStatement) =>
  s.documents.map((d) => [d.statement, d.line, d.number, d.date, d.valueDate, d.amount, d.direction, d.ourAccount])
const parties = (s: ParsedStatement) =>
  s.documents.map((d) => {
    const them = d.direction === 'incoming' ? d.payer : d.payee
    return [them.name, them.inn, them.innValid, them.kpp, them.account, them.bic, d.purpose]
  })
const checks = (s: ParsedStatement) =>
  checkBalances(s).map((b) => [
    b.statement ?? null,
    b.ok,
    b.code,
    b.difference,
    b.documentsIncoming,
    b.documentsOutgoing,
  ])

describe('camt.053 as banks write it', () => {
  it('001.02: flat parties, BIC, Sts as a code, fractional-second date-times, batch, pending and reversal', () => {
    const s = parseStatement(file('camt053-v02.xml'))
    expect([s.format, s.version, s.period, s.accounts]).toEqual([
      'camt053',
      'camt.053.001.02',
      { from: '2023-06-21', to: '2023-06-21' },
      [OUR],
    ])
    expect(rows(s)).toEqual([
      [1, 40, '512', '2023-06-21', '2023-06-21', 1_500_000, 'incoming', OUR],
      [1, 66, 'PO-77', '2023-06-21', '2023-06-21', 250_050, 'outgoing', OUR],
      [1, 112, 'PP-31', '2023-06-21', '2023-06-21', 400_000, 'incoming', OUR],
      [1, 119, 'BATCH-9/2', '2023-06-21', '2023-06-21', 300_012, 'incoming', OUR],
    ])
    expect(parties(s)).toEqual([
      [
        'ООО Ромашка',
        '7707083893',
        true,
        '773601001',
        '40702810400000000001',
        'SABRRUMMXXX',
        'Оплата по счету № 101 от 01.06.2023',
      ],
      ['ИП Кузнецов', '500100732259', true, null, '40802810000000000077', null, 'Аренда за июнь'],
      ['АО Лютик', '7736207543', true, null, null, null, 'Оплата по счету № 102'],
      ['ООО Василек', '7728168971', true, null, null, null, 'Оплата по счету № 103'],
    ])
    expect(s.balances).toEqual([
      {
        account: OUR,
        statement: 1,
        from: '2023-06-21',
        to: '2023-06-21',
        opening: 10_000_000,
        incoming: 2_300_012,
        outgoing: 250_050,
        closing: 12_049_962,
        notDocuments: { incoming: 100_000, outgoing: 0 },
      },
    ])
    expect(checks(s)).toEqual([[1, true, 'balances.agree', 0, 2_200_012, 250_050]])
    expect(s.warnings).toEqual([
      { code: 'entry-not-booked', line: 86, params: { status: 'PDNG' } },
      { code: 'entry-reversal', line: 93, params: { amount: 100_000 } },
    ])
  })

  it('001.04: 5-decimal amounts exact when the extra digits are zeros, else rounded half-up with a warning; Z and offsets; a wrong INN', () => {
    const s = parseStatement(file('camt053-v04.xml'))
    expect(s.version).toBe('camt.053.001.04')
    expect(rows(s)).toEqual([
      [1, 25, 'П-7', '2023-06-22', '2023-06-22', 25_001, 'incoming', OUR],
      [1, 44, 'BNK-4-2', '2023-06-22', '2023-06-22', 10_012, 'outgoing', OUR],
    ])
    expect(parties(s)).toEqual([
      ['ООО Ромашка', '7707083894', false, null, null, 'SABRRUMM', 'Оплата по счету № 104'],
      ['АО Банк', null, true, null, null, null, 'Комиссия за ведение счета'],
    ])
    expect(s.balances).toMatchObject([
      { statement: 1, opening: 500_000, incoming: 25_001, outgoing: 10_012, closing: 514_989 },
    ])
    expect(checks(s)).toEqual([[1, true, 'balances.agree', 0, 25_001, 10_012]])
    expect(s.warnings).toEqual([
      { code: 'amount-rounded', line: 21, params: { value: '5149.88500', kopecks: 514_989 } },
      { code: 'amount-rounded', line: 26, params: { value: '250.00500', kopecks: 25_001 } },
      { code: 'inn-invalid', line: 25, params: { inn: '7707083894' } },
    ])
  })

  it('001.13: two Stmt in one file, each checked against its own balances (an entry value-dated the next day stays in its Stmt)', () => {
    const s = parseStatement(file('camt053-v13-two-statements.xml'))
    expect([s.version, s.period]).toEqual(['camt.053.001.13', { from: '2023-06-21', to: '2023-06-22' }])
    expect(rows(s)).toEqual([
      [1, 25, 'B13-1-1', '2023-06-21', '2023-06-22', 20_000, 'incoming', OUR],
      [2, 65, 'E2E-90', '2023-06-22', '2023-06-22', 5_000, 'outgoing', OUR],
    ])
    expect(parties(s)).toEqual([
      ['ООО Ромашка', '7707083893', true, null, '40702810400000000001', 'SABRRUMMXXX', 'Оплата по счету № 105'],
      ['ИП Кузнецов', '500100732259', true, null, '40802810000000000077', null, 'Аренда'],
    ])
    expect(s.balances.map((b) => [b.statement, b.from, b.to, b.opening, b.incoming, b.outgoing, b.closing])).toEqual([
      [1, '2023-06-21', '2023-06-21', 100_000, 20_000, 0, 120_000],
      [2, '2023-06-22', '2023-06-22', 120_000, 0, 5_000, 115_000],
    ])
    expect(checks(s)).toEqual([
      [1, true, 'balances.agree', 0, 20_000, 0],
      [2, true, 'balances.agree', 0, 0, 5_000],
    ])
    expect(s.warnings).toEqual([{ code: 'entry-not-booked', line: 86, params: { status: 'PDNG' } }])
  })
})

describe('MT940', () => {
  const check = (s: ParsedStatement) => {
    expect([s.format, s.period, s.accounts]).toEqual(['mt940', { from: '2023-06-20', to: '2023-06-22' }, [OUR]])
    expect(rows(s)).toEqual([
      [1, 6, '512', '2023-06-21', '2023-06-21', 1_500_000, 'incoming', OUR],
      [1, 9, 'BNK0002', '2023-06-21', '2023-06-21', 250_050, 'outgoing', OUR],
      [2, 20, 'PP-31', '2023-06-22', '2023-06-22', 700_012, 'incoming', OUR],
    ])
    expect(parties(s)).toEqual([
      ['OOO ROMASHKA', '7707083893', true, '773601001', null, null, 'Оплата по счету № 101'],
      ['', '500100732259', true, null, null, null, 'Аренда за июнь ИНН 500100732259 ИП Кузнецов'],
      [
        'АО Лютик',
        '7736207543',
        true,
        null,
        '40702810400000000002',
        'SABRRUMM',
        'EREF+PP-31Оплата по счету № 102 ИНН 7736207543',
      ],
    ])
    expect(
      s.balances.map((b) => [b.statement, b.from, b.to, b.opening, b.incoming, b.outgoing, b.closing, b.notDocuments]),
    ).toEqual([
      [1, '2023-06-20', '2023-06-21', 10_000_000, 1_600_000, 250_050, 11_349_950, { incoming: 100_000, outgoing: 0 }],
      [2, '2023-06-21', '2023-06-22', 11_349_950, 700_012, 0, 12_049_962, undefined],
    ])
    expect(checks(s)).toEqual([
      [1, true, 'balances.agree', 0, 1_500_000, 250_050],
      [2, true, 'balances.agree', 0, 700_012, 0],
    ])
    expect(s.warnings).toEqual([{ code: 'entry-reversal', line: 11, params: { amount: 100_000 } }])
  }

  it('reads two messages (:60F:/:62M:, :60M:/:62F:), /CODE/ and ?20 :86: styles, free text, RD reversal', () => {
    check(parseStatement(file('mt940-two-messages.sta')))
  })

  it('is told from its bytes in Windows-1251 and without the SWIFT blocks', () => {
    const text = file('mt940-two-messages.sta').toString('utf8')
    const s = parseStatement(encodeCp1251(text))
    expect(s.encoding).toBe('windows-1251')
    check(s)
    const bare = text.replace(/^\{1:[^\n]*\n/gm, '\n').replace(/^-\}$/gm, '-')
    expect(parseStatement(new TextEncoder().encode(bare)).documents.map((d) => d.amount)).toEqual([
      1_500_000, 250_050, 700_012,
    ])
  })

  it('a statement whose closing balance does not follow from its lines fails the check', () => {
    const text = file('mt940-two-messages.sta')
      .toString('utf8')
      .replace(':62F:C230622RUB120499,62', ':62F:C230622RUB120499,63')
    expect(checks(parseStatement(new TextEncoder().encode(text)))[1]).toEqual([
      2,
      false,
      'balances.mismatch',
      -1,
      700_012,
      0,
    ])
  })
})

describe('1CClientBankExchange 1.03 with our account anonymised or old', () => {
  it("the bank's markers give the direction, the totals agree, INN only from a valid standalone token", () => {
    const s = parseStatement(file('one-c-anonymised.txt'))
    expect([s.format, s.version, s.period, s.accounts]).toEqual([
      '1c',
      '1.03',
      { from: '2023-06-21', to: '2023-06-21' },
      [OUR],
    ])
    expect(rows(s)).toEqual([
      [1, 21, '512', '2023-06-20', '2023-06-21', 1_500_000, 'incoming', OUR],
      [1, 39, '77', '2023-06-21', '2023-06-21', 500_012, 'incoming', OUR],
      [1, 52, '78', '2023-06-21', '2023-06-21', 200_000, 'incoming', OUR],
      [1, 64, '79', '2023-06-21', '2023-06-21', 100_000, 'incoming', OUR],
      [1, 76, '41', '2023-06-21', '2023-06-21', 250_050, 'outgoing', OUR],
    ])
    expect(parties(s)).toEqual([
      [
        'ООО Ромашка',
        '7707083893',
        true,
        '773601001',
        '40702810400000000001',
        '044525225',
        'Оплата по счету № 101 от 01.06.2023',
      ],
      ['40817810900000012345 Иванов Иван', null, true, null, '40817810900000012345', null, 'Оплата по счету № 106'],
      [
        'ООО Василек р/с 40702810400000000003',
        '7728168971',
        true,
        null,
        '40702810400000000003',
        null,
        'Оплата по счету № 107',
      ],
      ['ООО Незабудка', '7707083894', false, null, '40702810400000000004', null, 'Оплата по счету № 108'],
      ['ИП Кузнецов', '500100732259', true, null, '40802810000000000077', null, 'Аренда за июнь'],
    ])
    expect(s.balances).toEqual([
      {
        account: OUR,
        from: '2023-06-21',
        to: '2023-06-21',
        opening: 10_000_000,
        incoming: 2_300_012,
        outgoing: 250_050,
        closing: 12_049_962,
      },
    ])
    expect(checks(s)).toEqual([[null, true, 'balances.agree', 0, 2_300_012, 250_050]])
    expect(s.warnings).toEqual([{ code: 'inn-invalid', line: 64, params: { document: 4, inn: '7707083894' } }])
  })
})
