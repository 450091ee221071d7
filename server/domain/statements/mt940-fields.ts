// The fields of a SWIFT MT940 customer statement that carry values: balances (:60F:/:60M:/:62F:/
// :62M:/:64:/:65: = D/C mark, YYMMDD, currency, amount with a decimal comma), the statement line
// (:61: = value date YYMMDD, entry date MMDD, mark C/D/RC/RD, funds code, amount, transaction type,
// customer reference, //bank reference, supplementary details) and the information to the account
// owner (:86:) in the three common bank variants: ?20-?29 subfields (German ZKA structure),
// /CODE/value/ structured (EREF, REMI, ORDP, BENM, CNTP, INN, ...), or free text.
import { cleanInn, cleanKpp, parseAmount5, parseSwiftDate } from './parse-values.ts'

export interface SwiftBalance {
  signed: number
  date: string
  currency: string
  rounded: boolean
}

export function readBalance(value: string): SwiftBalance | null {
  const m = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]{0,20})$/.exec(value.trim())
  const date = m ? parseSwiftDate(m[2]) : null
  const amount = m && /^\d+(,\d*)?$/.test(m[4]) ? parseAmount5(m[4]) : null
  if (!m || !date || !amount) return null
  return { signed: m[1] === 'D' ? -amount.kopecks : amount.kopecks, date, currency: m[3], rounded: amount.rounded }
}

export interface SwiftLine {
  valueDate: string
  entryDate: string
  credit: boolean
  reversal: boolean
  amount: number
  rounded: boolean
  type: string
  customerRef: string
  bankRef: string
  details: string
}

const LINE61 =
  /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15}(?:,\d{0,5})?)([NFS][A-Z0-9]{3})([^\n]{0,16}?)(?:\/\/([^\n]{0,16}))?$/

export function readStatementLine(value: string): SwiftLine | null {
  const [first, ...rest] = value.split('\n')
  const m = LINE61.exec(first.trim())
  if (!m) return null
  const valueDate = parseSwiftDate(m[1])
  const amount = parseAmount5(m[5])
  if (!valueDate || !amount || amount.kopecks === 0) return null
  let entryDate = valueDate
  if (m[2]) {
    const vy = Number(valueDate.slice(0, 4))
    const vm = Number(valueDate.slice(5, 7))
    const em = Number(m[2].slice(0, 2))
    const year = em === 1 && vm === 12 ? vy + 1 : em === 12 && vm === 1 ? vy - 1 : vy
    entryDate = parseSwiftDate(`${String(year).slice(2)}${m[2]}`) ?? valueDate
  }
  return {
    valueDate,
    entryDate,
    credit: m[3] === 'C' || m[3] === 'RD',
    reversal: m[3].startsWith('R'),
    amount: amount.kopecks,
    rounded: amount.rounded,
    type: m[6],
    customerRef: m[7].trim(),
    bankRef: (m[8] ?? '').trim(),
    details: rest.join(' ').trim(),
  }
}

export interface SwiftInfo {
  purpose: string
  name: string
  inn: string | null
  kpp: string | null
  account: string | null
  bic: string | null
  endToEnd: string
}

const CODES =
  'EREF|PREF|MARF|REMI|ORDP|BENM|NAME|CNTP|IBAN|ACCW|BIC|INN|KPP|PURP|CSID|ADDR|ULTC|ULTD|TRCD|RTRN|CREF|ID|CUR|OCMT|CHGS|SVCL'
const STRUCTURED = new RegExp(`(?:^|/)(${CODES})/`, 'g')

/** Trailing slashes off, in linear time (a regex /\/+$/ is quadratic on long runs of slashes). */
function trimSlashes(v: string): string {
  let end = v.length
  while (end > 0 && v.charCodeAt(end - 1) === 47) end--
  return v.slice(0, end)
}

export function readInformation(raw: string): SwiftInfo {
  const text = raw.replace(/\n/g, '')
  const info: SwiftInfo = { purpose: '', name: '', inn: null, kpp: null, account: null, bic: null, endToEnd: '' }
  if (/^\d{3}\?\d{2}|^\?\d{2}/.test(text)) {
    const sub = new Map<number, string>()
    for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) sub.set(Number(m[1]), (sub.get(Number(m[1])) ?? '') + m[2])
    const join = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, k) => sub.get(from + k) ?? '').join('')
    info.purpose = `${join(20, 29)}${join(60, 63)}`.trim()
    info.name = join(32, 33).trim()
    info.account = sub.get(31)?.trim() || null
    info.bic = sub.get(30)?.trim() || null
    info.endToEnd = /EREF\+(\S+)/.exec(info.purpose)?.[1] ?? ''
  } else if (/^\/(?:[A-Z]{2,4})\//.test(text)) {
    const parts = [...text.matchAll(STRUCTURED)]
    const fields = new Map<string, string>()
    parts.forEach((m, k) => {
      const start = m.index + m[0].length
      const end = k + 1 < parts.length ? parts[k + 1].index : text.length
      if (!fields.has(m[1])) fields.set(m[1], trimSlashes(text.slice(start, end)))
    })
    info.purpose = (fields.get('REMI') ?? '').replace(/^(USTD|STRD\/CUR)\/\//, '').trim()
    const cntp = (fields.get('CNTP') ?? '').split('/')
    const ordp = (fields.get('ORDP') ?? fields.get('BENM') ?? '').replace(/^\/?(NAME\/)?/, '')
    info.name = (fields.get('NAME') ?? (cntp[2] || ordp.replace(/\/.*$/, ''))).trim()
    info.account = fields.get('IBAN') || fields.get('ACCW') || cntp[0] || null
    info.bic = fields.get('BIC') || cntp[1] || null
    info.inn = cleanInn(fields.get('INN'))
    info.kpp = cleanKpp(fields.get('KPP'))
    info.endToEnd = fields.get('EREF') ?? ''
  } else info.purpose = text.trim()
  // in free text only a labelled INN counts ("ИНН 7707083893"); an invoice number is no INN
  if (!info.inn) info.inn = /(?:ИНН|INN)[\s:№]*(\d{12}|\d{10})(?!\d)/i.exec(`${info.purpose} ${info.name}`)?.[1] ?? null
  info.purpose = info.purpose.replace(/\s+/g, ' ').trim()
  return info
}
