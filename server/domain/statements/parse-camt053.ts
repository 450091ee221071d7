// ISO 20022 camt.053 (BkToCstmrStmt), versions 001.02-001.13: every Stmt is a statement of its own
// with its balances (OPBD or PRCD, CLBD; ITBD on the pages of a long statement) and entries (Ntry),
// whose transaction details carry the counterparty, its INN (tax id) and the remittance text. The
// entries of a Stmt are checked against that Stmt's balances only.
import type { BalanceBlock, ParsedStatement, StatementDocument, StatementParty, StatementWarning } from './types.ts'
import { StatementError } from './statement-error.ts'
import { all, at, parseXml, textOf, type XmlNode } from './xml-lite.ts'
import { parseBankDate } from './parse-values.ts'
import { MAX_STATEMENT_DOCUMENTS } from './parse-1c.ts'
import { accountOf, amountOf, dateOf, partsOf, partyOf, type Warn } from './camt053-entry.ts'

function signed(n: XmlNode, warn: Warn): number | null {
  const a = amountOf(at(n, 'Amt'), warn)
  if (a === null) return null
  return textOf(n, 'CdtDbtInd') === 'DBIT' ? -a : a
}

function balancesOf(stmt: XmlNode, warn: Warn): { opening: number | null; closing: number | null } {
  const by = (code: string) => all(stmt, 'Bal').filter((b) => textOf(b, 'Tp', 'CdOrPrtry', 'Cd') === code)
  const interim = by('ITBD')
  const open = by('OPBD')[0] ?? by('PRCD')[0] ?? (interim.length > 1 ? interim[0] : undefined)
  const close = by('CLBD')[0] ?? (interim.length > 0 ? interim[interim.length - 1] : undefined)
  return { opening: open ? signed(open, warn) : null, closing: close && close !== open ? signed(close, warn) : null }
}

export function parseCamt053(text: string): ParsedStatement {
  const root = parseXml(text)
  const doc = at(root, 'Document', 'BkToCstmrStmt')
  if (!doc) throw new StatementError('statement.unknown-format', 'not a camt.053 message (no Document/BkToCstmrStmt)')
  const warnings: StatementWarning[] = []
  const warn: Warn = (code, line, params = {}) => void warnings.push({ code, line, params })
  const accounts: string[] = []
  const balances: BalanceBlock[] = []
  const documents: StatementDocument[] = []
  let from: string | null = null
  let to: string | null = null
  all(doc, 'Stmt').forEach((stmt, s) => {
    const statement = s + 1
    const account = accountOf(at(stmt, 'Acct')) ?? ''
    if (account && !accounts.includes(account)) accounts.push(account)
    const f = parseBankDate(textOf(stmt, 'FrToDt', 'FrDtTm'))
    const t = parseBankDate(textOf(stmt, 'FrToDt', 'ToDtTm'))
    if (f && (!from || f < from)) from = f
    if (t && (!to || t > to)) to = t
    const { opening, closing } = balancesOf(stmt, warn)
    let credits = 0
    let debits = 0
    const reversed = { incoming: 0, outgoing: 0 }
    for (const ntry of all(stmt, 'Ntry')) {
      const amount = amountOf(at(ntry, 'Amt'), warn)
      const ind = textOf(ntry, 'CdtDbtInd')
      if (amount === null || amount === 0 || (ind !== 'CRDT' && ind !== 'DBIT')) {
        warn('entry-unreadable', ntry.line, { value: textOf(ntry, 'Amt') })
        continue
      }
      // only booked money is a payment: pending / information-only entries are not (yet) on the account
      const status = textOf(ntry, 'Sts', 'Cd') || textOf(ntry, 'Sts', 'Prtry') || textOf(ntry, 'Sts')
      if (status && status.toUpperCase() !== 'BOOK') {
        warn('entry-not-booked', ntry.line, { status })
        continue
      }
      const incoming = ind === 'CRDT'
      if (incoming) credits += amount
      else debits += amount
      // a reversal takes back an earlier entry (a returned payment): money moved, but nobody paid us
      if (/^(true|1)$/i.test(textOf(ntry, 'RvslInd'))) {
        reversed[incoming ? 'incoming' : 'outgoing'] += amount
        warn('entry-reversal', ntry.line, { amount })
        continue
      }
      const us: StatementParty = { name: '', inn: null, innValid: true, kpp: null, account, bic: null }
      const booked = dateOf(at(ntry, 'BookgDt'))
      for (const part of partsOf(ntry, amount, warn)) {
        if (documents.length >= MAX_STATEMENT_DOCUMENTS)
          throw new StatementError('statement.too-large', `more than ${MAX_STATEMENT_DOCUMENTS} entries in one file`, {
            line: part.line,
            params: { max: MAX_STATEMENT_DOCUMENTS },
          })
        const them = partyOf(part.tx, incoming ? 'Dbtr' : 'Cdtr')
        if (them.inn && !them.innValid) warn('inn-invalid', part.line, { inn: them.inn })
        documents.push({
          index: documents.length + 1,
          line: part.line,
          statement,
          kind: textOf(ntry, 'BkTxCd', 'Prtry', 'Cd') || 'camt.053 entry',
          number: part.number,
          date: booked,
          valueDate: dateOf(at(ntry, 'ValDt')) ?? booked,
          amount: part.amount,
          direction: incoming ? 'incoming' : 'outgoing',
          ourAccount: account || null,
          payer: incoming ? them : us,
          payee: incoming ? us : them,
          purpose: part.purpose.replace(/\s+/g, ' ').trim(),
        })
      }
    }
    if (opening === null || closing === null || !account) {
      warn('balance-missing', stmt.line, { statement })
      return
    }
    const sumCr = amountOf(at(stmt, 'TxsSummry', 'TtlCdtNtries', 'Sum'), warn)
    const sumDb = amountOf(at(stmt, 'TxsSummry', 'TtlDbtNtries', 'Sum'), warn)
    balances.push({
      account,
      statement,
      from: f,
      to: t,
      opening,
      incoming: sumCr ?? credits,
      outgoing: sumDb ?? debits,
      closing,
      ...(reversed.incoming || reversed.outgoing ? { notDocuments: reversed } : {}),
    })
  })
  return {
    format: 'camt053',
    version: (text.match(/camt\.053\.001\.(\d+)/) ?? [])[0] ?? null,
    encoding: 'utf-8',
    period: { from, to },
    accounts,
    balances,
    documents,
    warnings,
  }
}
