import type { PGlite, Transaction } from '@electric-sql/pglite'
import { backgroundTurn } from '../lib/event-loop-turn.ts'

/** Outside a transaction, background work also waits while requests are answered (it holds no lock then). */
const turn = () => backgroundTurn(10, { giveWay: true })
const turnInTransaction = () => backgroundTurn(10)

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
 * of 14.9 s to the URL), as the worker's jobs ran in between.
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
    const t = turnInTransaction()
    if (t) await t
    return tx.query(...args)
  }) as Transaction['query']
  wrapped.exec = async (...args: Parameters<Transaction['exec']>) => {
    const t = turnInTransaction()
    if (t) await t
    return tx.exec(...args)
  }
  return wrapped
}
