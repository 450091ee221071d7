// State duty (государственная пошлина) on a claim of property subject to valuation, by the scale in
// force for claims filed from 9 September 2024 (Federal Law 259-FZ of 08.08.2024):
// arbitration courts - Tax Code art. 333.21 p. 1 sub. 1; general courts - art. 333.19 p. 1 sub. 1.
// The duty is paid in whole rubles: under 50 kopecks dropped, 50 and more rounded up (art. 52 p. 6,
// art. 333.20). Exact integer arithmetic: rates are in hundredths of a percent.
import { divRoundHalfUp } from '../money/index.ts'
import type { Kopecks } from '../money/index.ts'
import { DomainError } from '../domain-error.ts'

export type Court = 'arbitration' | 'general'
export const COURTS: readonly Court[] = ['arbitration', 'general']

export class StateDutyError extends DomainError<'state-duty.invalid-claim' | 'state-duty.invalid-court'> {
  constructor(code: 'state-duty.invalid-claim' | 'state-duty.invalid-court', message: string) {
    super('StateDutyError', code, message)
  }
}

/** One row of the scale, amounts in whole rubles; the claim value is over `over` and at most `upTo`. */
export interface DutyScaleRow {
  over: number
  upTo: number | null
  baseRub: number
  /** percent of the amount over `over`, in hundredths of a percent (5 % = 500, 0.35 % = 35) */
  rateCentiPct: number
  capRub: number | null
}

const row = (over: number, upTo: number | null, baseRub: number, rateCentiPct: number, capRub: number | null = null) =>
  ({ over, upTo, baseRub, rateCentiPct, capRub }) satisfies DutyScaleRow

export const DUTY_SCALES: Readonly<Record<Court, readonly DutyScaleRow[]>> = {
  arbitration: [
    row(0, 100_000, 10_000, 0),
    row(100_000, 1_000_000, 10_000, 500),
    row(1_000_000, 10_000_000, 55_000, 300),
    row(10_000_000, 50_000_000, 325_000, 100),
    row(50_000_000, null, 725_000, 50, 10_000_000),
  ],
  general: [
    row(0, 100_000, 4_000, 0),
    row(100_000, 300_000, 4_000, 300),
    row(300_000, 500_000, 10_000, 250),
    row(500_000, 1_000_000, 15_000, 200),
    row(1_000_000, 3_000_000, 25_000, 100),
    row(3_000_000, 8_000_000, 45_000, 70),
    row(8_000_000, 24_000_000, 80_000, 35),
    row(24_000_000, 50_000_000, 136_000, 30),
    row(50_000_000, null, 214_000, 15, 900_000),
  ],
}

export const DUTY_ARTICLES: Readonly<Record<Court, string>> = {
  arbitration: 'art. 333.21 p. 1 sub. 1',
  general: 'art. 333.19 p. 1 sub. 1',
}

export interface StateDuty {
  court: Court
  claim: Kopecks
  /** the duty in kopecks, always whole rubles */
  duty: Kopecks
  row: DutyScaleRow
  capped: boolean
}

export function parseCourt(text: string | undefined): Court {
  const court = (text ?? 'arbitration') as Court
  if (!COURTS.includes(court)) {
    throw new StateDutyError('state-duty.invalid-court', `court must be one of ${COURTS.join(', ')}, got "${text}"`)
  }
  return court
}

export function calculateStateDuty(claim: Kopecks, court: Court = 'arbitration'): StateDuty {
  if (!Number.isSafeInteger(claim) || claim <= 0) {
    throw new StateDutyError('state-duty.invalid-claim', `the claim value must be a positive amount, got ${claim}`)
  }
  const scale = DUTY_SCALES[court]
  if (!scale) throw new StateDutyError('state-duty.invalid-court', `unknown court "${String(court)}"`)
  const found = scale.find((r) => r.upTo === null || claim <= r.upTo * 100)!
  const excess = BigInt(claim - found.over * 100)
  // kopecks = base * 100 + excess * rate / 10_000; whole rubles = that / 100, half up
  const exactTimes10k = BigInt(found.baseRub) * 1_000_000n + excess * BigInt(found.rateCentiPct)
  let rubles = Number(divRoundHalfUp(exactTimes10k, 1_000_000n))
  const capped = found.capRub !== null && rubles > found.capRub
  if (capped) rubles = found.capRub!
  return { court, claim, duty: rubles * 100, row: found, capped }
}

/** The row as a person reads it: "100 000 – 1 000 000 ₽: 10 000 ₽ + 5 % over 100 000 ₽". */
export function describeDutyRow(r: DutyScaleRow, lang: 'ru' | 'en'): string {
  const n = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? '\u00a0' : ',')
  const pct = `${Math.trunc(r.rateCentiPct / 100)}${r.rateCentiPct % 100 ? (lang === 'ru' ? ',' : '.') : ''}${
    r.rateCentiPct % 100
      ? String(r.rateCentiPct % 100)
          .padStart(2, '0')
          .replace(/0$/, '')
      : ''
  }`
  const ru = lang === 'ru'
  const range =
    r.upTo === null
      ? `${ru ? 'свыше' : 'over'} ${n(r.over)} ₽`
      : r.over === 0
        ? `${ru ? 'до' : 'up to'} ${n(r.upTo)} ₽`
        : `${ru ? 'от' : 'from'} ${n(r.over + 1)} ${ru ? 'до' : 'to'} ${n(r.upTo)} ₽`
  const rate = r.rateCentiPct ? ` + ${pct} % ${ru ? 'суммы свыше' : 'of the amount over'} ${n(r.over)} ₽` : ''
  const cap = r.capRub !== null ? (ru ? `, но не более ${n(r.capRub)} ₽` : `, at most ${n(r.capRub)} ₽`) : ''
  return `${range}: ${n(r.baseRub)} ₽${rate}${cap}`
}
