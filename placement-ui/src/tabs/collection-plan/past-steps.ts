// The steps that already happened fold into one line: how many were sent (on which channels), skipped
// or missed, and when the last one went; the steps still ahead stay listed one by one.
import type { DunningStepDto } from '../../../../contracts/dunning.ts'

export interface PastSummary {
  count: number
  sent: number
  skipped: number
  missed: number
  channels: string[]
  lastOn: string | null
}

/** Past = done or skipped, and missed steps older than the latest missed one (that one may still go). */
export function splitPast(steps: DunningStepDto[]): { past: DunningStepDto[]; ahead: DunningStepDto[] } {
  const missed = steps.filter((s) => s.status === 'missed')
  const latestMissed = missed[missed.length - 1]
  const isPast = (s: DunningStepDto) =>
    s.status === 'done' || s.status === 'skipped' || (s.status === 'missed' && s !== latestMissed)
  return { past: steps.filter(isPast), ahead: steps.filter((s) => !isPast(s)) }
}

export function summarizePast(past: DunningStepDto[]): PastSummary {
  const done = past.filter((s) => s.status === 'done')
  const days = done.map((s) => s.doneOn ?? s.date).filter((d): d is string => !!d)
  return {
    count: past.length,
    sent: done.length,
    skipped: past.filter((s) => s.status === 'skipped').length,
    missed: past.filter((s) => s.status === 'missed').length,
    channels: [...new Set(done.flatMap((s) => s.detail?.channels ?? s.channels))],
    lastOn: days.sort().at(-1) ?? null,
  }
}
