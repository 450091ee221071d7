// Success / error bodies exactly as the portal shapes them (reference 2.2, 2.3).
import { isoAt } from '../util/time.ts'

export type TimeInfo = {
  start: number
  finish: number
  duration: number
  processing: number
  date_start: string
  date_finish: string
  operating_reset_at: number
  operating: number
}

export function timeInfo(
  startMs: number,
  finishMs: number,
  zone: string,
  operating: number,
  resetAt: number,
): TimeInfo {
  const r = (n: number) => Math.round(n * 1e6) / 1e6
  const duration = Math.max(0, (finishMs - startMs) / 1000)
  return {
    start: r(startMs / 1000),
    finish: r(finishMs / 1000),
    duration: r(duration),
    processing: r(duration),
    date_start: isoAt(startMs, zone),
    date_finish: isoAt(finishMs, zone),
    operating_reset_at: resetAt,
    operating: r(operating),
  }
}

export function successBody(result: unknown, time: TimeInfo, total?: number, next?: number): Record<string, unknown> {
  const body: Record<string, unknown> = { result }
  if (next !== undefined) body.next = next
  if (total !== undefined) body.total = total
  body.time = time
  return body
}

export function errorBody(
  error: string,
  description: string,
  extra?: Record<string, unknown>,
): Record<string, unknown> {
  return { error, error_description: description, ...(extra ?? {}) }
}
