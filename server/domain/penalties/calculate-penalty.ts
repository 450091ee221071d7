// The penalty engine: art. 395 interest, contractual % per day, fractions of the key rate and
// one-off fines, exact to the kopeck. Each row is rounded half-up to the kopeck; the total is the
// sum of the printed rows (domain-rules.md 1.1, 1.2).
import { dateOf, dayOf, newYearDays } from './days.ts'
import { builtinKeyRateTable, rateChangeDays } from './key-rate-table.ts'
import { KEY_RATE_ERA_395 } from './key-rates.ts'
import { DEFAULT_NO_ACCRUAL_WINDOWS, applicableWindows } from './no-accrual-windows.ts'
import { PenaltyError } from './penalty-error.ts'
import { baseOn, splitIntoSegments } from './segments.ts'
import { checkCharges, checkPayments, checkPrincipal, checkTerms } from './validate-input.ts'
import { fineRow, rowOf, fractionRate } from './accrual-rows.ts'
import { applyCap } from './cap.ts'
import type { PenaltyInput, PenaltyResult, PenaltyRow } from './types.ts'

export function calculatePenalty(input: PenaltyInput): PenaltyResult {
  checkPrincipal(input.principal)
  checkTerms(input)
  const terms = input.terms
  const table = input.keyRates ?? builtinKeyRateTable()
  const dueDay = dayOf(input.dueDate, 'dueDate')
  const toDay = dayOf(input.to, 'to')
  const firstDelayDay = dueDay + 1
  const start = input.from === undefined ? firstDelayDay : dayOf(input.from, 'from')
  if (input.from !== undefined && (start < firstDelayDay || start > toDay)) {
    throw new PenaltyError(
      'penalty.invalid-period',
      `accrual start ${input.from} must be within ${dateOf(firstDelayDay)}..${input.to}`,
      { from: input.from },
    )
  }
  const charges = checkCharges(input, toDay)
  const debt = input.principal + charges.reduce((s, c) => s + c.amount, 0)
  const payments = checkPayments(input, toDay, debt)
  const obligationDay = dayOf(input.obligationDate ?? input.dueDate, 'obligationDate')
  const windows = applicableWindows(input.windows ?? DEFAULT_NO_ACCRUAL_WINDOWS, obligationDay, input.optOutWindowIds)
  const warnings: string[] = []

  const perYear = terms.method === '395'
  const periodised = perYear || (terms.method === 'key-rate-fraction' && terms.rateMode === 'periodised')
  const cuts = [
    ...(periodised ? rateChangeDays(table, start, toDay) : []),
    ...(perYear ? newYearDays(start, toDay) : []),
  ]
  const segments =
    terms.method === 'fine'
      ? []
      : splitIntoSegments({ start, end: toDay, principal: input.principal, payments, charges, windows, cuts })

  let rows: PenaltyRow[]
  if (terms.method === 'fine') {
    const row = start <= toDay ? fineRow(terms, start, baseOn(start, input.principal, payments, charges)) : null
    rows = row ? [row] : []
  } else {
    const rate =
      terms.method === 'key-rate-fraction'
        ? fractionRate(terms, table, { start, toDay, principal: debt, payments, warnings })
        : null
    rows = segments.map((seg) => rowOf(terms, seg, table, rate))
  }
  if (perYear && rows.length > 0 && rows[0].from < KEY_RATE_ERA_395) warnings.push('penalty.before-key-rate-era')

  const uncapped = rows.reduce((s, r) => s + r.amount, 0)
  const capped = applyCap(terms, debt, uncapped)
  return {
    method: terms.method,
    rateMode: terms.method === 'key-rate-fraction' ? terms.rateMode : null,
    principal: input.principal,
    start: rows.length ? rows[0].from : null,
    end: rows.length ? rows[rows.length - 1].to : null,
    rows,
    days: rows.filter((r) => r.accrues).reduce((s, r) => s + r.days, 0),
    uncapped,
    cap: capped.cap,
    total: capped.total,
    warnings,
  }
}
