// ISO 20022 camt.053 (BkToCstmrStmt): one Stmt per account with OPBD/CLBD balances and entries
// (Ntry) whose transaction details carry the counterparty, its INN (tax id) and the remittance text.
import type { BalanceBlock, ParsedStatement, StatementDocument, StatementParty } from './types.ts'
import { StatementError } from './statement-error.ts'
import { all, at, parseXml, textOf, type XmlNode } from './xml-lite.ts'
import { cleanInn, cleanKpp, parseBankAmount, parseBankDate } from './parse-values.ts'
import { MAX_STATEMENT_DOCUMENTS } from './parse-1c.ts'

const accountOf = (acct: XmlNode | undefined) => textOf(acct, 'Id', 'IBAN') || textOf(acct, 'Id', 'Othr', 'Id') || null
const dateOf = (n: XmlNode | undefined) => parseBankDate(textOf(n, 'Dt') || textOf(n, 'DtTm'))

function signed(n: XmlNode): number | null {
  const a = parseBankAmount(textOf(n, 'Amt'))
  if (a === null) return null
  return textOf(n, 'CdtDbtInd') === 'DBIT' ? -a : a
}

function partyOf(tx: XmlNode | undefined, role: 'Dbtr' | 'Cdtr'): StatementParty {
  const rel = at(tx, 'RltdPties')
  const p = at(rel, role, 'Pty') ?? at(rel, role)
  const ids = [...all(at(p, 'Id', 'OrgId'), 'Othr'), ...all(at(p, 'Id', 'PrvtId'), 'Othr')].map((o) => textOf(o, 'Id'))
  return {
    name: textOf(p, 'Nm'),
    inn: cleanInn(textOf(tx, 'Tax', role, 'TaxId')) ?? ids.map((x) => cleanInn(x)).find(Boolean) ?? null,
    kpp: cleanKpp(textOf(tx, 'Tax', role, 'RegnId')),
    account: accountOf(at(rel, `${role}Acct`)),
    bic: textOf(tx, 'RltdAgts', `${role}Agt`, 'FinInstnId', 'BICFI') || textOf(tx, 'RltdAgts', `${role}Agt`, 'FinInstnId', 'ClrSysMmbId', 'MmbId') || null,
  }
}

/** A bank reference that says "no reference" (ISO 20022 uses NOTPROVIDED) is no document number. */
const ref = (v: string) => (/^(NOTPROVIDED|NONREF|NONE|N\/A)$/i.test(v) ? '' : v)
const purposeOf = (tx: XmlNode | undefined) =>
  all(at(tx, 'RmtInf'), 'Ustrd').map((u) => u.text.trim()).join(' ') || textOf(tx, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref')
const txAmount = (tx: XmlNode) => parseBankAmount(textOf(tx, 'Amt') || textOf(tx, 'AmtDtls', 'TxAmt', 'Amt') || textOf(tx, 'AmtDtls', 'InstdAmt', 'Amt'))
const txNumber = (tx: XmlNode | undefined) => ref(textOf(tx, 'Refs', 'EndToEndId')) || ref(textOf(tx, 'Refs', 'AcctSvcrRef')) || ref(textOf(tx, 'Refs', 'InstrId')) || ref(textOf(tx, 'Refs', 'TxId'))

interface EntryPart { tx: XmlNode | undefined; amount: number; number: string; purpose: string }

/** One part per TxDtls when every TxDtls has its own amount and they add up to the entry; else one part. */
function partsOf(ntry: XmlNode, amount: number, where: string, warnings: string[]): EntryPart[] {
  const txs = all(ntry, 'NtryDtls').flatMap((d) => all(d, 'TxDtls'))
  const entryRef = ref(textOf(ntry, 'AcctSvcrRef')) || ref(textOf(ntry, 'NtryRef'))
  const extra = textOf(ntry, 'AddtlNtryInf')
  if (txs.length > 1) {
    const amounts = txs.map(txAmount)
    if (amounts.every((a): a is number => a !== null && a > 0) && amounts.reduce((x, y) => x + y, 0) === amount) {
      return txs.map((tx, i) => ({ tx, amount: amounts[i], number: txNumber(tx) || (entryRef ? `${entryRef}/${i + 1}` : ''), purpose: purposeOf(tx) || extra }))
    }
    warnings.push(`${where}: ${txs.length} transactions without amounts that add up to the entry; read as one payment`)
  }
  return [{ tx: txs[0], amount, number: txNumber(txs[0]) || entryRef, purpose: txs.map(purposeOf).filter(Boolean).join(' ') || extra }]
}

export function parseCamt053(text: string): ParsedStatement {
  const root = parseXml(text)
  const doc = at(root, 'Document', 'BkToCstmrStmt')
  if (!doc) throw new StatementError('statement.unknown-format', 'not a camt.053 message (no Document/BkToCstmrStmt)')
  const warnings: string[] = []
  const accounts: string[] = []
  const balances: BalanceBlock[] = []
  const documents: StatementDocument[] = []
  let from: string | null = null
  let to: string | null = null
  for (const stmt of all(doc, 'Stmt')) {
    const account = accountOf(at(stmt, 'Acct')) ?? ''
    if (account && !accounts.includes(account)) accounts.push(account)
    const f = parseBankDate(textOf(stmt, 'FrToDt', 'FrDtTm'))
    const t = parseBankDate(textOf(stmt, 'FrToDt', 'ToDtTm'))
    if (f && (!from || f < from)) from = f
    if (t && (!to || t > to)) to = t
    let opening: number | null = null
    let closing: number | null = null
    for (const bal of all(stmt, 'Bal')) {
      const code = textOf(bal, 'Tp', 'CdOrPrtry', 'Cd')
      if (code === 'OPBD' || (code === 'PRCD' && opening === null)) opening = signed(bal)
      else if (code === 'CLBD') closing = signed(bal)
    }
    let credits = 0
    let debits = 0
    const reversed = { incoming: 0, outgoing: 0 }
    all(stmt, 'Ntry').forEach((ntry, n) => {
      const where = `entry ${n + 1} of account ${account}`
      const amount = parseBankAmount(textOf(ntry, 'Amt'))
      const ind = textOf(ntry, 'CdtDbtInd')
      if (amount === null || amount === 0 || (ind !== 'CRDT' && ind !== 'DBIT')) {
        warnings.push(`${where}: the amount or its direction cannot be read`)
        return
      }
      // only booked money is a payment: pending / information-only entries are not (yet) on the account
      const status = textOf(ntry, 'Sts', 'Cd') || textOf(ntry, 'Sts')
      if (status && status.toUpperCase() !== 'BOOK') {
        warnings.push(`${where}: skipped, its status is ${status}, not booked (BOOK)`)
        return
      }
      const incoming = ind === 'CRDT'
      if (incoming) credits += amount
      else debits += amount
      // a reversal takes back an earlier entry (a returned payment): money moved, but nobody paid us
      if (textOf(ntry, 'RvslInd').toLowerCase() === 'true') {
        reversed[incoming ? 'incoming' : 'outgoing'] += amount
        warnings.push(`${where}: skipped, a reversal (RvslInd) of ${(amount / 100).toFixed(2)}`)
        return
      }
      const us: StatementParty = { name: '', inn: null, kpp: null, account, bic: null }
      const booked = dateOf(at(ntry, 'BookgDt'))
      for (const part of partsOf(ntry, amount, where, warnings)) {
        if (documents.length >= MAX_STATEMENT_DOCUMENTS) throw new StatementError('statement.too-large', `more than ${MAX_STATEMENT_DOCUMENTS} entries in one file`)
        documents.push({
          index: documents.length + 1, kind: textOf(ntry, 'BkTxCd', 'Prtry', 'Cd') || 'camt.053 entry', number: part.number,
          date: booked, valueDate: dateOf(at(ntry, 'ValDt')) ?? booked, amount: part.amount, direction: incoming ? 'incoming' : 'outgoing',
          ourAccount: account || null,
          payer: incoming ? partyOf(part.tx, 'Dbtr') : us, payee: incoming ? us : partyOf(part.tx, 'Cdtr'),
          purpose: part.purpose.replace(/\s+/g, ' ').trim(),
        })
      }
    })
    if (opening !== null && closing !== null && account) {
      const sumCr = parseBankAmount(textOf(stmt, 'TxsSummry', 'TtlCdtNtries', 'Sum'))
      const sumDb = parseBankAmount(textOf(stmt, 'TxsSummry', 'TtlDbtNtries', 'Sum'))
      balances.push({ account, from: f, to: t, opening, incoming: sumCr ?? credits, outgoing: sumDb ?? debits, closing, ...(reversed.incoming || reversed.outgoing ? { notDocuments: reversed } : {}) })
    }
  }
  return { format: 'camt053', version: (text.match(/camt\.053\.001\.(\d+)/) ?? [])[0] ?? null, encoding: 'utf-8', period: { from, to }, accounts, balances, documents, warnings }
}
