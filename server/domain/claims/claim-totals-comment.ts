// The payouts totals comment of a compensation claim (e.g. 3 500 / 2 000 / 1 500), with the marker
// that lets an interrupted creation be found again.
import { formatAmount, type MoneyLang } from '../money/index.ts'
import { totalsMarker } from '../receivables/totals-comment.ts'
import type { PayoutTotals } from './payouts.ts'

const words = {
  ru: { title: 'Выплаты по претензии', total: 'Всего к выплате', paid: 'Выплачено', remaining: 'Осталось', cur: '₽' },
  en: { title: 'Claim payouts', total: 'Total payouts', paid: 'Paid', remaining: 'Remaining', cur: 'RUB' },
}

export function renderClaimTotalsComment(caseId: number, t: PayoutTotals, lang: MoneyLang = 'ru'): string {
  const w = words[lang]
  const money = (k: number) => `${formatAmount(k, lang)} ${w.cur}`
  return [`[b]${w.title}[/b]`, `${w.total}: ${money(t.total)}`, `${w.paid}: ${money(t.paid)}`, `${w.remaining}: ${money(t.remaining)}`, `[i]${totalsMarker('claim', caseId)}[/i]`].join('\n')
}
