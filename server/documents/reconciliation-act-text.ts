// The words of the reconciliation act in ru and en, shared by the PDF and the XLSX.
import type { ActRow } from '../domain/reconciliation/reconciliation-act.ts'
import type { ReconciliationActModel } from './reconciliation-act-model.ts'
import { formatDate, formatKopecks } from './format.ts'

const texts = {
  ru: {
    title: 'Акт сверки взаимных расчётов',
    number: '№',
    period: (f: string, t: string) => `за период с ${f} по ${t}`,
    between: (us: string, them: string) => `между ${us} и ${them}`,
    byContract: (n: string, d: string | null) => `по договору № ${n}${d ? ` от ${d}` : ''}`,
    allContracts: 'по всем договорам',
    intro: (us: string, them: string) =>
      `Мы, нижеподписавшиеся, ${us}, с одной стороны, и ${them}, с другой стороны, составили настоящий акт ` +
      'сверки о том, что состояние взаимных расчётов по данным учёта следующее:',
    byData: (name: string) => `По данным ${name}, руб.`,
    cols: ['№', 'Дата', 'Документ', 'Дебет', 'Кредит'],
    opening: 'Сальдо начальное',
    turnover: 'Обороты за период',
    closing: 'Сальдо конечное',
    invoice: (r: ActRow) => `Продажа (счёт № ${r.invoiceNumber})`,
    payment: (r: ActRow) => `Оплата (счёт № ${r.invoiceNumber})${r.document ? `; ${r.document}` : ''}`,
    reversal: (r: ActRow) => `Сторно оплаты (счёт № ${r.invoiceNumber})`,
    contract: (n: string) => `договор № ${n}`,
    owedToUs: (d: string, us: string, amount: string) =>
      `По данным ${us} на ${d} задолженность в пользу ${us} составляет ${amount} руб.`,
    owedToThem: (d: string, us: string, them: string, amount: string) =>
      `По данным ${us} на ${d} задолженность в пользу ${them} составляет ${amount} руб.`,
    settled: (d: string, us: string) => `По данным ${us} на ${d} задолженность отсутствует.`,
    from: 'От',
    sign: 'подпись',
    stamp: 'М. П.',
    inn: 'ИНН',
    kpp: 'КПП',
  },
  en: {
    title: 'Reconciliation statement',
    number: 'No.',
    period: (f: string, t: string) => `for the period ${f} to ${t}`,
    between: (us: string, them: string) => `between ${us} and ${them}`,
    byContract: (n: string, d: string | null) => `under contract No. ${n}${d ? ` of ${d}` : ''}`,
    allContracts: 'under all contracts',
    intro: (us: string, them: string) =>
      `We, the undersigned, ${us} on the one part and ${them} on the other part, have drawn up this ` +
      'statement on the state of mutual settlements according to the books:',
    byData: (name: string) => `According to ${name}, RUB`,
    cols: ['No.', 'Date', 'Document', 'Debit', 'Credit'],
    opening: 'Opening balance',
    turnover: 'Turnover for the period',
    closing: 'Closing balance',
    invoice: (r: ActRow) => `Sale (invoice ${r.invoiceNumber})`,
    payment: (r: ActRow) => `Payment (invoice ${r.invoiceNumber})${r.document ? `; ${r.document}` : ''}`,
    reversal: (r: ActRow) => `Payment reversed (invoice ${r.invoiceNumber})`,
    contract: (n: string) => `contract ${n}`,
    owedToUs: (d: string, us: string, amount: string) =>
      `According to ${us} on ${d} the debt to ${us} is RUB ${amount}.`,
    owedToThem: (d: string, us: string, them: string, amount: string) =>
      `According to ${us} on ${d} the debt to ${them} is RUB ${amount}.`,
    settled: (d: string, us: string) => `According to ${us} on ${d} there is no debt.`,
    from: 'For',
    sign: 'signature',
    stamp: 'Seal',
    inn: 'INN',
    kpp: 'KPP',
  },
}

export type ActTexts = (typeof texts)['ru']
export const actTexts = (lang: 'ru' | 'en'): ActTexts => texts[lang]

/** A balance in the debit column when the counterparty owes, in the credit column when it is its advance. */
export function balanceCells(k: number, lang: 'ru' | 'en'): [string, string] {
  if (k > 0) return [formatKopecks(k, lang), '']
  if (k < 0) return ['', formatKopecks(-k, lang)]
  return [formatKopecks(0, lang), '']
}

export function rowDocument(r: ActRow, x: ReconciliationActModel): string {
  const t = actTexts(x.lang)
  const what = t[r.kind](r)
  return x.contract === null && r.contract ? `${what}, ${t.contract(r.contract)}` : what
}

export function actHeadings(x: ReconciliationActModel) {
  const t = actTexts(x.lang)
  const d = (iso: string) => formatDate(iso, x.lang)
  const closing = x.act.closing
  const amount = formatKopecks(Math.abs(closing), x.lang)
  const conclusion =
    closing > 0
      ? t.owedToUs(d(x.act.to), x.us.name, amount)
      : closing < 0
        ? t.owedToThem(d(x.act.to), x.us.name, x.them.name, amount)
        : t.settled(d(x.act.to), x.us.name)
  return {
    title: `${t.title} ${t.number} ${x.number}`,
    period: t.period(d(x.act.from), d(x.act.to)),
    between: t.between(x.us.name, x.them.name),
    scope: x.contract ? t.byContract(x.contract.number, x.contract.date && d(x.contract.date)) : t.allContracts,
    intro: t.intro(x.us.name, x.them.name),
    conclusion,
  }
}

export function partyLine(p: { name: string; inn?: string; kpp?: string }, lang: 'ru' | 'en'): string {
  const t = actTexts(lang)
  return [p.name, p.inn && `${t.inn} ${p.inn}`, p.kpp && `${t.kpp} ${p.kpp}`].filter(Boolean).join(', ')
}
