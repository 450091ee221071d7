// A collection plan step named in words: "за 5 рабочих дней до срока", "в день оплаты", "через 3 рабочих дня
// после срока", "повтор 2 из 8", "просрочка 10 дней: Позвонить клиенту". Falls back to the step's id.
import type { DunningStepDto } from '../../../../contracts/dunning.ts'
import type { Lang } from '../../app/i18n.ts'

/** 1 день, 2 дня, 5 дней (Russian plural by the last digits). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const a = Math.abs(n) % 100
  const b = a % 10
  if (a > 10 && a < 20) return many
  if (b === 1) return one
  if (b >= 2 && b <= 4) return few
  return many
}

function days(n: number, unit: 'working' | 'calendar', lang: Lang): string {
  if (lang === 'en') return `${n} ${unit === 'working' ? 'working ' : ''}day${n === 1 ? '' : 's'}`
  const word = ruPlural(n, 'день', 'дня', 'дней')
  const adj = unit === 'working' ? `${ruPlural(n, 'рабочий', 'рабочих', 'рабочих')} ` : ''
  return `${n} ${adj}${word}`
}

const ANCHOR = {
  ru: { due: 'срока', invoice: 'даты счёта', previous: 'предыдущего шага', 'claim-sent': 'отправки претензии' },
  en: { due: 'the due date', invoice: 'the invoice date', previous: 'the previous step', 'claim-sent': 'the claim' },
} as const
const ON_DAY = {
  ru: {
    due: 'в день оплаты',
    invoice: 'в день счёта',
    previous: 'вместе с предыдущим',
    'claim-sent': 'в день претензии',
  },
  en: {
    due: 'on the due date',
    invoice: 'on the invoice date',
    previous: 'with the previous step',
    'claim-sent': 'on the claim day',
  },
} as const

/** When the step falls, in words. */
export function stepWhen(s: DunningStepDto, lang: Lang): string {
  const w = s.when
  if (!w) return s.label
  if ('daysOverdue' in w)
    return lang === 'ru'
      ? `просрочка ${days(w.daysOverdue, 'calendar', lang)}`
      : `${days(w.daysOverdue, 'calendar', lang)} overdue`
  if ('repeat' in w)
    return lang === 'ru'
      ? `повтор ${w.repeat} из ${w.of} (каждые ${days(w.everyDays, w.unit, lang)})`
      : `repeat ${w.repeat} of ${w.of} (every ${days(w.everyDays, w.unit, lang)})`
  if (w.offset === 0) return ON_DAY[lang][w.anchor]
  const n = days(Math.abs(w.offset), w.unit, lang)
  if (w.offset < 0) return lang === 'ru' ? `за ${n} до ${ANCHOR.ru[w.anchor]}` : `${n} before ${ANCHOR.en[w.anchor]}`
  return lang === 'ru' ? `через ${n} после ${ANCHOR.ru[w.anchor]}` : `${n} after ${ANCHOR.en[w.anchor]}`
}

/** What an escalation does, in words (tasks in the portal's language, head told, claim opened). */
export function stepWhat(s: DunningStepDto, lang: Lang): string {
  if (!s.what) return ''
  const parts = [...s.what.tasks]
  if (s.what.notifyHead) parts.push(lang === 'ru' ? 'уведомить руководителя' : 'tell the head of sales')
  if (s.what.openClaim) parts.push(lang === 'ru' ? 'открыть претензию' : 'open a claim')
  return parts.join(', ')
}
