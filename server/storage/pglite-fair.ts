import type { PGlite, Transaction } from '@electric-sql/pglite'
import { backgroundTurn } from '../lib/event-loop-turn.ts'

const turn = () => backgroundTurn(10)

/**
 * Embedded PGlite runs each statement synchronously (WASM) on this event loop and settles its
 * promise at once, so a worker that goes from statement to statement (a job that needs no portal
 * call, a backlog of them, pg-boss fetching the next one) is one unbroken chain of microtasks:
 * Node never reaches its poll phase, and HTTP requests are not even read until the chain ends
 * (measured: 1,000 failing jobs held /healthz for 21 s with no statement over 60 ms). Here a
 * statement of background work (jobs, the queue's loops) first gives the event loop a turn when
 * it has had none for 10 ms (setImmediate runs after the poll phase), so pending requests are read
 * and queue their own statements between a job's statements. Requests and the demo's seeding never
 * wait: a turn before every statement of everything made the demo's seeding slower (22 s instead
 * of 14.9 s to the URL), as the worker's jobs ran in between. Giving way to requests in flight is
 * done where no lock is held: before the app's queries take their connection
 * (pglite-fair-dialect.ts), and before the queue's own statements (`queueView`).
 */
export function yieldBetweenStatements(p: PGlite): void {
  const transaction = p.transaction.bind(p)
  p.query = afterTurn(p.query.bind(p), turn)
  p.exec = afterTurn(p.exec.bind(p), turn)
  p.transaction = afterTurn(
    <T>(callback: (tx: Transaction) => Promise<T>) => transaction((tx) => callback(yieldingTransaction(tx))),
    turn,
  ) as PGlite['transaction']
}

/** `f`, called once `before` (a turn, or giving way) has let the event loop in, when it asks to. */
function afterTurn<F extends (...args: never[]) => Promise<unknown>>(f: F, before: () => Promise<void> | undefined): F {
  return (async (...args: Parameters<F>) => {
    const t = before()
    if (t) await t
    return f(...args)
  }) as F
}

/** The transaction's own statements yield too (requests are read; their statements wait for the commit). */
function yieldingTransaction(tx: Transaction): Transaction {
  const wrapped = Object.create(tx) as Transaction
  wrapped.query = afterTurn(tx.query.bind(tx), turn)
  wrapped.exec = afterTurn(tx.exec.bind(tx), turn)
  return wrapped
}

/**
 * The PGlite the job queue (pg-boss) is given: each of its statements of background work first waits
 * while HTTP requests are being answered (at most 50 ms, lib/event-loop-turn.ts). Its statements go to
 * PGlite one by one and hold no lock while waiting, so a request's statements then find it free.
 */
export function queueView(p: PGlite): PGlite {
  const giveWay = () => backgroundTurn(10, { giveWay: true })
  const query = afterTurn(p.query.bind(p), giveWay)
  const exec = afterTurn(p.exec.bind(p), giveWay)
  return new Proxy(p, {
    get(target, prop) {
      if (prop === 'query') return query
      if (prop === 'exec') return exec
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}
