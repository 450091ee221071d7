// Fairness between portals: a portal with a long backlog (a big morning of reminders) holds at most
// its per-portal share of a worker's slots, so a second portal's few jobs, queued behind it, run at
// once. The same backlog on a worker without the per-portal limit (plain FIFO) makes them wait: the
// control shows the limit is what keeps the small portal moving. It also proves a backlog is worked
// continuously: before the workers were woken after each job, pg-boss (LISTEN/NOTIFY on) took one job
// per worker per insert notification and then slept 30 s, and this test timed out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { openTestDatabase } from '../../helpers/db.ts'
import { createQueue, type Queue } from '../../../server/jobs/queue.ts'

let database: Awaited<ReturnType<typeof openTestDatabase>>
let queue: Queue
beforeAll(async () => {
  database = await openTestDatabase()
  queue = await createQueue({
    database,
    log: pino({ level: 'silent' }),
    definitions: [{ name: 'probe-fair' }, { name: 'probe-fifo' }],
  })
}, 60_000)
afterAll(async () => {
  await queue.stop(false)
  await database.dispose()
}, 60_000)

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const BIG = 300
const SMALL = 10

/** Runs BIG jobs of portal A then SMALL of portal B on `name`; returns how many of A's were done when B's last one finished. */
async function race(
  name: string,
  perPortal: number | undefined,
): Promise<{ aDoneWhenBFinished: number; bWaitMs: number; aDone: number }> {
  let aDone = 0
  let bDone = 0
  let aDoneWhenBFinished = -1
  let bFinishedAt = 0
  await queue.insertMany(
    name,
    Array.from({ length: BIG }, (_, i) => ({
      data: { portal: 'A', i },
      options: { memberId: 'portal-a', key: `a-${i}` },
    })),
  )
  await queue.insertMany(
    name,
    Array.from({ length: SMALL }, (_, i) => ({
      data: { portal: 'B', i },
      options: { memberId: 'portal-b', key: `b-${i}` },
    })),
  )
  const queuedAt = Date.now()
  await queue.work<{ portal: string }>(
    name,
    async (job) => {
      await sleep(20) // a portal call's worth of work
      if (job.data.portal === 'A') aDone++
      else if (++bDone === SMALL) {
        aDoneWhenBFinished = aDone
        bFinishedAt = Date.now()
      }
    },
    { concurrency: 4, pollingSeconds: 1, ...(perPortal ? { perPortal } : {}) },
  )
  for (const until = Date.now() + 20_000; aDoneWhenBFinished < 0 && Date.now() < until;) await sleep(20)
  await queue.boss.offWork(name, { wait: true })
  return { aDoneWhenBFinished, bWaitMs: bFinishedAt - queuedAt, aDone }
}

describe('fairness between portals', () => {
  it('a small portal behind a big backlog is served at once with the per-portal limit, and waits without it', async () => {
    const fair = await race('probe-fair', 2)
    const fifo = await race('probe-fifo', undefined)
    expect(fair.aDoneWhenBFinished).toBeGreaterThanOrEqual(0)
    // with the limit, B's ten jobs took the free slots: A had done only a small part of its backlog
    expect(fair.aDoneWhenBFinished).toBeLessThan(BIG / 4)
    // without it, B waited behind (nearly) all of A's backlog
    expect(fifo.aDoneWhenBFinished).toBeGreaterThan(BIG * 0.9)
  }, 120_000)
})
