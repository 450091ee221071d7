// The result as a plain-text table (for robots, chat messages, the CLI): one line per row, the
// total, and the cap when there is one. Monospace-aligned; amounts in roubles.
import { formatAmount } from '../money/index.ts'
import type { MoneyLang } from '../money/index.ts'
import type { PenaltyResult, PenaltyRow } from './types.ts'

const texts = {
  ru: {
    head: ['Период', 'Дней', 'Долг, руб.', 'Ставка, %', 'Год', 'Сумма, руб.'],
    title: {
      '395': 'Проценты по ст. 395 ГК РФ',
      'per-day': 'Неустойка (пени)',
      'key-rate-fraction': 'Пени от ключевой ставки',
      fine: 'Штраф',
    },
    total: 'Итого',
    uncapped: 'Без ограничения',
    cap: 'Ограничение',
    toPay: 'К взысканию',
    none: 'Просрочки нет, начислений нет.',
    window: 'не начисляется',
    capOf: (l: string) => l.replace('% of the debt', '% от суммы долга').replace('RUB', 'руб.'),
  },
  en: {
    head: ['Period', 'Days', 'Debt, RUB', 'Rate, %', 'Year', 'Amount, RUB'],
    title: {
      '395': 'Interest under art. 395 of the Civil Code',
      'per-day': 'Contractual penalty',
      'key-rate-fraction': 'Penalty as a fraction of the key rate',
      fine: 'Fine',
    },
    total: 'Total',
    uncapped: 'Uncapped',
    cap: 'Cap',
    toPay: 'Claimed',
    none: 'No delay, nothing accrued.',
    window: 'no accrual',
    capOf: (l: string) => l,
  },
} as const

function day(iso: string, lang: MoneyLang): string {
  const [y, m, d] = iso.split('-')
  return lang === 'ru' ? `${d}.${m}.${y}` : iso
}

function cells(r: PenaltyRow, lang: MoneyLang): string[] {
  const period = r.from === r.to ? day(r.from, lang) : `${day(r.from, lang)}–${day(r.to, lang)}`
  const amount = r.accrues ? formatAmount(r.amount, lang) : `0 (${texts[lang].window})`
  return [
    period,
    String(r.days),
    formatAmount(r.base, lang),
    r.ratePercent,
    r.yearDays === null ? '—' : String(r.yearDays),
    amount,
  ]
}

export function formatPenaltyTable(result: PenaltyResult, lang: MoneyLang = 'ru'): string {
  const t = texts[lang]
  const lines: string[] = [t.title[result.method]]
  if (result.rows.length === 0) return [...lines, t.none].join('\n')
  const body = result.rows.map((r) => cells(r, lang))
  const totalRow = [t.total, String(result.days), '', '', '', formatAmount(result.uncapped, lang)]
  const all = [[...t.head], ...body, totalRow]
  const widths = t.head.map((_, i) => Math.max(...all.map((row) => row[i].length)))
  const render = (row: string[]) =>
    row
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  lines.push(render(all[0]), widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of body) lines.push(render(row))
  lines.push(render(totalRow))
  if (result.cap) {
    lines.push(
      `${t.cap}: ${t.capOf(result.cap.label)} = ${formatAmount(result.cap.limit, lang)}; ${t.uncapped}: ${formatAmount(result.uncapped, lang)}`,
    )
  }
  lines.push(`${t.toPay}: ${formatAmount(result.total, lang)}`)
  return lines.join('\n')
}
