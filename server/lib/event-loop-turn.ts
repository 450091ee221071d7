// Giving the event loop back: HTTP requests are read in the poll phase, which a chain of promises
// (embedded PGlite settles at once) or a long synchronous loop never reaches.

/** Resolves after one turn of the event loop (setImmediate runs after the poll phase). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * For a long loop of synchronous work: `await give()` inside it gives a turn back once at least
 * `budgetMs` of work has passed since the last one (and costs nothing otherwise).
 */
export function turnGiver(budgetMs = 20): () => Promise<void> {
  let since = performance.now()
  return async () => {
    if (performance.now() - since < budgetMs) return
    await nextTurn()
    since = performance.now()
  }
}
