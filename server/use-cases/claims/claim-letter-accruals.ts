// The accrual tables of a claim letter, one per overdue invoice: art. 395 interest or the
// contractual penalty — never both for the same debt (art. 395(4)). The terms are the invoice's
// contract's when it sets them, else the portal's default; the portal's no-accrual windows apply
// unless the debtor opted out; the obligation arose on the invoice date.
import {
  calculatePenalty,
  penaltyTermsOf,
  windowsFor,
  type KeyRateTable,
  type NoAccrualWindow,
  type PenaltyDefaults,
  type PenaltyResult,
  type PenaltyTerms,
} from '../../domain/penalties/index.ts'
import { formatKopecks } from '../../documents/format.ts'
import type { AccrualTable } from '../../documents/claim-letter-model.ts'
import type { Logger } from '../../lib/logger.ts'

export interface LetterDebt {
  receivableId: number
  invoiceNumber: string
  invoiceDate: string
  dueDate: string
  amount: number
  remaining: number
  debtor: { entityType: 'company' | 'contact'; entityId: number } | null
  contract: { number: string; penaltyTerms: unknown } | null
  payments: { date: string; amount: number }[]
}

type Lang = 'ru' | 'en'
const comma = (s: string, lang: Lang) => (lang === 'ru' ? s.replace('.', ',') : s)

/** "Неустойка по договору № K-1 (0,1 % в день)" / "Проценты по ст. 395 ГК РФ" — and the invoice. */
export function accrualTitle(terms: PenaltyTerms, lang: Lang, invoice: string, contract: string | null): string {
  const ru = lang === 'ru'
  const byContract = contract ? (ru ? ` по договору № ${contract}` : ` under contract No. ${contract}`) : ''
  const inv = ru ? ` — счёт № ${invoice}` : ` — invoice ${invoice}`
  switch (terms.method) {
    case '395':
      return (ru ? 'Расчёт процентов по ст. 395 ГК РФ' : 'Interest under art. 395 of the Civil Code') + inv
    case 'per-day':
      return (
        (ru
          ? `Расчёт неустойки${byContract} (${comma(terms.percentPerDay, lang)} % в день)`
          : `Contractual penalty${byContract} (${terms.percentPerDay} % a day)`) + inv
      )
    case 'key-rate-fraction':
      return (
        (ru
          ? `Расчёт неустойки${byContract} (1/${terms.fraction} ключевой ставки)`
          : `Contractual penalty${byContract} (1/${terms.fraction} of the key rate)`) + inv
      )
    case 'fine':
      return (ru ? `Штраф${byContract}` : `Fine${byContract}`) + inv
  }
}

function capLabel(terms: PenaltyTerms, lang: Lang): string {
  const cap = terms.method === 'per-day' || terms.method === 'key-rate-fraction' ? terms.cap : undefined
  if (!cap) return ''
  if (cap.kind === 'fixed')
    return lang === 'ru'
      ? `не более ${formatKopecks(cap.amount, lang)} руб.`
      : `at most RUB ${formatKopecks(cap.amount, lang)}`
  return lang === 'ru' ? `не более ${comma(cap.percent, lang)} % от долга` : `at most ${cap.percent} % of the debt`
}

function rateText(terms: PenaltyTerms, ratePercent: string, lang: Lang): string {
  if (terms.method === 'per-day')
    return lang === 'ru' ? `${comma(ratePercent, lang)} % в день` : `${ratePercent} % a day`
  if (terms.method === 'fine' && terms.percent !== undefined)
    return lang === 'ru' ? `${comma(ratePercent, lang)} % от долга` : `${ratePercent} % of the debt`
  // the key rate (art. 395) and its fraction: "14,25" and "7,50 × 1/300" in a Russian document
  return comma(ratePercent, lang)
}

/** The window's name for the letter: the built-in moratorium in the letter's language, else the admin's label. */
function windowNote(w: NoAccrualWindow | undefined, lang: Lang): string {
  if (!w) return ''
  if (w.id === 'moratorium-2022')
    return lang === 'ru'
      ? 'мораторий (постановление Правительства РФ № 497 от 28.03.2022)'
      : 'moratorium (Government decree No. 497 of 28.03.2022)'
  return w.label
}

function tableOf(
  result: PenaltyResult,
  terms: PenaltyTerms,
  debt: LetterDebt,
  windows: readonly NoAccrualWindow[],
  lang: Lang,
): AccrualTable {
  return {
    title: accrualTitle(
      terms,
      lang,
      debt.invoiceNumber,
      debt.contract && terms.method !== '395' ? debt.contract.number : null,
    ),
    kind: terms.method === '395' ? 'interest' : 'penalty',
    perYear: terms.method === '395',
    rows: result.rows.map((r) => ({
      from: r.from,
      to: r.to,
      days: r.days,
      base: r.base,
      ratePercent: rateText(terms, r.ratePercent, lang),
      yearDays: r.yearDays,
      amount: r.amount,
      ...(r.accrues
        ? {}
        : {
            accrues: false,
            note: windowNote(
              windows.find((w) => w.id === r.windowId),
              lang,
            ),
          }),
    })),
    uncapped: result.uncapped,
    cap: result.cap ? { label: capLabel(terms, lang), limit: result.cap.limit, applied: result.cap.applied } : null,
    total: result.total,
  }
}

/** The terms of one debt: its contract's (checked again: stored terms are applied only if valid), else the portal default. */
export function termsOfDebt(debt: LetterDebt, defaults: PenaltyDefaults, log: Logger): PenaltyTerms {
  const raw = debt.contract?.penaltyTerms
  if (raw === null || raw === undefined) return defaults.terms
  try {
    return penaltyTermsOf(raw)
  } catch (e) {
    log.warn({ receivableId: debt.receivableId, err: (e as Error).message }, 'penalty.contract-terms-invalid')
    return defaults.terms
  }
}

export interface LetterAccruals {
  tables: AccrualTable[]
  interest: number
  penalty: number
}

export function letterAccruals(
  debts: readonly LetterDebt[],
  today: string,
  keyRates: KeyRateTable,
  defaults: PenaltyDefaults,
  lang: Lang,
  log: Logger,
): LetterAccruals {
  const tables: AccrualTable[] = []
  for (const debt of debts) {
    if (!(debt.dueDate < today && debt.remaining > 0)) continue
    const terms = termsOfDebt(debt, defaults, log)
    const scope = windowsFor(defaults, debt.debtor)
    // paid by the due date lowers the debt the delay starts with; later payments lower it from the next day
    const early = debt.payments.filter((p) => p.date <= debt.dueDate).reduce((s, p) => s + p.amount, 0)
    if (debt.amount - early <= 0) continue
    const result = calculatePenalty({
      principal: debt.amount - early,
      dueDate: debt.dueDate,
      to: today,
      terms,
      keyRates,
      ...scope,
      obligationDate: debt.invoiceDate < debt.dueDate ? debt.invoiceDate : debt.dueDate,
      payments: debt.payments.filter((p) => p.date > debt.dueDate && p.date <= today),
    })
    if (result.rows.length) tables.push(tableOf(result, terms, debt, scope.windows, lang))
  }
  const sum = (k: AccrualTable['kind']) => tables.filter((t) => t.kind === k).reduce((s, t) => s + t.total, 0)
  return { tables, interest: sum('interest'), penalty: sum('penalty') }
}
