import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkBalances, parseStatement, StatementError, lineKey } from './index.ts'
import { crlf, encodeCp1251, encodeCp866, lf } from '../../../tests/fixtures/statements/encode.ts'
import { OUR, OUR2, oneCLines, type Doc } from '../../../tests/fixtures/statements/one-c-file.ts'
import { statementMessageLine } from '../../../contracts/statement-messages.ts'

const texts = (s: { warnings: Parameters<typeof statementMessageLine>[0][] }) =>
  s.warnings.map((w) => statementMessageLine(w, 'en')).join('\n')

const docs: Doc[] = [
  {
    number: '512',
    date: '02.12.2024',
    amount: '150000.00',
    payerInn: '7705000010',
    payerKpp: '770501001',
    payer: 'ООО "Ромашка"',
    payerAccount: '40702810000000000512',
    payeeAccount: OUR,
    credited: '02.12.2024',
    purpose: 'Оплата по счету № 101 от 01.11.2024, в т.ч. НДС 20%',
  },
  {
    number: '77',
    date: '03.12.2024',
    amount: '2500.5',
    payer: 'ИНН 7705000002 ООО Лютик',
    payerAccount: '40702810000000000077',
    payeeAccount: OUR2,
    credited: '03.12.2024',
    purposeLines: ['Оплата по сч. №7, 8', 'от 20.11.2024', 'НДС не облагается'],
    bare: true,
  },
  {
    number: '9',
    date: '03.12.2024',
    amount: '1000',
    payer: 'ООО «Поставщик»',
    payerInn: '7701234560',
    payerAccount: OUR,
    payeeAccount: '40702810000000000999',
    debited: '03.12.2024',
    purpose: 'Оплата аренды',
  },
]
const balances = [
  { account: OUR, opening: '10000.00', incoming: '150000.00', outgoing: '1000.00', closing: '159000.00' },
  { account: OUR2, opening: '0', incoming: '2500.50', outgoing: '0', closing: '2500.50' },
]

describe('1CClientBankExchange', () => {
  for (const [name, bytes] of [
    ['Windows-1251, CRLF', encodeCp1251(crlf(oneCLines(docs, balances)))],
    ['UTF-8 under "Кодировка=Windows", LF', new TextEncoder().encode(lf(oneCLines(docs, balances, '1.02')))],
    [
      'CP866 with "Кодировка=DOS"',
      encodeCp866(
        crlf(
          oneCLines(docs, balances).map((l) => (l === 'Кодировка=Windows' ? 'Кодировка=DOS' : l.replace(/[«»]/g, '"'))),
        ),
      ),
    ],
  ] as const) {
    it(`reads ${name}: directions, amounts in kopecks, INN from the text, multi-line purpose, bare section`, () => {
      const s = parseStatement(bytes)
      expect(s.format).toBe('1c')
      expect(s.accounts).toEqual([OUR, OUR2])
      expect(s.period).toEqual({ from: '2024-12-01', to: '2024-12-04' })
      expect(s.warnings).toEqual([])
      expect(s.documents.map((d) => [d.direction, d.amount, d.valueDate, d.payer.inn, d.ourAccount])).toEqual([
        ['incoming', 15_000_000, '2024-12-02', '7705000010', OUR],
        ['incoming', 250_050, '2024-12-03', '7705000002', OUR2],
        ['outgoing', 100_000, '2024-12-03', '7701234560', OUR],
      ])
      expect(s.documents[0].payer.kpp).toBe('770501001')
      expect(s.documents[1].payer.name).toBe('ООО Лютик')
      expect(s.documents[1].kind).toBe('Платежное поручение')
      expect(s.documents[1].purpose).toBe('Оплата по сч. №7, 8 от 20.11.2024 НДС не облагается')
      expect(checkBalances(s).map((c) => c.ok)).toEqual([true, true])
    })
  }

  it('says so when a balance block does not add up, or the documents do not reach its totals', () => {
    const bad = [
      { ...balances[0], closing: '159000.01' },
      { ...balances[1], incoming: '3000.00', closing: '3000.00' },
    ]
    const [a, b] = checkBalances(parseStatement(new TextEncoder().encode(lf(oneCLines(docs, bad)))))
    expect(a).toMatchObject({ ok: false, difference: -1 })
    expect(a.message).toContain('159000.01')
    expect(b).toMatchObject({ ok: false, difference: 0, documentsIncoming: 250_050 })
    expect(b.message).toMatch(/incomplete/)
  })

  it('keeps going past broken documents and says where they were', () => {
    const lines = oneCLines([{ ...docs[0], amount: '12,345.67' }, docs[1]], [])
    lines.splice(lines.indexOf('КонецФайла'), 0, 'СекцияДокумент=Платежное поручение', 'Номер=1', 'Сумма=10')
    const s = parseStatement(new TextEncoder().encode(lf(lines)))
    expect(s.documents).toHaveLength(2)
    expect(texts(s)).toMatch(/line \d+: document 1: the amount "12,345.67" cannot be read/)
    expect(texts(s)).toMatch(/line \d+: the section opened on line \d+ was not closed/)
  })

  it('gives the same line keys for the same documents in either encoding', () => {
    const a = parseStatement(encodeCp1251(crlf(oneCLines(docs, balances)))).documents.map(lineKey)
    const b = parseStatement(new TextEncoder().encode(lf(oneCLines(docs, balances)))).documents.map(lineKey)
    expect(a).toEqual(b)
    expect(new Set(a).size).toBe(3)
  })

  it('refuses what is not a statement with a clear error', () => {
    expect(() => parseStatement(new Uint8Array())).toThrow(StatementError)
    expect(() => parseStatement(new TextEncoder().encode('Дата;Сумма\n01.12.2024;100'))).toThrow(/not a bank statement/)
    expect(() => parseStatement(new TextEncoder().encode('<html><body>'))).toThrow(/not closed|camt/)
  })

  it('never fails with anything but a StatementError on arbitrary bytes or broken lines', () => {
    const good = lf(oneCLines(docs, balances)).split('\n')
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(good.length), fc.string({ maxLength: 30 })), { maxLength: 8 }),
        (raw, edits) => {
          for (const input of [
            raw,
            new TextEncoder().encode(
              edits
                .reduce((l, [i, s]) => {
                  const c = [...l]
                  c[i] = s
                  return c
                }, good)
                .join('\n'),
            ),
          ]) {
            try {
              parseStatement(input)
            } catch (e) {
              if (!(e instanceof StatementError)) throw e
            }
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-12-05T10:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><FrToDt><FrDtTm>2024-12-01T00:00:00</FrDtTm><ToDtTm>2024-12-04T23:59:59</ToDtTm></FrToDt><Acct><Id><Othr><Id>${OUR}</Id></Othr></Id></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="RUB">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-12-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="RUB">1100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-12-04</Dt></Dt></Bal>
<Ntry><Amt Ccy="RUB">1500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-12-02</Dt></BookgDt><ValDt><Dt>2024-12-02</Dt></ValDt><AcctSvcrRef>B-1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>PP-512</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>ООО &quot;Ромашка&quot;</Nm><Id><OrgId><Othr><Id>7705000010</Id></Othr></OrgId></Id></Pty></Dbtr><DbtrAcct><Id><Othr><Id>40702810000000000512</Id></Othr></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>Оплата по счету № 101</Ustrd><Ustrd>НДС 20%</Ustrd></RmtInf><Tax><Dbtr><TaxId>7705000010</TaxId><RegnId>770501001</RegnId></Dbtr></Tax></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="RUB">500.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-12-03</Dt></BookgDt><NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Аренда</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`

describe('camt.053', () => {
  it('reads entries, the debtor INN/KPP, the remittance text and the balances', () => {
    const s = parseStatement(new TextEncoder().encode(camt))
    expect(s.format).toBe('camt053')
    expect(s.documents.map((d) => [d.direction, d.amount, d.valueDate, d.number])).toEqual([
      ['incoming', 150_000, '2024-12-02', 'PP-512'],
      ['outgoing', 50_000, '2024-12-03', ''],
    ])
    expect(s.documents[0].payer).toMatchObject({ name: 'ООО "Ромашка"', inn: '7705000010', kpp: '770501001' })
    expect(s.documents[0].purpose).toBe('Оплата по счету № 101 НДС 20%')
    expect(checkBalances(s)).toMatchObject([{ ok: true, difference: 0 }])
  })
  it('refuses broken XML', () => {
    expect(() => parseStatement(new TextEncoder().encode(camt.replace('</Stmt>', '')))).toThrow(StatementError)
  })
})

const stmtOf = (
  entries: string,
  bal = '',
) => `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<FrToDt><FrDtTm>2024-12-01T00:00:00</FrDtTm><ToDtTm>2024-12-04T23:59:59</ToDtTm></FrToDt><Acct><Id><Othr><Id>${OUR}</Id></Othr></Id></Acct>${bal}${entries}</Stmt></BkToCstmrStmt></Document>`
const balOf = (
  open: string,
  close: string,
) => `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="RUB">${open}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-12-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="RUB">${close}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-12-04</Dt></Dt></Bal>`
const txOf = (o: {
  e2e?: string
  amt?: string
  inn: string
  name: string
  purpose: string
  oldAmt?: boolean
}) => `<TxDtls><Refs>${o.e2e ? `<EndToEndId>${o.e2e}</EndToEndId>` : ''}</Refs>${
  o.amt
    ? o.oldAmt
      ? `<AmtDtls><TxAmt><Amt Ccy="RUB">${o.amt}</Amt></TxAmt></AmtDtls>`
      : `<Amt Ccy="RUB">${o.amt}</Amt>`
    : ''
}<RltdPties><Dbtr><Nm>${o.name}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>${o.purpose}</Ustrd></RmtInf><Tax><Dbtr><TaxId>${o.inn}</TaxId></Dbtr></Tax></TxDtls>`
const entryOf = (o: {
  amt: string
  ind?: string
  sts?: string
  rvsl?: boolean
  ref?: string
  txs: string[]
}) => `<Ntry><Amt Ccy="RUB">${o.amt}</Amt><CdtDbtInd>${o.ind ?? 'CRDT'}</CdtDbtInd>${o.rvsl ? '<RvslInd>true</RvslInd>' : ''}<Sts>${o.sts ?? 'BOOK'}</Sts>
<BookgDt><Dt>2024-12-02</Dt></BookgDt><ValDt><Dt>2024-12-02</Dt></ValDt>${o.ref ? `<AcctSvcrRef>${o.ref}</AcctSvcrRef>` : ''}<NtryDtls>${o.txs.join('')}</NtryDtls></Ntry>`
const camtOf = (entries: string, bal = '') => parseStatement(new TextEncoder().encode(stmtOf(entries, bal)))

describe('camt.053 entries in the real world', () => {
  it('splits a batch entry into one line per TxDtls with its own amount, payer, purpose and reference', () => {
    const s = camtOf(
      entryOf({
        amt: '3000.00',
        ref: 'B-7',
        txs: [
          txOf({ e2e: 'PP-1', amt: '1000.00', inn: '7705000010', name: 'Ромашка', purpose: 'Оплата по счету № 101' }),
          txOf({
            e2e: 'NOTPROVIDED',
            amt: '2000.00',
            oldAmt: true,
            inn: '7705000002',
            name: 'Лютик',
            purpose: 'Оплата по счету № 202',
          }),
        ],
      }),
      balOf('0', '3000.00'),
    )
    expect(s.documents.map((d) => [d.amount, d.payer.inn, d.payer.name, d.purpose, d.number])).toEqual([
      [100_000, '7705000010', 'Ромашка', 'Оплата по счету № 101', 'PP-1'],
      [200_000, '7705000002', 'Лютик', 'Оплата по счету № 202', 'B-7/2'],
    ])
    expect(s.warnings).toEqual([])
    expect(checkBalances(s)).toMatchObject([{ ok: true }])
  })

  it('keeps one line when the TxDtls carry no amounts (or do not add up), with every purpose and a warning', () => {
    const s = camtOf(
      entryOf({
        amt: '3000.00',
        txs: [
          txOf({ e2e: 'PP-1', inn: '7705000010', name: 'Ромашка', purpose: 'счет 101' }),
          txOf({ inn: '7705000010', name: 'Ромашка', purpose: 'счет 102' }),
        ],
      }),
    )
    expect(s.documents.map((d) => [d.amount, d.payer.inn, d.purpose, d.number])).toEqual([
      [300_000, '7705000010', 'счет 101 счет 102', 'PP-1'],
    ])
    expect(texts(s)).toMatch(/2 transactions without amounts/)
    const odd = camtOf(
      entryOf({
        amt: '3000.00',
        txs: [
          txOf({ amt: '1000.00', inn: '7705000010', name: 'A', purpose: 'a' }),
          txOf({ amt: '1000.00', inn: '7705000002', name: 'B', purpose: 'b' }),
        ],
      }),
    )
    expect(odd.documents.map((d) => d.amount)).toEqual([300_000])
  })

  it('skips entries that are not booked and reversals, says so, and the balances still agree', () => {
    const tx = txOf({ e2e: 'PP-5', inn: '7705000010', name: 'Ромашка', purpose: 'Оплата по счету № 101' })
    const s = camtOf(
      [
        entryOf({ amt: '100.00', sts: 'PDNG', txs: [tx] }),
        entryOf({ amt: '200.00', sts: '<Cd>INFO</Cd>', txs: [tx] }),
        entryOf({ amt: '300.00', rvsl: true, txs: [tx] }),
        entryOf({ amt: '400.00', sts: '<Cd>BOOK</Cd>', txs: [tx] }),
      ].join(''),
      balOf('0', '700.00'),
    )
    expect(s.documents.map((d) => [d.direction, d.amount])).toEqual([['incoming', 40_000]])
    expect(s.warnings).toMatchObject([
      { code: 'entry-not-booked', params: { status: 'PDNG' } },
      { code: 'entry-not-booked', params: { status: 'INFO' } },
      { code: 'entry-reversal', params: { amount: 30_000 } },
    ])
    expect(checkBalances(s)).toMatchObject([{ ok: true, difference: 0, documentsIncoming: 40_000 }])
  })

  it('does not take EndToEndId NOTPROVIDED for the document number: two same-day same-amount payments stay two', () => {
    const tx = txOf({ e2e: 'NOTPROVIDED', inn: '7705000010', name: 'Ромашка', purpose: 'Оплата' })
    const s = camtOf(
      entryOf({ amt: '500.00', ref: 'B-1', txs: [tx] }) + entryOf({ amt: '500.00', ref: 'B-2', txs: [tx] }),
    )
    expect(s.documents.map((d) => d.number)).toEqual(['B-1', 'B-2'])
    expect(new Set(s.documents.map(lineKey)).size).toBe(2)
  })
})
