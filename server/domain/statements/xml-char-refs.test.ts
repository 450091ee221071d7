// Numeric character references in a camt.053 file (XML 1.0 §2.2 Char, §4.1 CharRef): one that names a
// character XML does not allow (NUL, a surrogate, beyond U+10FFFF) makes the file ill-formed, so the
// import is refused as statement.malformed (it used to throw a RangeError: 500).
import { describe, expect, it } from 'vitest'
import { parseXml } from './xml-lite.ts'
import { parseStatement } from './parse-statement.ts'
import { StatementError } from './statement-error.ts'

const camt = (purpose: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S1</Id>
<Acct><Id><Othr><Id>40702810000000000001</Id></Othr></Id></Acct>
<Ntry><Amt Ccy="RUB">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-12-02</Dt></BookgDt>
<NtryDtls><TxDtls><RmtInf><Ustrd>${purpose}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>`

describe('numeric character references', () => {
  it.each(['&#x110000;', '&#0;', '&#xD800;', '&#xFFFE;', '&#99999999999;', '&#x1F;'])(
    '%s: statement.malformed',
    (ref) => {
      const run = () => parseStatement(new TextEncoder().encode(camt(`Оплата ${ref}`)))
      expect(run).toThrow(StatementError)
      expect(run).toThrow(expect.objectContaining({ code: 'statement.malformed' }))
    },
  )

  it('allowed ones are read as their characters', () => {
    const x = parseXml('<a t="&#x41;&#10;">&#x1F600;&#1071;&#9;</a>')
    expect(x.children[0].text).toBe('😀Я\t')
    expect(x.children[0].attrs.t).toBe('A\n')
  })
})
