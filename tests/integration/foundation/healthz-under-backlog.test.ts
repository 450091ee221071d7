// HTTP keeps answering while the in-process worker (npm start) drains a backlog of jobs that need no
// portal call: 600 receivable-mirror jobs whose receivable is gone, each dead-lettered after a few
// statements. On embedded PGlite every statement settles at once, so unless background work gives
// the event loop a turn now and then (storage/pglite-fair.ts), the worker's chain of promises keeps
// the server from reading any request until the whole backlog is gone (issue 21 item 3). /healthz
// is asked over a real socket, one probe after the other, from this process: each answer must come
// while the backlog is still being worked (fewer than 600 jobs done, and more done than at the
// previous answer), not after it. No timing is asserted: the order of events is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { createTestContext, seedPortal } from '../../helpers/app.ts'
import { startWorkers } from '../../../server/create-context.ts'
import { RECEIVABLE_MIRROR_JOB } from '../../../server/use-cases/receivables/enqueue-mirror.ts'

const BACKLOG = 600
const PROBES = 8
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
  it('/healthz answers 200 again and again while the jobs are still being worked', async () => {
    await startWorkers(t.ctx, { besideHttp: true })
    // how many jobs were done when each probe was answered
    const doneAtAnswer: number[] = []
    const statuses = new Set<number>()
    while (doneAtAnswer.length < PROBES && deadLettered < BACKLOG) {
      const r = await fetch(`${url}/healthz`)
      await r.arrayBuffer()
      statuses.add(r.status)
      doneAtAnswer.push(deadLettered)
    }
    await t.ctx.queue.stopWorkers()
    expect([...statuses]).toEqual([200])
    expect(doneAtAnswer).toHaveLength(PROBES)
    expect(doneAtAnswer.at(-1)).toBeLessThan(BACKLOG)
    // the worker made progress between the answers: the requests and the jobs took turns
    expect(doneAtAnswer.at(-1)).toBeGreaterThan(doneAtAnswer[0])
  }, 60_000)
})
