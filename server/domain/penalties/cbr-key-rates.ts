// The Bank of Russia's key-rate answer (DailyInfo web service, KeyRateXML: one <KR> per day with
// <DT> and <Rate>) read into the days on which the rate changed. Pure and strict: an answer with a
// row that does not parse, or with no rows, is refused whole (penalty.rate-answer-invalid), so a
// broken answer never changes the table.
import type { KeyRate } from './key-rates.ts'
import { parseBasisPoints } from './rate.ts'
import { PenaltyError } from './penalty-error.ts'

const invalid = (why: string) =>
  new PenaltyError('penalty.rate-answer-invalid', `the Bank of Russia key-rate answer does not parse: ${why}`)

const MAX_ROWS = 20_000

/** Every day of the answer with its rate, ascending by date. */
export function parseCbrKeyRateDays(xml: string): KeyRate[] {
  if (!/<KeyRate\b/.test(xml)) throw invalid('no <KeyRate> element')
  const days = new Map<string, number>()
  for (const m of xml.matchAll(/<KR>([\s\S]*?)<\/KR>/g)) {
    if (days.size >= MAX_ROWS) throw invalid(`more than ${MAX_ROWS} rows`)
    const dt = /<DT>\s*(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?\s*<\/DT>/.exec(m[1])
    const rate = /<Rate>\s*([^<]{1,12})\s*<\/Rate>/.exec(m[1])
    if (!dt || !rate) throw invalid(`a row without a date or a rate: ${m[1].slice(0, 80)}`)
    if (
      Number.isNaN(Date.parse(`${dt[1]}T00:00:00Z`)) ||
      new Date(`${dt[1]}T00:00:00Z`).toISOString().slice(0, 10) !== dt[1]
    )
      throw invalid(`not a date: ${dt[1]}`)
    let bp: number
    try {
      bp = parseBasisPoints(rate[1])
    } catch {
      throw invalid(`not a rate: ${rate[1].slice(0, 20)}`)
    }
    if (bp <= 0) throw invalid(`a zero rate on ${dt[1]}`)
    const seen = days.get(dt[1])
    if (seen !== undefined && seen !== bp) throw invalid(`two rates for ${dt[1]}`)
    days.set(dt[1], bp)
  }
  if (days.size === 0) throw invalid('no <KR> rows')
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([from, bp]) => ({ from, bp }))
}

/**
 * The rows to add to a table whose rate in force is given by `rateOn`: the first day of the answer
 * when it disagrees with the table (a correction), then each day the rate changes.
 */
export function keyRateChanges(days: readonly KeyRate[], rateOn: (date: string) => number | null): KeyRate[] {
  const out: KeyRate[] = []
  let previous: number | null = null
  for (const d of days) {
    const known: number | null = previous ?? rateOn(d.from)
    if (known !== d.bp) out.push(d)
    previous = d.bp
  }
  return out
}
