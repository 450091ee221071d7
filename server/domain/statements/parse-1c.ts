// 1CClientBankExchange (versions 1.01-1.03): Key=Value lines, CRLF or LF; header, our accounts,
// balance blocks (СекцияРасчСчет) and documents (СекцияДокумент[=kind], a bare line tolerated).
// Unknown keys are kept out of the way; broken values become warnings, not crashes.
import type { BalanceBlock, Direction, ParsedStatement, StatementDocument, StatementParty } from './types.ts'
import { StatementError } from './statement-error.ts'
import { cleanInn, cleanKpp, parseBankAmount, parseBankDate, splitPartyText } from './parse-values.ts'
import type { TextEncodingName } from './decode.ts'

export const MAX_STATEMENT_DOCUMENTS = 200_000
export const MARKER_1C = '1CClientBankExchange'

type Fields = Map<string, string>

export function parse1CStatement(text: string, encoding: TextEncodingName = 'utf-8'): ParsedStatement {
  const lines = text.split(/\r\n|\n|\r/)
  let i = 0
  while (i < lines.length && lines[i].trim() === '') i++
  if (lines[i]?.trim() !== MARKER_1C) throw new StatementError('statement.unknown-format', `the first line is not "${MARKER_1C}"`)
  const header: Fields = new Map()
  const accounts: string[] = []
  const balances: Fields[] = []
  const docs: { kind: string; fields: Fields; line: number }[] = []
  const warnings: string[] = []
  let open: { type: 'balance' | 'document'; fields: Fields; kind: string; line: number } | null = null
  const close = () => {
    if (!open) return
    if (open.type === 'balance') balances.push(open.fields)
    else {
      if (docs.length >= MAX_STATEMENT_DOCUMENTS) throw new StatementError('statement.too-large', `more than ${MAX_STATEMENT_DOCUMENTS} documents in one file`)
      docs.push({ kind: open.kind, fields: open.fields, line: open.line })
    }
    open = null
  }
  for (i++; i < lines.length; i++) {
    const raw = lines[i]
    const line = raw.trim()
    if (line === '') continue
    const eq = line.indexOf('=')
    const key = (eq < 0 ? line : line.slice(0, eq)).trim()
    const value = eq < 0 ? '' : line.slice(eq + 1).trim()
    if (key === 'КонецФайла') {
      if (open) warnings.push(`line ${i + 1}: the section opened on line ${(open as { line: number }).line} was not closed before КонецФайла`)
      close()
      break
    }
    if (key === 'СекцияРасчСчет' || key === 'СекцияДокумент') {
      if (open) warnings.push(`line ${i + 1}: the section opened on line ${open.line} was not closed`)
      close()
      open = { type: key === 'СекцияРасчСчет' ? 'balance' : 'document', fields: new Map(), kind: value || 'Платежное поручение', line: i + 1 }
      continue
    }
    if (key === 'КонецРасчСчет' || key === 'КонецДокумента') {
      if (!open) warnings.push(`line ${i + 1}: ${key} without a section`)
      close()
      continue
    }
    if (eq < 0) { warnings.push(`line ${i + 1}: not a Key=Value line`); continue }
    if (open) { if (!open.fields.has(key)) open.fields.set(key, value) ; continue }
    if (key === 'РасчСчет') { if (value && !accounts.includes(value)) accounts.push(value) }
    else header.set(key, value)
  }
  if (open) { warnings.push(`the section opened on line ${(open as { line: number }).line} was not closed at the end of the file`); close() }
  const blocks = balances.map((f, n) => readBalance(f, n + 1, warnings)).filter((b): b is BalanceBlock => b !== null)
  for (const b of blocks) if (!accounts.includes(b.account)) accounts.push(b.account)
  const documents: StatementDocument[] = []
  docs.forEach((d, n) => {
    const doc = readDocument(d.kind, d.fields, n + 1, accounts)
    if (typeof doc === 'string') warnings.push(`document ${n + 1} (line ${d.line}): ${doc}`)
    else documents.push(doc)
  })
  return {
    format: '1c', version: header.get('ВерсияФормата') || null, encoding,
    period: { from: parseBankDate(header.get('ДатаНачала')), to: parseBankDate(header.get('ДатаКонца')) },
    accounts, balances: blocks, documents, warnings,
  }
}

function readBalance(f: Fields, n: number, warnings: string[]): BalanceBlock | null {
  const account = f.get('РасчСчет') ?? ''
  const amounts = ['НачальныйОстаток', 'ВсегоПоступило', 'ВсегоСписано', 'КонечныйОстаток'].map((k) => parseBankAmount(f.get(k) || '0'))
  if (!account || amounts.some((a) => a === null)) { warnings.push(`balance block ${n}: no account or an unreadable amount`); return null }
  const [opening, incoming, outgoing, closing] = amounts as number[]
  return { account, from: parseBankDate(f.get('ДатаНачала')), to: parseBankDate(f.get('ДатаКонца')), opening, incoming, outgoing, closing }
}

function party(f: Fields, side: 'Плательщик' | 'Получатель'): StatementParty {
  const free = splitPartyText(f.get(side) ?? '')
  return {
    name: (f.get(`${side}1`) || free.name).trim(),
    inn: cleanInn(f.get(`${side}ИНН`)) ?? free.inn,
    kpp: cleanKpp(f.get(`${side}КПП`)),
    account: f.get(`${side}Счет`) || f.get(`${side}РасчСчет`) || null,
    bic: f.get(`${side}БИК`) || null,
  }
}

function readDocument(kind: string, f: Fields, index: number, ours: string[]): StatementDocument | string {
  const amount = parseBankAmount(f.get('Сумма'))
  if (amount === null || amount === 0) return `the amount "${f.get('Сумма') ?? ''}" cannot be read`
  const payer = party(f, 'Плательщик')
  const payee = party(f, 'Получатель')
  const credited = parseBankDate(f.get('ДатаПоступило'))
  const debited = parseBankDate(f.get('ДатаСписано'))
  const payeeOurs = payee.account !== null && ours.includes(payee.account)
  const payerOurs = payer.account !== null && ours.includes(payer.account)
  let direction: Direction = 'unknown'
  if (payeeOurs && (credited || !payerOurs)) direction = 'incoming'
  else if (payerOurs) direction = 'outgoing'
  else if (ours.length === 0) direction = credited && !debited ? 'incoming' : debited && !credited ? 'outgoing' : 'unknown'
  const numbered = [1, 2, 3, 4, 5, 6].map((k) => f.get(`НазначениеПлатежа${k}`) ?? '').filter(Boolean).join(' ')
  const date = parseBankDate(f.get('Дата'))
  return {
    index, kind, number: f.get('Номер') ?? '', date,
    valueDate: (direction === 'incoming' ? credited : direction === 'outgoing' ? debited : null) ?? credited ?? debited ?? date,
    amount, direction, ourAccount: direction === 'incoming' ? payee.account : direction === 'outgoing' ? payer.account : null,
    payer, payee, purpose: (f.get('НазначениеПлатежа') || numbered).replace(/\s+/g, ' ').trim(),
  }
}
