// Giving the event loop back: HTTP requests are read in the poll phase, which a chain of promises
// (embedded PGlite settles at once) or a long synchronous loop never reaches.
import { AsyncLocalStorage } from 'node:async_hooks'

/** Resolves after one turn of the event loop (setImmediate runs after the poll phase). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** When the loop last reached its check phase, as seen by a marker set from here (at most one pending). */
let lastTurn = performance.now()
let markerPending = false
const mark = () => {
  markerPending = false
  lastTurn = performance.now()
}

/**
 * `await turnIfHeld()` in a chain of work gives the event loop one turn when it has not had one for
 * `budgetMs` (a long synchronous loop, or statements of embedded PGlite, which settle at once), and
 * costs one microtask otherwise. A turn per step instead made the demo's seeding slower: every turn
 * lets the worker in between, and the turns themselves cost time under load.
 */
export async function turnIfHeld(budgetMs = 10): Promise<void> {
  if (!markerPending) {
    markerPending = true
    setImmediate(mark)
  }
  if (performance.now() - lastTurn < budgetMs) return
  await nextTurn()
}

const background = new AsyncLocalStorage<true>()

/**
 * Runs `fn` as background work: the job workers and the queue's own loops (everything they start
 * inherits it). Only background work gives turns between statements of embedded PGlite (see
 * storage/pglite-fair.ts): a request or the demo's seeding runs straight through, as before.
 */
export function asBackground<T>(fn: () => T): T {
  return background.run(true, fn)
}

/** Whether the caller runs as background work (see `asBackground`). */
export function isBackground(): boolean {
  return background.getStore() === true
}

/** HTTP requests being answered in this process (see `requestStarted`). */
let requests = 0
/** The longest one statement of background work waits for requests to be answered. */
const GIVE_WAY_MAX_MS = 50

/** Counts an HTTP request as being answered until the returned function is called (once is enough). */
export function requestStarted(): () => void {
  requests++
  let ended = false
  return () => {
    if (ended) return
    ended = true
    requests--
  }
}

/**
 * `turnIfHeld` for background work; nothing (not even a microtask) for the rest. With
 * `giveWay`, background work also waits while HTTP requests are being answered (at most
 * GIVE_WAY_MAX_MS, so a long request slows the jobs down but never stops them): on embedded PGlite
 * the jobs' statements and the requests' share one database and one event loop, and a request's
 * statements then find it free.
 */
export function backgroundTurn(budgetMs = 10, o: { giveWay?: boolean } = {}): Promise<void> | undefined {
  if (!background.getStore()) return undefined
  if (o.giveWay && requests > 0) return giveWay()
  return turnIfHeld(budgetMs)
}

async function giveWay(): Promise<void> {
  const until = performance.now() + GIVE_WAY_MAX_MS
  while (requests > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 1))
}
