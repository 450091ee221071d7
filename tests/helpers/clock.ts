// "Today" of the whole suite: the app clock and the sandbox clock start at this instant (a Wednesday,
// 09:00 in Moscow) and run on from there, so timers and leases still work; a test that needs another
// moment passes its own start (createTestContext / connectSandboxApp `now`) or moves the sandbox clock.
import { SandboxClock } from '../../sandbox/clock.ts'
import type { Clock } from '../../server/lib/clock.ts'

export const SUITE_NOW = '2026-12-09T09:00:00+03:00'

/** The suite's sandbox clock, running from `at` (default SUITE_NOW). */
export function suiteSandboxClock(at: string | Date | number = SUITE_NOW): SandboxClock {
  return new SandboxClock({ startAt: at })
}

/** The app clock that reads the given sandbox clock: one "now" for the app and its portal. */
export function appClockOf(clock: SandboxClock): Clock {
  return { now: () => new Date(clock.now()) }
}
