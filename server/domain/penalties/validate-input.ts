// Input checks of the engine, each failure a PenaltyError with a stable code.
import { MAX_KOPECKS } from '../money/index.ts'
import { dayOf } from './days.ts'
import { PenaltyError } from './penalty-error.ts'
import { PENALTY_METHODS, RATE_MODES } from './types.ts'
import type { PenaltyCap, PenaltyInput } from './types.ts'
import type { PaymentDay } from './segments.ts'

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= MAX_KOPECKS
}

export function checkPrincipal(principal: unknown): number {
  if (!isAmount(principal)) {
    throw new PenaltyError(
      'penalty.invalid-principal',
      `principal must be a positive number of kopecks up to ${MAX_KOPECKS}: ${String(principal)}`,
      { principal },
    )
  }
  return principal
}

/** New charges as day numbers, ascending; positive, not after the calculation day. */
export function checkCharges(input: PenaltyInput, toDay: number): PaymentDay[] {
  const out: PaymentDay[] = []
  for (const c of input.charges ?? []) {
    const day = dayOf(c.date, 'charge.date')
    if (!isAmount(c.amount) || day > toDay) {
      throw new PenaltyError(
        'penalty.invalid-charge',
        `charge of ${c.date} must be a positive number of kopecks dated up to ${input.to}`,
        { charge: c },
      )
    }
    out.push({ day, amount: c.amount })
  }
  const debt = out.reduce((s, c) => s + c.amount, input.principal)
  if (debt > MAX_KOPECKS) {
    throw new PenaltyError('penalty.invalid-charge', `principal and charges exceed ${MAX_KOPECKS} kopecks`, { debt })
  }
  return out.sort((a, b) => a.day - b.day)
}

/** Payments as day numbers, ascending; none after the calculation day; not more than the debt (principal + charges). */
export function checkPayments(input: PenaltyInput, toDay: number, debt: number = input.principal): PaymentDay[] {
  const out: PaymentDay[] = []
  let paid = 0
  for (const p of input.payments ?? []) {
    const day = dayOf(p.date, 'payment.date')
    if (!isAmount(p.amount)) {
      throw new PenaltyError(
        'penalty.invalid-payment',
        `payment of ${p.date} must be a positive number of kopecks: ${String(p.amount)}`,
        { payment: p },
      )
    }
    if (day > toDay) {
      throw new PenaltyError(
        'penalty.payment-after-calculation',
        `payment of ${p.date} is after the calculation date ${input.to}`,
        { payment: p, to: input.to },
      )
    }
    paid += p.amount
    out.push({ day, amount: p.amount })
  }
  if (paid > debt) {
    throw new PenaltyError('penalty.overpayment', `payments (${paid}) exceed the debt (${debt}) in kopecks`, {
      paid,
      debt,
    })
  }
  return out.sort((a, b) => a.day - b.day)
}

export function checkCap(cap: PenaltyCap | undefined): void {
  if (!cap) return
  if (cap.kind === 'fixed' && (!Number.isSafeInteger(cap.amount) || cap.amount < 0 || cap.amount > MAX_KOPECKS)) {
    throw new PenaltyError(
      'penalty.invalid-cap',
      `cap must be a non-negative number of kopecks: ${String(cap.amount)}`,
      { cap },
    )
  }
  if (cap.kind !== 'fixed' && cap.kind !== 'percent')
    throw new PenaltyError('penalty.invalid-cap', 'cap is neither a percent nor a sum', { cap })
}

export function checkTerms(input: PenaltyInput): void {
  const t = input.terms
  if (!t || !PENALTY_METHODS.includes(t.method)) {
    throw new PenaltyError(
      'penalty.invalid-method',
      `unknown method: ${String(t?.method)}; known: ${PENALTY_METHODS.join(', ')}`,
    )
  }
  if (t.method === 'per-day') {
    if (typeof t.percentPerDay !== 'string')
      throw new PenaltyError('penalty.invalid-method', 'per-day needs a rate in % per day')
    checkCap(t.cap)
  }
  if (t.method === 'key-rate-fraction') {
    if (!Number.isSafeInteger(t.fraction) || t.fraction <= 0) {
      throw new PenaltyError(
        'penalty.invalid-fraction',
        `fraction must be a positive integer (300 for 1/300): ${String(t.fraction)}`,
        { fraction: t.fraction },
      )
    }
    if (!RATE_MODES.includes(t.rateMode)) {
      throw new PenaltyError(
        'penalty.invalid-method',
        `unknown rate mode: ${String(t.rateMode)}; known: ${RATE_MODES.join(', ')}`,
      )
    }
    if (t.rateMode === 'fixed' && t.fixedRateBp === undefined) {
      throw new PenaltyError('penalty.invalid-method', 'rate mode "fixed" needs a key rate')
    }
    checkCap(t.cap)
  }
  if (t.method === 'fine') {
    if ((t.amount === undefined) === (t.percent === undefined)) {
      throw new PenaltyError(
        'penalty.invalid-method',
        'a fine is either a sum or a percent of the debt, exactly one of them',
      )
    }
    if (t.amount !== undefined && !isAmount(t.amount)) {
      throw new PenaltyError('penalty.invalid-cap', `fine must be a positive number of kopecks: ${String(t.amount)}`)
    }
  }
}
