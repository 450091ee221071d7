// Texts of the bank statement parser's warnings and errors and of the balance check, by code, in
// the portal's language. Shared by the server (CLI output) and the admin page (upload result, shown
// by line number). Amount values are kopecks and are printed as money in the language's format.

export type StatementLang = 'ru' | 'en'
export interface StatementMessage {
  code: string
  line: number | null
  params: Record<string, string | number>
}

const MONEY = new Set([
  'amount',
  'kopecks',
  'opening',
  'incoming',
  'outgoing',
  'closing',
  'computed',
  'documentsIncoming',
  'documentsOutgoing',
])

type Texts = Record<string, { ru: string; en: string }>
const TEXTS: Texts = {
  'section-not-closed': {
    ru: 'секция, открытая в строке {opened}, не закрыта',
    en: 'the section opened on line {opened} was not closed',
  },
  text: { ru: '{text}', en: '{text}' },
  'section-end-alone': { ru: '{key} без начала секции', en: '{key} without a section' },
  'not-key-value': { ru: 'строка не вида Ключ=Значение', en: 'not a Key=Value line' },
  'balance-unreadable': {
    ru: 'блок остатков без счёта или с нечитаемой суммой',
    en: 'a balance block without an account or with an unreadable amount',
  },
  'amount-unreadable': {
    ru: 'документ {document}: сумма «{value}» не читается, документ пропущен',
    en: 'document {document}: the amount "{value}" cannot be read; the document is skipped',
  },
  'amount-rounded': {
    ru: 'сумма {value} округлена до копеек: {kopecks}',
    en: 'the amount {value} is rounded to kopecks: {kopecks}',
  },
  'inn-invalid': {
    ru: 'ИНН {inn}: неверные контрольные цифры; платёж ждёт разбора, по ИНН не разносится',
    en: 'INN {inn}: wrong control digits; the payment waits for review and is not matched by INN',
  },
  'direction-unknown': {
    ru: 'документ {document}: нашего счёта нет ни у плательщика, ни у получателя, и нет даты списания или поступления',
    en: 'document {document}: our account is on neither side and there is no debit or credit date',
  },
  'batch-not-split': {
    ru: 'пакет из {count} операций без сумм, дающих сумму проводки; прочитан как один платёж',
    en: '{count} transactions without amounts that add up to the entry; read as one payment',
  },
  'batch-count': {
    ru: 'в пакете заявлено операций: {declared}, в файле: {found}',
    en: 'the batch declares {declared} transactions, the file has {found}',
  },
  'entry-unreadable': {
    ru: 'проводка не читается (сумма или направление): «{value}»; пропущена',
    en: 'the entry cannot be read (amount or direction): "{value}"; skipped',
  },
  'entry-not-booked': {
    ru: 'проводка пропущена: статус {status}, а не проведена (BOOK)',
    en: 'skipped: its status is {status}, not booked (BOOK)',
  },
  'entry-reversal': { ru: 'сторно на {amount} пропущено', en: 'skipped: a reversal of {amount}' },
  'field-unreadable': { ru: 'поле :{tag}: не читается: «{value}»', en: 'field :{tag}: cannot be read: "{value}"' },
  'balance-missing': {
    ru: 'выписка {statement}: нет входящего или исходящего остатка или счёта; остатки не проверены',
    en: 'statement {statement}: no opening or closing balance or no account; balances not checked',
  },
  'balances.agree': { ru: 'счёт {account}: остатки сходятся', en: 'account {account}: balances agree' },
  'balances.mismatch': {
    ru: 'счёт {account}: {opening} + поступило {incoming} − списано {outgoing} = {computed}, а исходящий остаток {closing}',
    en: 'account {account}: opening {opening} + in {incoming} - out {outgoing} = {computed}, but the closing balance is {closing}',
  },
  'balances.incomplete': {
    ru: 'счёт {account}: документы файла дают поступило {documentsIncoming} / списано {documentsOutgoing} вместо {incoming} / {outgoing} (файл неполный?)',
    en: "account {account}: the file's documents add up to in {documentsIncoming} / out {documentsOutgoing} instead of {incoming} / {outgoing} (the file may be incomplete)",
  },
  'balances.missing': {
    ru: 'выписка {statement}: нет входящего или исходящего остатка — проверить нечем',
    en: 'statement {statement}: no opening or closing balance; nothing can be verified',
  },
  'statement.empty': { ru: 'файл пустой', en: 'the file is empty' },
  'statement.unknown-format': {
    ru: 'это не банковская выписка: ожидается 1CClientBankExchange, camt.053 или MT940',
    en: 'not a bank statement: expected 1CClientBankExchange, camt.053 or MT940',
  },
  'statement.malformed': { ru: 'файл нарушает структуру формата', en: "the file breaks the format's structure" },
  'statement.too-large': {
    ru: 'в файле больше {max} документов',
    en: 'more than {max} documents in one file',
  },
}

export function formatStatementMoney(kopecks: number, lang: StatementLang): string {
  const sign = kopecks < 0 ? '-' : ''
  const abs = Math.abs(kopecks)
  const rub = Math.floor(abs / 100).toString()
  const kop = String(abs % 100).padStart(2, '0')
  if (lang === 'en') return `${sign}${rub.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${kop}`
  return `${sign}${rub.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${kop}`
}

/** The text of a warning, error or balance check code; unknown codes fall back to the code itself. */
export function statementMessageText(m: Omit<StatementMessage, 'line'>, lang: StatementLang): string {
  const t = TEXTS[m.code]?.[lang] ?? m.code
  return t.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = m.params[k]
    if (v === undefined) return ''
    return MONEY.has(k) && typeof v === 'number' ? formatStatementMoney(v, lang) : String(v)
  })
}

/** "строка 12: …" / "line 12: …" */
export function statementMessageLine(m: StatementMessage, lang: StatementLang): string {
  const text = statementMessageText(m, lang)
  if (m.line === null) return text
  return `${lang === 'ru' ? 'строка' : 'line'} ${m.line}: ${text}`
}
