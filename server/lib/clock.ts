// The app's clock: the one source of "now" for every decision the server takes from the date or
// the time (what is due or overdue, today's date in the portal's timezone, when an SLA fires).
// Real time in production, never changed there; tests start it at a fixed instant of the suite.
// Durations, timeouts, caches and leases keep measuring with the process and database clocks.
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
