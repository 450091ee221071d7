import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pino from 'pino'
import { openTestDatabase } from '../../helpers/db.ts'
import { createQueue, DEAD_LETTER, type Queue } from '../../../server/jobs/queue.ts'
import { PermanentJobError } from '../../../server/use-cases/job-queue.ts'
import { Bitrix24Error } from '../../../server/bitrix24/errors.ts'

const log = pino({ level: 'silent' })
let database: Awaited<ReturnType<typeof openTestDatabase>>
let queue: Queue

beforeAll(async () => {
  database = await openTestDatabase()
  queue = await createQueue({
    database,
    log,
    definitions: [
      { name: 'probe-run', retryLimit: 2, retryDelay: 1 },
      { name: 'probe-fail', retryLimit: 1, retryDelay: 1 },
      { name: 'probe-retry', retryLimit: 3, retryDelay: 1 },
      { name: 'probe-refused', retryLimit: 3, retryDelay: 1 },
    ],
  })
})
afterAll(async () => {
  await queue.stop(false)
  await database.dispose()
})

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 15_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await cond()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('timed out waiting')
}

describe('durable job queue', () => {
  it('runs a job once per key even when sent twice', async () => {
    const seen: string[] = []
    const first = await queue.send('probe-run', { n: 1 }, { key: 'k1', memberId: 'm1' })
    const second = await queue.send('probe-run', { n: 1 }, { key: 'k1', memberId: 'm1' })
    expect(first).toBeTruthy()
    expect(second).toBeNull()
    await queue.work<{ n: number }>(
      'probe-run',
      async (job) => {
        seen.push(`${job.data.n}`)
      },
      { pollingSeconds: 1 },
    )
    await waitFor(() => seen.length === 1)
    await new Promise((r) => setTimeout(r, 300))
    expect(seen).toEqual(['1'])
  })

  it('retries a failed job when its retry is due, not at the 30 s backstop poll of a sleeping worker', async () => {
    const attempts: number[] = []
    await queue.work(
      'probe-retry',
      async () => {
        attempts.push(Date.now())
        if (attempts.length === 1) throw new Error('the portal answered 503')
      },
      { pollingSeconds: 1 },
    )
    await queue.send('probe-retry', { x: 1 }, { key: 'r1' })
    // first retry after 1-2 s (retryDelay 1, backoff); a worker woken only by inserts would wait up to 30 s
    await waitFor(() => attempts.length === 2, 10_000)
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(900)
  })

  it('sends a permanently failing job to dead letter with its reason, without retries', async () => {
    let calls = 0
    await queue.work(
      'probe-fail',
      async () => {
        calls++
        throw new PermanentJobError('probe.bad-input', 'the input can never work')
      },
      { pollingSeconds: 1 },
    )
    await queue.send('probe-fail', { x: 1 }, { key: 'f1' })
    await waitFor(async () => (await queue.boss.findJobs(DEAD_LETTER, { queued: true })).length > 0)
    const [dead] = await queue.boss.findJobs<{ code: string; reason: string; queue: string }>(DEAD_LETTER, {
      queued: true,
    })
    expect(dead.data).toMatchObject({
      queue: 'probe-fail',
      code: 'probe.bad-input',
      reason: 'the input can never work',
    })
    expect(calls).toBe(1)
  })

  it('sends a call the portal refused (400/403, documented code) to dead letter at once, naming it', async () => {
    let calls = 0
    await queue.work(
      'probe-refused',
      async () => {
        calls++
        throw new Bitrix24Error(
          'INVALID_ARG_VALUE',
          "Invalid order: field 'x' is not allowed in order",
          400,
          false,
          'crm.item.list',
        )
      },
      { pollingSeconds: 1 },
    )
    await queue.send('probe-refused', { x: 1 }, { key: 'r1' })
    const refused = async () =>
      (await queue.boss.findJobs<{ queue: string }>(DEAD_LETTER, { queued: true })).find(
        (j) => j.data.queue === 'probe-refused',
      )
    await waitFor(async () => Boolean(await refused()))
    expect((await refused())!.data).toMatchObject({
      code: 'portal.INVALID_ARG_VALUE',
      reason: "crm.item.list: INVALID_ARG_VALUE (HTTP 400) Invalid order: field 'x' is not allowed in order",
    })
    expect(calls).toBe(1)
  })
  it('caps the retry backoff at the configured maximum, also for queues made before the setting changed', async () => {
    const maxOf = async () =>
      (await queue.boss.getQueues()).find((q) => q.name === 'probe-retry')?.retryDelayMax ?? null
    expect(await maxOf()).toBe(600)
    const again = await createQueue({
      database,
      log,
      definitions: [{ name: 'probe-retry', retryLimit: 3, retryDelay: 1 }],
      retryDelayMax: 15,
    })
    expect(await maxOf()).toBe(15)
    await again.stop(false)
  })
})
