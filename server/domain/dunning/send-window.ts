// The send window of a reminder day in the debtor's local time, as UTC instants.
import { localTimeToMs } from '../calendar/instant.ts'
import type { LocalDate } from '../calendar/index.ts'
import { DunningError } from './dunning-error.ts'
import type { SendWindow } from './types.ts'

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

export function windowMinutes(w: SendWindow): { from: number; to: number } {
  const parse = (s: string) => {
    const m = CLOCK.exec(s)
    if (!m)
      throw new DunningError('dunning.invalid-window', `send window time must be HH:MM, got "${s}"`, { window: w })
    return Number(m[1]) * 60 + Number(m[2])
  }
  const from = parse(w.from)
  const to = parse(w.to)
  if (to <= from)
    throw new DunningError('dunning.invalid-window', `send window must end after it starts (${w.from}-${w.to})`, {
      window: w,
    })
  return { from, to }
}

/** [from, to) epoch ms of the window on that day in that zone. */
export function sendWindowOn(date: LocalDate, w: SendWindow, timezone: string): { fromMs: number; toMs: number } {
  const { from, to } = windowMinutes(w)
  return { fromMs: localTimeToMs(timezone, date, from), toMs: localTimeToMs(timezone, date, to) }
}

export function isWithinSendWindow(nowMs: number, date: LocalDate, w: SendWindow, timezone: string): boolean {
  const { fromMs, toMs } = sendWindowOn(date, w, timezone)
  return nowMs >= fromMs && nowMs < toMs
}
