// Input and result shapes of the penalty engine. Amounts are kopecks, days are ISO dates.
import type { Kopecks } from '../money/index.ts'
import type { LocalDate } from './days.ts'
import type { KeyRateTable } from './key-rate-table.ts'
import type { ExactRate } from './rate.ts'
import type { NoAccrualWindow } from './no-accrual-windows.ts'

/** '395' art. 395 interest; 'per-day' contractual % per day; 'key-rate-fraction' 1/300 etc.; 'fine' one-off. */
export type PenaltyMethod = '395' | 'per-day' | 'key-rate-fraction' | 'fine'
export const PENALTY_METHODS: readonly PenaltyMethod[] = ['395', 'per-day', 'key-rate-fraction', 'fine']

/** Which key rate a fraction uses: per period (like 395), on the settling payment's day, on the calculation day, or a fixed one. */
export type RateMode = 'periodised' | 'payment-date' | 'calculation-date' | 'fixed'
export const RATE_MODES: readonly RateMode[] = ['periodised', 'payment-date', 'calculation-date', 'fixed']

export type PenaltyCap =
  | { kind: 'percent'; percent: string } // "10" = 10 % of the debt (principal plus charges)
  | { kind: 'fixed'; amount: Kopecks }

export type PenaltyTerms =
  | { method: '395' }
  | { method: 'per-day'; percentPerDay: string; cap?: PenaltyCap }
  | { method: 'key-rate-fraction'; fraction: number; rateMode: RateMode; fixedRateBp?: number; cap?: PenaltyCap }
  | { method: 'fine'; amount?: Kopecks; percent?: string }

export interface Payment {
  date: LocalDate
  amount: Kopecks
}

export interface PenaltyInput {
  principal: Kopecks
  /** The last day allowed for payment, already moved off a non-working day (art. 193) by the caller. */
  dueDate: LocalDate
  /** Payments on this debt (any order). Each lowers the base from the day after its date. */
  payments?: readonly Payment[]
  /** New charges on the same debt (a later invoice, a cost): each joins the base from its date, its first day of delay. */
  charges?: readonly Payment[]
  /** The calculation date: accrual runs to this day inclusive. */
  to: LocalDate
  /** Accrue from this day instead of the day after dueDate (a claim for a later part of the delay). */
  from?: LocalDate
  /** The day the obligation arose (decides whether the moratorium applies); default dueDate. */
  obligationDate?: LocalDate
  terms: PenaltyTerms
  /** Key rates (built-in plus admin rows); default the built-in table. */
  keyRates?: KeyRateTable
  /** No-accrual windows; default [MORATORIUM_2022]. Pass [] for none. */
  windows?: readonly NoAccrualWindow[]
  /** Window ids this debtor opted out of (e.g. it published its refusal of the moratorium). */
  optOutWindowIds?: readonly string[]
}

export interface PenaltyRow {
  from: LocalDate
  to: LocalDate
  days: number
  base: Kopecks
  /** The exact rate of the row; null for a fine of a fixed sum. */
  rate: ExactRate | null
  /** For people: "16.00" (% a year), "0.1" (% a day), "20.00 × 1/300". */
  ratePercent: string
  /** 365/366 for rates per year; null for rates per day. */
  yearDays: number | null
  amount: Kopecks
  /** False inside a no-accrual window (amount 0). */
  accrues: boolean
  /** The no-accrual window id when accrues is false. */
  windowId?: string
}

export interface PenaltyResult {
  method: PenaltyMethod
  rateMode: RateMode | null
  principal: Kopecks
  /** First and last day of the table, null when there is no delay. */
  start: LocalDate | null
  end: LocalDate | null
  rows: PenaltyRow[]
  /** Accruing days (rows inside no-accrual windows excluded). */
  days: number
  /** Sum of the rounded rows. */
  uncapped: Kopecks
  cap: { limit: Kopecks; label: string; applied: boolean } | null
  /** What is claimed: uncapped, or the cap when it bites. */
  total: Kopecks
  /** Stable codes: 'penalty.before-key-rate-era', 'penalty.rate-on-calculation-date'. */
  warnings: string[]
}
