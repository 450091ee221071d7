// The totals comment of a claim: payouts of a compensation (e.g. 3 500 / 2 000 / 1 500) or the debt of
// a recovery case (its invoices: total / paid / remaining). No technical marker: the comment is found by
// its stored id, an interrupted creation by its title line.
import type { MoneyLang } from '../money/index.ts'
import { totalsMoney } from '../receivables/totals-comment.ts'
import type { PayoutTotals } from './payouts.ts'

const words = {
  payout: {
    ru: { title: 'Выплаты по претензии', total: 'Всего к выплате', paid: 'Выплачено', remaining: 'Осталось' },
    en: { title: 'Claim payouts', total: 'Total payouts', paid: 'Paid', remaining: 'Remaining' },
  },
  recovery: {
    ru: {
      title: 'Долг по претензии',
      total: 'Сумма счетов',
      paid: 'Оплачено',
      remaining: 'Осталось',
      schedule: 'График урегулирования',
    },
    en: {
      title: 'Debt under the claim',
      total: 'Invoiced',
      paid: 'Paid',
      remaining: 'Remaining',
      schedule: 'Settlement schedule',
    },
  },
}

/** The first line of a claim's totals comment, every kind and language. */
export function claimTotalsTitles(): string[] {
  return [words.payout.ru, words.payout.en, words.recovery.ru, words.recovery.en].map((w) => `[b]${w.title}[/b]`)
}

/** A recovery case may carry its settlement schedule's totals (the debtor's tranches) as well. */
export function renderClaimTotalsComment(
  t: PayoutTotals,
  lang: MoneyLang = 'ru',
  kind: 'payout' | 'recovery' = 'payout',
  schedule: PayoutTotals | null = null,
): string {
  const w = words[kind][lang]
  const money = (k: number) => totalsMoney(k, 'RUB', lang)
  const lines = [
    `[b]${w.title}[/b]`,
    `${w.total}: ${money(t.total)}`,
    `${w.paid}: ${money(t.paid)}`,
    `${w.remaining}: ${money(t.remaining)}`,
  ]
  if (schedule && kind === 'recovery')
    lines.push(
      `[b]${words.recovery[lang].schedule}[/b]`,
      `${money(schedule.total)} / ${money(schedule.paid)} / ${money(schedule.remaining)}`,
    )
  return lines.join('\n')
}
