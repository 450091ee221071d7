// One camt.053 entry (Ntry) read into its parts, across the message versions 001.02-001.13:
// the party is flat (Dbtr/Nm, up to .07) or wrapped (Dbtr/Pty/Nm, from .08); the agent's BIC is
// BIC (.02-.03) or BICFI (.04 on); the status is a code (Sts, up to .07) or a choice (Sts/Cd or
// Sts/Prtry, from .08); a transaction's amount is TxDtls/Amt (.03 on) or AmtDtls/TxAmt|InstdAmt.
import type { StatementParty, StatementWarning } from './types.ts'
import { all, at, textOf, type XmlNode } from './xml-lite.ts'
import { cleanInn, cleanKpp, isValidInn, parseAmount5, parseBankDate } from './parse-values.ts'

export type Warn = (code: StatementWarning['code'], line: number | null, params?: StatementWarning['params']) => void

export const accountOf = (acct: XmlNode | undefined) =>
  textOf(acct, 'Id', 'IBAN') || textOf(acct, 'Id', 'Othr', 'Id') || null
export const dateOf = (n: XmlNode | undefined) => parseBankDate(textOf(n, 'Dt') || textOf(n, 'DtTm'))

/** Kopecks of an ISO amount (up to 5 decimals; rounded half-up with a warning when the extra digits are not zeros). */
export function amountOf(n: XmlNode | undefined, warn: Warn): number | null {
  const raw = n?.text.trim() ?? ''
  const a = parseAmount5(raw)
  if (a === null) return null
  if (a.rounded) warn('amount-rounded', n?.line ?? null, { value: raw, kopecks: a.kopecks })
  return a.kopecks
}

const TAX_SCHEME = /^(TXID|INN|ИНН)$/i

function innOf(tx: XmlNode | undefined, p: XmlNode | undefined, role: 'Dbtr' | 'Cdtr'): string | null {
  const field = cleanInn(textOf(tx, 'Tax', role, 'TaxId'))
  if (field) return field
  const others = [...all(at(p, 'Id', 'OrgId'), 'Othr'), ...all(at(p, 'Id', 'PrvtId'), 'Othr')]
  const schemed = others.find((o) => TAX_SCHEME.test(textOf(o, 'SchmeNm', 'Cd') || textOf(o, 'SchmeNm', 'Prtry')))
  if (schemed) return cleanInn(textOf(schemed, 'Id'))
  return others.map((o) => cleanInn(textOf(o, 'Id'))).find((x): x is string => x !== null && isValidInn(x)) ?? null
}

export function partyOf(tx: XmlNode | undefined, role: 'Dbtr' | 'Cdtr'): StatementParty {
  const rel = at(tx, 'RltdPties')
  const p = at(rel, role, 'Pty') ?? at(rel, role)
  const inn = innOf(tx, p, role)
  const agent = at(tx, 'RltdAgts', `${role}Agt`, 'FinInstnId')
  return {
    name: textOf(p, 'Nm'),
    inn,
    innValid: inn === null || isValidInn(inn),
    kpp: cleanKpp(textOf(tx, 'Tax', role, 'RegnId')),
    account: accountOf(at(rel, `${role}Acct`)),
    bic: textOf(agent, 'BICFI') || textOf(agent, 'BIC') || textOf(agent, 'ClrSysMmbId', 'MmbId') || null,
  }
}

/** A bank reference that says "no reference" (ISO 20022 uses NOTPROVIDED) is no document number. */
const ref = (v: string) => (/^(NOTPROVIDED|NONREF|NONE|N\/A)$/i.test(v) ? '' : v)
const purposeOf = (tx: XmlNode | undefined) =>
  all(at(tx, 'RmtInf'), 'Ustrd')
    .map((u) => u.text.trim())
    .join(' ') || textOf(tx, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref')
const txAmountNode = (tx: XmlNode) =>
  at(tx, 'Amt') ?? at(tx, 'AmtDtls', 'TxAmt', 'Amt') ?? at(tx, 'AmtDtls', 'InstdAmt', 'Amt')
const txNumber = (tx: XmlNode | undefined) =>
  ref(textOf(tx, 'Refs', 'EndToEndId')) ||
  ref(textOf(tx, 'Refs', 'AcctSvcrRef')) ||
  ref(textOf(tx, 'Refs', 'InstrId')) ||
  ref(textOf(tx, 'Refs', 'TxId'))

export interface EntryPart {
  tx: XmlNode | undefined
  amount: number
  number: string
  purpose: string
  line: number
}

/** One part per TxDtls when every TxDtls has its own amount and they add up to the entry; else one part. */
export function partsOf(ntry: XmlNode, amount: number, warn: Warn): EntryPart[] {
  const details = all(ntry, 'NtryDtls')
  const txs = details.flatMap((d) => all(d, 'TxDtls'))
  const declared = details.map((d) => Number(textOf(d, 'Btch', 'NbOfTxs'))).find((x) => Number.isInteger(x) && x > 0)
  if (declared !== undefined && txs.length > 0 && declared !== txs.length)
    warn('batch-count', ntry.line, { declared, found: txs.length })
  const entryRef = ref(textOf(ntry, 'AcctSvcrRef')) || ref(textOf(ntry, 'NtryRef'))
  const extra = textOf(ntry, 'AddtlNtryInf')
  if (txs.length > 1) {
    const amounts = txs.map((tx) => {
      const n = txAmountNode(tx)
      return n ? amountOf(n, warn) : null
    })
    if (amounts.every((a): a is number => a !== null && a > 0) && amounts.reduce((x, y) => x + y, 0) === amount) {
      return txs.map((tx, i) => ({
        tx,
        amount: amounts[i],
        number: txNumber(tx) || (entryRef ? `${entryRef}/${i + 1}` : ''),
        purpose: purposeOf(tx) || extra,
        line: tx.line,
      }))
    }
    warn('batch-not-split', ntry.line, { count: txs.length })
  }
  return [
    {
      tx: txs[0],
      amount,
      number: txNumber(txs[0]) || entryRef,
      purpose: txs.map(purposeOf).filter(Boolean).join(' ') || extra,
      line: ntry.line,
    },
  ]
}
