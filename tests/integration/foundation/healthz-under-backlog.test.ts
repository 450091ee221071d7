// HTTP keeps answering while the in-process worker (npm start) drains a backlog of jobs that need no
// portal call: 600 receivable-mirror jobs whose receivable is gone, each dead-lettered after a few
// statements. On embedded PGlite every statement settles at once, so without a turn of the event
// loop between statements the worker's chain of promises kept the server from reading any request
// until the whole backlog was gone (~10 s here; 1,000 jobs: 21 s, issue 21 item 3). /healthz is asked
// over a real socket, one probe after the other, while the backlog drains: each must answer 200 well
// within 2 s (measured after the fix: max ~0.2 s on a loaded machine). The probes are sent from this
// process, so a starved event loop shows up as the waiting time of the probe in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { startWorkers } from '../../../server/create-context.ts'
import { RECEIVABLE_MIRROR_JOB } from '../../../server/use-cases/receivables/enqueue-mirror.ts'

const BACKLOG = 600
const WINDOW_MS = 5_000
let t: Awaited<ReturnType<typeof createTestContext>>
let url = ''
let deadLettered = 0
const log = pino(
  { level: 'warn' },
  {
    write: (line: string) => {
      if (line.includes('"job.failed.permanent"')) deadLettered++
    },
  },
)

beforeAll(async () => {
  t = await createTestContext({}, log)
  await seedPortal(t.ctx, 'member-a')
  for (let done = 0; done < BACKLOG; done += 200)
    await t.ctx.queue.insertMany(
      RECEIVABLE_MIRROR_JOB,
      Array.from({ length: 200 }, (_, i) => ({
        data: { memberId: 'member-a', receivableId: 1_000_000 + done + i, trigger: 'refresh' },
        options: { memberId: 'member-a' },
      })),
    )
  url = await t.app.listen({ host: '127.0.0.1', port: 0 })
}, 60_000)
afterAll(async () => t?.dispose())

describe('HTTP while the worker drains a backlog', () => {
  it('/healthz answers within 2 s each time while hundreds of jobs are worked', async () => {
    await startWorkers(t.ctx, { besideHttp: true })
    const latencies: number[] = []
    const statuses = new Set<number>()
    const until = performance.now() + WINDOW_MS
    while (performance.now() < until && deadLettered < BACKLOG) {
      const t0 = performance.now()
      const r = await fetch(`${url}/healthz`)
      await r.arrayBuffer()
      latencies.push(performance.now() - t0)
      statuses.add(r.status)
    }
    await t.ctx.queue.stopWorkers()
    expect([...statuses]).toEqual([200])
    expect(Math.max(...latencies)).toBeLessThan(2_000)
    // the backlog was being worked while the probes ran, and not all of it before the first answer
    expect(deadLettered).toBeGreaterThan(20)
    expect(latencies.length).toBeGreaterThan(10)
  }, 60_000)
})
