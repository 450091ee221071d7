// SWIFT MT940 customer statement: tagged fields (:20: reference, :25: account, :28C: statement /
// page number, :60F:/:60M: opening, :61: statement lines each followed by its :86:, :62F:/:62M:
// closing, :64:/:65: available balances), one message per :20:, optionally wrapped in the SWIFT
// blocks ({1:...}{2:...}{4: ... -}). Each message is a statement checked against its own balances.
import type { BalanceBlock, ParsedStatement, StatementDocument, StatementParty, StatementWarning } from './types.ts'
import { StatementError } from './statement-error.ts'
import { MAX_STATEMENT_DOCUMENTS } from './parse-1c.ts'
import { readBalance, readInformation, readStatementLine } from './mt940-fields.ts'
import { isValidInn } from './parse-values.ts'
import type { TextEncodingName } from './decode.ts'

interface Field {
  tag: string
  value: string
  line: number
}

/** The file looks like MT940: SWIFT blocks, or :20: / :25: / :60F: tags near the start. */
export function looksLikeMt940(head: string): boolean {
  const start = head.slice(0, 4096)
  return /^\{1:/.test(start) || (/^:20:/m.test(start) && /^:25:/m.test(start) && /^:60[FM]:/m.test(start))
}

function fieldsOf(text: string): Field[] {
  const out: Field[] = []
  text.split(/\r\n|\n|\r/).forEach((raw, n) => {
    const line = raw.replace(/^\{[1-3]:[^}]*\}/g, '').replace(/^\{4:/, '')
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line)
    if (m) out.push({ tag: m[1], value: m[2], line: n + 1 })
    else if (/^-\}?\s*$|^\{5:/.test(line)) out.push({ tag: 'end', value: '', line: n + 1 })
    else if (out.length && out[out.length - 1].tag !== 'end' && line.trim()) out[out.length - 1].value += `\n${line}`
  })
  return out
}

const accountOf = (v: string) => {
  const last = v.trim().split('/').pop()?.trim() ?? ''
  return /^(.*\d)[A-Z]{3}$/.exec(last)?.[1] ?? last
}

export function parseMt940(text: string, encoding: TextEncodingName = 'utf-8'): ParsedStatement {
  const fields = fieldsOf(text)
  if (!fields.some((f) => f.tag === '20'))
    throw new StatementError('statement.unknown-format', 'not an MT940 statement (no :20: field)')
  const warnings: StatementWarning[] = []
  const warn = (code: StatementWarning['code'], line: number | null, params: StatementWarning['params'] = {}) =>
    warnings.push({ code, line, params })
  const accounts: string[] = []
  const balances: BalanceBlock[] = []
  const documents: StatementDocument[] = []
  let statement = 0
  let account = ''
  let opening: { signed: number; date: string } | null = null
  let sums = { incoming: 0, outgoing: 0 }
  let reversed = { incoming: 0, outgoing: 0 }
  let from: string | null = null
  let to: string | null = null
  let stmtLine = 0
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]
    if (f.tag === '20') {
      statement++
      stmtLine = f.line
      ;[account, opening, sums, reversed] = ['', null, { incoming: 0, outgoing: 0 }, { incoming: 0, outgoing: 0 }]
    } else if (f.tag === '25') {
      account = accountOf(f.value)
      if (account && !accounts.includes(account)) accounts.push(account)
    } else if (
      f.tag === '60F' ||
      f.tag === '60M' ||
      f.tag === '62F' ||
      f.tag === '62M' ||
      f.tag === '64' ||
      f.tag === '65'
    ) {
      const b = readBalance(f.value)
      if (!b) {
        warn('field-unreadable', f.line, { tag: f.tag, value: f.value.slice(0, 60) })
        continue
      }
      if (b.rounded) warn('amount-rounded', f.line, { value: f.value, kopecks: Math.abs(b.signed) })
      if (f.tag.startsWith('60')) {
        opening = b
        if (!from || b.date < from) from = b.date
      } else if (f.tag.startsWith('62')) {
        if (!to || b.date > to) to = b.date
        if (!opening || !account) warn('balance-missing', stmtLine || f.line, { statement })
        else
          balances.push({
            account,
            statement,
            from: opening.date,
            to: b.date,
            opening: opening.signed,
            incoming: sums.incoming,
            outgoing: sums.outgoing,
            closing: b.signed,
            ...(reversed.incoming || reversed.outgoing ? { notDocuments: reversed } : {}),
          })
      }
    } else if (f.tag === '61') {
      const s = readStatementLine(f.value)
      if (!s) {
        warn('entry-unreadable', f.line, { value: f.value.split('\n')[0].slice(0, 60) })
        continue
      }
      if (s.rounded) warn('amount-rounded', f.line, { value: f.value.split('\n')[0], kopecks: s.amount })
      sums[s.credit ? 'incoming' : 'outgoing'] += s.amount
      if (s.reversal) {
        reversed[s.credit ? 'incoming' : 'outgoing'] += s.amount
        warn('entry-reversal', f.line, { amount: s.amount })
        continue
      }
      const next = fields[k + 1]
      const info = readInformation(next?.tag === '86' ? next.value : '')
      if (documents.length >= MAX_STATEMENT_DOCUMENTS)
        throw new StatementError('statement.too-large', `more than ${MAX_STATEMENT_DOCUMENTS} entries in one file`, {
          line: f.line,
          params: { max: MAX_STATEMENT_DOCUMENTS },
        })
      const them: StatementParty = {
        name: info.name,
        inn: info.inn,
        innValid: info.inn === null || isValidInn(info.inn),
        kpp: info.kpp,
        account: info.account,
        bic: info.bic,
      }
      if (them.inn && !them.innValid) warn('inn-invalid', f.line, { inn: them.inn })
      const us: StatementParty = { name: '', inn: null, innValid: true, kpp: null, account, bic: null }
      const ref = (v: string) => (/^(NONREF|NOTPROVIDED|NONE)$/i.test(v) ? '' : v)
      documents.push({
        index: documents.length + 1,
        line: f.line,
        statement,
        kind: s.type,
        number: ref(s.customerRef) || ref(info.endToEnd) || ref(s.bankRef),
        date: s.entryDate,
        valueDate: s.valueDate,
        amount: s.amount,
        direction: s.credit ? 'incoming' : 'outgoing',
        ourAccount: account || null,
        payer: s.credit ? them : us,
        payee: s.credit ? us : them,
        purpose: info.purpose || s.details,
      })
    }
  }
  return { format: 'mt940', version: null, encoding, period: { from, to }, accounts, balances, documents, warnings }
}
