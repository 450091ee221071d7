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
  const query = p.query.bind(p)
  const exec = p.exec.bind(p)
  const transaction = p.transaction.bind(p)
  p.query = (async (...args: Parameters<PGlite['query']>) => {
    const t = turn()
    if (t) await t
    return query(...args)
  }) as PGlite['query']
  p.exec = async (...args: Parameters<PGlite['exec']>) => {
    const t = turn()
    if (t) await t
    return exec(...args)
  }
  p.transaction = async <T>(callback: (tx: Transaction) => Promise<T>) => {
    const t = turn()
    if (t) await t
    return transaction((tx) => callback(yieldingTransaction(tx)))
  }
}

/** The transaction's own statements yield too (requests are read; their statements wait for the commit). */
function yieldingTransaction(tx: Transaction): Transaction {
  const wrapped = Object.create(tx) as Transaction
  wrapped.query = (async (...args: Parameters<Transaction['query']>) => {
    const t = turn()
    if (t) await t
    return tx.query(...args)
  }) as Transaction['query']
  wrapped.exec = async (...args: Parameters<Transaction['exec']>) => {
    const t = turn()
    if (t) await t
    return tx.exec(...args)
  }
  return wrapped
}

/**
 * The PGlite the job queue (pg-boss) is given: each of its statements of background work first waits
 * while HTTP requests are being answered (at most 50 ms, lib/event-loop-turn.ts). Its statements go to
 * PGlite one by one and hold no lock while waiting, so a request's statements then find it free.
 */
export function queueView(p: PGlite): PGlite {
  const giveWay = () => backgroundTurn(10, { giveWay: true })
  const query = (async (...args: Parameters<PGlite['query']>) => {
    const t = giveWay()
    if (t) await t
    return p.query(...args)
  }) as PGlite['query']
  const exec = async (...args: Parameters<PGlite['exec']>) => {
    const t = giveWay()
    if (t) await t
    return p.exec(...args)
  }
  return new Proxy(p, {
    get(target, prop) {
      if (prop === 'query') return query
      if (prop === 'exec') return exec
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
    },
  })
}
