// 1CClientBankExchange (versions 1.01-1.03): Key=Value lines, CRLF or LF; header, our accounts,
// balance blocks (СекцияРасчСчет) and documents (СекцияДокумент[=kind], a bare line tolerated).
// Unknown keys are kept out of the way; broken values become warnings (by line), not crashes.
// Direction: our account on the payee side is incoming, on the payer side outgoing; when it is on
// neither side (anonymised or old account) the bank's own markers decide: ДатаСписано = it left our
// account, ДатаПоступило = it came in.
import type {
  BalanceBlock,
  Direction,
  ParsedStatement,
  StatementDocument,
  StatementParty,
  StatementWarning,
} from './types.ts'
import { StatementError } from './statement-error.ts'
import { cleanInn, cleanKpp, isValidInn, parseBankAmount, parseBankDate, splitPartyText } from './parse-values.ts'
import type { TextEncodingName } from './decode.ts'

export const MAX_STATEMENT_DOCUMENTS = 200_000
export const MARKER_1C = '1CClientBankExchange'

type Fields = Map<string, string>

export function parse1CStatement(text: string, encoding: TextEncodingName = 'utf-8'): ParsedStatement {
  const lines = text.split(/\r\n|\n|\r/)
  let i = 0
  while (i < lines.length && lines[i].trim() === '') i++
  if (lines[i]?.trim() !== MARKER_1C)
    throw new StatementError('statement.unknown-format', `the first line is not "${MARKER_1C}"`, {
      line: i + 1,
    })
  const header: Fields = new Map()
  const accounts: string[] = []
  const balances: { fields: Fields; line: number }[] = []
  const docs: { kind: string; fields: Fields; line: number }[] = []
  const warnings: StatementWarning[] = []
  const warn = (code: StatementWarning['code'], line: number | null, params: StatementWarning['params'] = {}) =>
    warnings.push({ code, line, params })
  let open: { type: 'balance' | 'document'; fields: Fields; kind: string; line: number } | null = null
  const close = () => {
    if (!open) return
    if (open.type === 'balance') balances.push({ fields: open.fields, line: open.line })
    else {
      if (docs.length >= MAX_STATEMENT_DOCUMENTS)
        throw new StatementError('statement.too-large', `more than ${MAX_STATEMENT_DOCUMENTS} documents in one file`, {
          line: open.line,
          params: { max: MAX_STATEMENT_DOCUMENTS },
        })
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
      if (open) warn('section-not-closed', i + 1, { opened: (open as { line: number }).line })
      close()
      break
    }
    if (key === 'СекцияРасчСчет' || key === 'СекцияДокумент') {
      if (open) warn('section-not-closed', i + 1, { opened: open.line })
      close()
      open = {
        type: key === 'СекцияРасчСчет' ? 'balance' : 'document',
        fields: new Map(),
        kind: value || 'Платежное поручение',
        line: i + 1,
      }
      continue
    }
    if (key === 'КонецРасчСчет' || key === 'КонецДокумента') {
      if (!open) warn('section-end-alone', i + 1, { key })
      close()
      continue
    }
    if (eq < 0) {
      warn('not-key-value', i + 1)
      continue
    }
    if (open) {
      if (!open.fields.has(key)) open.fields.set(key, value)
      continue
    }
    if (key === 'РасчСчет') {
      if (value && !accounts.includes(value)) accounts.push(value)
    } else header.set(key, value)
  }
  if (open) {
    warn('section-not-closed', lines.length, { opened: (open as { line: number }).line })
    close()
  }
  const blocks = balances.map((b) => readBalance(b.fields, b.line, warn)).filter((b): b is BalanceBlock => b !== null)
  for (const b of blocks) if (!accounts.includes(b.account)) accounts.push(b.account)
  const documents: StatementDocument[] = []
  docs.forEach((d, n) => {
    const doc = readDocument(d.kind, d.fields, { index: n + 1, line: d.line }, accounts)
    if ('code' in doc) warn(doc.code, d.line, { document: n + 1, ...doc.params })
    else {
      documents.push(doc)
      if (doc.direction === 'unknown') warn('direction-unknown', d.line, { document: n + 1 })
      for (const p of [doc.payer, doc.payee])
        if (p.inn && !p.innValid) warn('inn-invalid', d.line, { document: n + 1, inn: p.inn })
    }
  })
  return {
    format: '1c',
    version: header.get('ВерсияФормата') || null,
    encoding,
    period: { from: parseBankDate(header.get('ДатаНачала')), to: parseBankDate(header.get('ДатаКонца')) },
    accounts,
    balances: blocks,
    documents,
    warnings,
  }
}

function readBalance(
  f: Fields,
  line: number,
  warn: (code: 'balance-unreadable', line: number) => void,
): BalanceBlock | null {
  const account = f.get('РасчСчет') ?? ''
  const amounts = ['НачальныйОстаток', 'ВсегоПоступило', 'ВсегоСписано', 'КонечныйОстаток'].map((k) =>
    parseBankAmount(f.get(k) || '0'),
  )
  if (!account || amounts.some((a) => a === null)) {
    warn('balance-unreadable', line)
    return null
  }
  const [opening, incoming, outgoing, closing] = amounts as number[]
  return {
    account,
    from: parseBankDate(f.get('ДатаНачала')),
    to: parseBankDate(f.get('ДатаКонца')),
    opening,
    incoming,
    outgoing,
    closing,
  }
}

function party(f: Fields, side: 'Плательщик' | 'Получатель'): StatementParty {
  const free = splitPartyText(f.get(side) ?? '')
  const inn = cleanInn(f.get(`${side}ИНН`)) ?? free.inn
  return {
    name: (f.get(`${side}1`) || free.name).trim(),
    inn,
    innValid: inn === null || isValidInn(inn),
    kpp: cleanKpp(f.get(`${side}КПП`)),
    account: f.get(`${side}Счет`) || f.get(`${side}РасчСчет`) || null,
    bic: f.get(`${side}БИК`) || null,
  }
}

function readDocument(
  kind: string,
  f: Fields,
  at: { index: number; line: number },
  ours: string[],
): StatementDocument | { code: 'amount-unreadable'; params: { value: string } } {
  const amount = parseBankAmount(f.get('Сумма'))
  if (amount === null || amount === 0) return { code: 'amount-unreadable', params: { value: f.get('Сумма') ?? '' } }
  const payer = party(f, 'Плательщик')
  const payee = party(f, 'Получатель')
  const credited = parseBankDate(f.get('ДатаПоступило'))
  const debited = parseBankDate(f.get('ДатаСписано'))
  const payeeOurs = payee.account !== null && ours.includes(payee.account)
  const payerOurs = payer.account !== null && ours.includes(payer.account)
  let direction: Direction
  let ourAccount: string | null
  if (payeeOurs && (credited || !payerOurs)) [direction, ourAccount] = ['incoming', payee.account]
  else if (payerOurs) [direction, ourAccount] = ['outgoing', payer.account]
  else {
    // our account is on neither side: the bank's markers say which way the money went
    direction = credited && !debited ? 'incoming' : debited && !credited ? 'outgoing' : 'unknown'
    ourAccount = direction !== 'unknown' && ours.length === 1 ? ours[0] : null
  }
  const numbered = [1, 2, 3, 4, 5, 6]
    .map((k) => f.get(`НазначениеПлатежа${k}`) ?? '')
    .filter(Boolean)
    .join(' ')
  const date = parseBankDate(f.get('Дата'))
  return {
    index: at.index,
    line: at.line,
    statement: 1,
    kind,
    number: f.get('Номер') ?? '',
    date,
    valueDate:
      (direction === 'incoming' ? credited : direction === 'outgoing' ? debited : null) ?? credited ?? debited ?? date,
    amount,
    direction,
    ourAccount,
    payer,
    payee,
    purpose: (f.get('НазначениеПлатежа') || numbered).replace(/\s+/g, ' ').trim(),
  }
}
