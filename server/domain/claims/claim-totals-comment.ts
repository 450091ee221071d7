// The totals comment of a claim: payouts of a compensation (e.g. 3 500 / 2 000 / 1 500) or the debt of
// a recovery case (its invoices: total / paid / remaining), with the marker
// that lets an interrupted creation be found again.
import { formatAmount, type MoneyLang } from '../money/index.ts'
import { totalsMarker } from '../receivables/totals-comment.ts'
import type { PayoutTotals } from './payouts.ts'

const words = {
  payout: {
    ru: { title: 'Выплаты по претензии', total: 'Всего к выплате', paid: 'Выплачено', remaining: 'Осталось', cur: '₽' },
    en: { title: 'Claim payouts', total: 'Total payouts', paid: 'Paid', remaining: 'Remaining', cur: 'RUB' },
  },
  recovery: {
    ru: { title: 'Долг по претензии', total: 'Сумма счетов', paid: 'Оплачено', remaining: 'Осталось', cur: '₽', schedule: 'График урегулирования' },
    en: { title: 'Debt under the claim', total: 'Invoiced', paid: 'Paid', remaining: 'Remaining', cur: 'RUB', schedule: 'Settlement schedule' },
  },
}

/** A recovery case may carry its settlement schedule's totals (the debtor's tranches) as well. */
export function renderClaimTotalsComment(caseId: number, t: PayoutTotals, lang: MoneyLang = 'ru', kind: 'payout' | 'recovery' = 'payout', schedule: PayoutTotals | null = null): string {
  const w = words[kind][lang]
  const money = (k: number) => `${formatAmount(k, lang)} ${w.cur}`
  const lines = [`[b]${w.title}[/b]`, `${w.total}: ${money(t.total)}`, `${w.paid}: ${money(t.paid)}`, `${w.remaining}: ${money(t.remaining)}`]
  if (schedule && kind === 'recovery') lines.push(`[b]${words.recovery[lang].schedule}[/b]`, `${money(schedule.total)} / ${money(schedule.paid)} / ${money(schedule.remaining)}`)
  return [...lines, `[i]${totalsMarker('claim', caseId)}[/i]`].join('\n')
}
