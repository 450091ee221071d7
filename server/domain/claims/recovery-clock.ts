// The clocks of a debt-recovery claim: the 30-day pre-trial period after the claim is sent (APK
// art. 4 p. 5; a deadline on a day off moves to the next working day, Civil Code art. 193), the
// limitation warnings (90 and 30 days before it ends) and the court-preparation checklist.
import { addDays, nextWorkingDayOnOrAfter, type LocalDate, type WorkingCalendar } from '../calendar/index.ts'

export const PRETRIAL_DAYS = 30
export const LIMITATION_WARNINGS = [90, 30] as const

export function pretrialDeadline(cal: WorkingCalendar, claimSentOn: LocalDate): LocalDate {
  return nextWorkingDayOnOrAfter(cal, addDays(claimSentOn, PRETRIAL_DAYS))
}

/** The deadline to pay a claim letter: `days` after its date; on a day off, the next working day (art. 193). */
export function letterPayBy(cal: WorkingCalendar, letterDate: LocalDate, days: number): LocalDate {
  return nextWorkingDayOnOrAfter(cal, addDays(letterDate, days))
}

const dayMs = (d: LocalDate) => Date.parse(`${d}T00:00:00Z`)

/** The warnings due today (the smallest threshold reached), or 'expired'; null when none. */
export function limitationWarning(
  limitationEndsOn: LocalDate | null,
  today: LocalDate,
): { threshold: 90 | 30 | 0; daysLeft: number } | null {
  if (!limitationEndsOn) return null
  const daysLeft = Math.round((dayMs(limitationEndsOn) - dayMs(today)) / 86_400_000)
  if (daysLeft < 0) return { threshold: 0, daysLeft }
  const t = [...LIMITATION_WARNINGS].reverse().find((x) => daysLeft <= x)
  return t === undefined ? null : { threshold: t, daysLeft }
}

export function courtChecklist(lang: 'ru' | 'en'): string[] {
  return lang === 'ru'
    ? [
        'Копия претензии',
        'Доказательство отправки претензии (опись, квитанция)',
        'Договор и допсоглашения',
        'Акты, накладные, УПД',
        'Расчёт долга и неустойки (процентов)',
        'Акт сверки (если подписан)',
        'Госпошлина оплачена',
      ]
    : [
        'Copy of the claim letter',
        'Proof of sending (inventory, receipt)',
        'Contract and amendments',
        'Acts, delivery notes',
        'Calculation of the debt and penalty (interest)',
        'Reconciliation statement (if signed)',
        'State duty paid',
      ]
}
