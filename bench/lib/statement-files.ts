// The 10,000-line statement of the statement-match bench in the three formats: 1CClientBankExchange
// (Windows-1251, CRLF), camt.053.001.08 (UTF-8) and MT940 (Windows-1251). Every format carries the
// same payments: payer INN (valid control digits), amount, purpose naming an invoice for a quarter.
import { isValidInn } from '../../server/domain/parties/inn.ts'
import { crlf, encodeCp1251 } from '../../tests/fixtures/statements/encode.ts'
import { OUR, oneCLines, type Doc } from '../../tests/fixtures/statements/one-c-file.ts'

/** A 10-digit INN with valid control digits from a number (the bench's counterparty id). */
export function benchInn(n: number): string {
  const head = String(770_000_000 + n)
  for (let d = 0; d < 10; d++) if (isValidInn(head + d)) return head + d
  return benchInn(n + 1_000_000) // no control digit fits this head: take another one
}
export const UNKNOWN_INN = '7799999997'

export interface BenchPayment {
  number: string
  kopecks: number
  inn: string
  name: string
  purpose: string
}

export function benchPayments(lines: number, counterparties: number): BenchPayment[] {
  const out: BenchPayment[] = []
  for (let i = 0; i < lines; i++) {
    const cp = ((i * 7919) % counterparties) + 1
    const rec = (cp - 1) * 5 + (i % 5) + 1 // each counterparty has receivables N-<id>
    const kind = i % 4
    out.push({
      number: String(i + 1),
      kopecks: kind === 3 ? 12_345 : ((rec % 900) + 100) * 100,
      inn: kind === 2 ? UNKNOWN_INN : benchInn(cp),
      name: `ООО Клиент ${cp}`,
      purpose: kind === 0 ? `Оплата по счету № N-${rec} от 01.11.2024 НДС не облагается` : 'Оплата по договору',
    })
  }
  return out
}

const rub = (k: number, sep = '.') => `${Math.floor(k / 100)}${sep}${String(k % 100).padStart(2, '0')}`
const total = (ps: BenchPayment[]) => ps.reduce((s, p) => s + p.kopecks, 0)

export function oneCFile(ps: BenchPayment[]): Uint8Array {
  const docs: Doc[] = ps.map((p) => ({
    number: p.number,
    date: '02.12.2024',
    amount: rub(p.kopecks),
    payerInn: p.inn,
    payer: p.name,
    payerAccount: `40702810${p.inn.padStart(12, '0')}`,
    payeeAccount: OUR,
    credited: '02.12.2024',
    purpose: p.purpose,
  }))
  return encodeCp1251(crlf(oneCLines(docs, [])))
}

export function camtFile(ps: BenchPayment[]): Uint8Array {
  const entries = ps.map(
    (p) =>
      `<Ntry><Amt Ccy="RUB">${rub(p.kopecks)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
      `<BookgDt><DtTm>2024-12-02T10:00:00.115965+03:00</DtTm></BookgDt><ValDt><Dt>2024-12-02</Dt></ValDt>` +
      `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
      `<NtryDtls><TxDtls><Refs><EndToEndId>${p.number}</EndToEndId></Refs><Amt Ccy="RUB">${rub(p.kopecks)}</Amt>` +
      `<RltdPties><Dbtr><Pty><Nm>${p.name}</Nm></Pty></Dbtr></RltdPties><RmtInf><Ustrd>${p.purpose}</Ustrd></RmtInf>` +
      `<Tax><Dbtr><TaxId>${p.inn}</TaxId></Dbtr></Tax></TxDtls></NtryDtls></Ntry>`,
  )
  const bal = (code: string, k: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="RUB">${rub(k)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-12-02</Dt></Dt></Bal>`
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>` +
    `<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2024-12-02T18:00:00</CreDtTm></GrpHdr><Stmt><Id>B1</Id>` +
    `<Acct><Id><Othr><Id>${OUR}</Id></Othr></Id></Acct>${bal('OPBD', 0)}${bal('CLBD', total(ps))}\n` +
    `${entries.join('\n')}\n</Stmt></BkToCstmrStmt></Document>\n`
  return new TextEncoder().encode(xml)
}

export function mt940File(ps: BenchPayment[]): Uint8Array {
  const lines = [':20:BENCH', `:25:${OUR}`, ':28C:1/1', ':60F:C241201RUB0,00']
  for (const p of ps)
    lines.push(
      `:61:2412021202C${rub(p.kopecks, ',')}NTRF${p.number}//B${p.number}`,
      `:86:/INN/${p.inn}/NAME/${p.name}/REMI/${p.purpose}/`,
    )
  lines.push(`:62F:C241202RUB${rub(total(ps), ',')}`, '-')
  return encodeCp1251(lines.join('\r\n'))
}
