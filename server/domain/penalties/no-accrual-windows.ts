// No-accrual windows: stretches of days on which no penalty or interest accrues. The default is the
// 2022 bankruptcy moratorium (Government decree No. 497 of 28.03.2022): 01.04.2022-01.10.2022 for
// obligations that arose before 01.04.2022. Editable: callers pass their own list; a debtor that
// refused the moratorium is opted out by id.
import { dayOf } from './days.ts'
import type { LocalDate } from './days.ts'
import { PenaltyError } from './penalty-error.ts'

export interface NoAccrualWindow {
  id: string
  label: string
  from: LocalDate
  /** Inclusive. */
  to: LocalDate
  /** The window covers only obligations that arose before this day (absent: all obligations). */
  appliesToObligationsBefore?: LocalDate
}

export const MORATORIUM_2022: NoAccrualWindow = Object.freeze({
  id: 'moratorium-2022',
  label: 'Moratorium (decree No. 497 of 28.03.2022)',
  from: '2022-04-01',
  to: '2022-10-01',
  appliesToObligationsBefore: '2022-04-01',
})

export const DEFAULT_NO_ACCRUAL_WINDOWS: readonly NoAccrualWindow[] = Object.freeze([MORATORIUM_2022])

export interface WindowDays {
  id: string
  from: number
  to: number
}

/** The windows that apply to one debt, as day numbers; validates each window. */
export function applicableWindows(
  windows: readonly NoAccrualWindow[],
  obligationDay: number,
  optOutIds: readonly string[] = [],
): WindowDays[] {
  const out: WindowDays[] = []
  for (const w of windows) {
    const from = dayOf(w.from, 'window.from')
    const to = dayOf(w.to, 'window.to')
    if (to < from)
      throw new PenaltyError('penalty.invalid-window', `window ${w.id} ends before it starts`, { id: w.id })
    if (optOutIds.includes(w.id)) continue
    if (
      w.appliesToObligationsBefore &&
      obligationDay >= dayOf(w.appliesToObligationsBefore, 'window.appliesToObligationsBefore')
    )
      continue
    out.push({ id: w.id, from, to })
  }
  return out
}
