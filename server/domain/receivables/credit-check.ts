// A yes/no credit check of a counterparty against the limits a business-process designer sets:
// total debt, overdue debt and the oldest overdue days. Pure: the summary comes from the ledger.
import { formatRubles, type Kopecks } from '../money/index.ts'
import type { CounterpartySummary } from './summary.ts'

export interface CreditLimits {
  /** The most total open debt allowed; null = no limit on the total. */
  maxTotal: Kopecks | null
  /** The most overdue debt allowed (0 = any overdue debt fails); null = no limit. */
  maxOverdue: Kopecks | null
  /** The most days the oldest overdue invoice may be late; null = no limit. */
  maxOverdueDays: number | null
}

export type CreditBreach =
  | { kind: 'total'; actual: Kopecks; limit: Kopecks }
  | { kind: 'overdue'; actual: Kopecks; limit: Kopecks }
  | { kind: 'days'; actual: number; limit: number }

export interface CreditVerdict {
  allowed: boolean
  breaches: CreditBreach[]
}

export function checkCredit(
  s: Pick<CounterpartySummary, 'totalDebt' | 'overdueDebt' | 'oldestOverdueDays'>,
  l: CreditLimits,
): CreditVerdict {
  const breaches: CreditBreach[] = []
  if (l.maxTotal !== null && s.totalDebt > l.maxTotal)
    breaches.push({ kind: 'total', actual: s.totalDebt, limit: l.maxTotal })
  if (l.maxOverdue !== null && s.overdueDebt > l.maxOverdue)
    breaches.push({ kind: 'overdue', actual: s.overdueDebt, limit: l.maxOverdue })
  if (l.maxOverdueDays !== null && s.oldestOverdueDays > l.maxOverdueDays)
    breaches.push({ kind: 'days', actual: s.oldestOverdueDays, limit: l.maxOverdueDays })
  return { allowed: breaches.length === 0, breaches }
}

const TEXT = {
  ru: {
    ok: 'Лимит не превышен',
    total: (a: string, l: string) => `общий долг ${a} больше лимита ${l}`,
    overdue: (a: string, l: string) => `просроченный долг ${a} больше лимита ${l}`,
    days: (a: number, l: number) => `просрочка ${a} дн. больше допустимых ${l} дн.`,
    no: 'Лимит превышен',
  },
  en: {
    ok: 'Within the limit',
    total: (a: string, l: string) => `total debt ${a} exceeds the limit ${l}`,
    overdue: (a: string, l: string) => `overdue debt ${a} exceeds the limit ${l}`,
    days: (a: number, l: number) => `${a} days overdue exceeds the allowed ${l} days`,
    no: 'Over the limit',
  },
} as const

/** The verdict as one sentence a person reads in the business process log or a notification. */
export function describeCreditVerdict(v: CreditVerdict, lang: 'ru' | 'en'): string {
  const t = TEXT[lang]
  if (v.allowed) return t.ok
  const parts = v.breaches.map((b) =>
    b.kind === 'days'
      ? t.days(b.actual, b.limit)
      : t[b.kind](formatRubles(b.actual, lang), formatRubles(b.limit, lang)),
  )
  return `${t.no}: ${parts.join('; ')}`
}
