// The same payment reported through both channels: the payments API (1C posts the payment order)
// and a bank statement (the bank shows the same order). 1C and the bank give the same number, payer
// INN and amount, but 1C dates the order and the bank the credit, so the dates may differ by a few
// days. Without a payer INN or a number there is not enough to be sure: such lines never pair.
export const CROSS_CHANNEL_DAYS = 5
/** The reason code of a statement line that repeats a payment already received through the API. */
export const API_DUPLICATE = 'api-duplicate'

export interface ChannelLine {
  id: number
  docNumber: string
  valueDate: string | null
  amount: number
  payerInn: string | null
}

/** A payment-order number as both channels write it: trimmed, any case, leading zeros ignored. */
export function paymentOrderNumber(n: string): string {
  return n
    .trim()
    .toLowerCase()
    .replace(/^0+(?=.)/, '')
}

const dayDistance = (a: string, b: string) =>
  Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000

/** Days between the two lines when they are the same payment through the two channels, else null. */
export function crossChannelDistance(a: ChannelLine, b: ChannelLine): number | null {
  if (!a.payerInn || a.payerInn !== b.payerInn || a.amount !== b.amount || !a.valueDate || !b.valueDate) return null
  const n = paymentOrderNumber(a.docNumber)
  if (!n || n !== paymentOrderNumber(b.docNumber)) return null
  const d = dayDistance(a.valueDate, b.valueDate)
  return d <= CROSS_CHANNEL_DAYS ? d : null
}

/** The line of the other channel that is this payment (the nearest date, then the first one), if any. */
export function findCrossChannel<T extends ChannelLine>(line: ChannelLine, others: readonly T[]): T | null {
  let best: { o: T; d: number } | null = null
  for (const o of others) {
    const d = crossChannelDistance(line, o)
    if (d !== null && (!best || d < best.d || (d === best.d && o.id < best.o.id))) best = { o, d }
  }
  return best?.o ?? null
}

/** Statement line id -> API line id: each line of either side pairs at most once, the nearest dates first. */
export function pairCrossChannel(candidates: readonly { line: ChannelLine; api: ChannelLine }[]): Map<number, number> {
  const scored = candidates.flatMap((c) => {
    const d = crossChannelDistance(c.line, c.api)
    return d === null ? [] : [{ ...c, d }]
  })
  scored.sort((x, y) => x.d - y.d || x.line.id - y.line.id || x.api.id - y.api.id)
  const out = new Map<number, number>()
  const taken = new Set<number>()
  for (const c of scored) {
    if (out.has(c.line.id) || taken.has(c.api.id)) continue
    out.set(c.line.id, c.api.id)
    taken.add(c.api.id)
  }
  return out
}
