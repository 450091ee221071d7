// The official SDK repeats a request by itself after a 401 for an expired token: one refresh shared
// by every request that got the 401, then each of them is sent once more, past our client's limiter.
// The portal counts each repeat in its bucket (reference 2.4: +1 per HTTP request), so the refresh
// must take one place in the shared bucket per request it will repeat. This ledger knows how many
// requests are in flight with the pair of tokens being replaced.
export interface RepeatLedger {
  /** A request goes out with the current pair; call the returned function once it is answered. */
  sending(): () => void
  /** At a refresh: the requests in flight with the pair it replaces (each counted at most once). */
  repeatsAtRefresh(): number
}

export function createRepeatLedger(): RepeatLedger {
  let pair = 0
  let lastId = 0
  const inFlight = new Map<number, number>()
  return {
    sending() {
      const id = ++lastId
      inFlight.set(id, pair)
      return () => void inFlight.delete(id)
    },
    repeatsAtRefresh() {
      let n = 0
      for (const p of inFlight.values()) if (p === pair) n++
      pair++
      return n
    },
  }
}
