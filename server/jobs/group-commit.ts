import type { Queue } from './queue.ts'
import type { SendOptions } from '../use-cases/job-queue.ts'

interface Pending {
  data: object
  options: SendOptions
  resolve: () => void
  reject: (e: unknown) => void
}

/**
 * Group commit for high-rate enqueues (portal events): concurrent callers share one INSERT.
 * Each caller's promise resolves only after the statement holding its job has committed, so an
 * acknowledged event is durable. Under light load a job is written at once (batch of one); under
 * load the batch grows while the previous statement is in flight. The flush runs in the event
 * loop's check phase (setImmediate): PGlite executes synchronously, so without that deferral
 * every request would complete inside its own socket callback and nothing would ever batch.
 */
export function createGroupCommitter(
  queue: Pick<Queue, 'insertMany'>,
  name: string,
  opts: { maxBatch?: number; maxInFlight?: number } = {},
) {
  const maxBatch = opts.maxBatch ?? 500
  const maxInFlight = opts.maxInFlight ?? 2
  let pending: Pending[] = []
  let inFlight = 0
  let scheduled = false

  const schedule = () => {
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      flush()
    })
  }

  const flush = () => {
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.slice(0, maxBatch)
      pending = pending.slice(batch.length)
      inFlight++
      queue
        .insertMany(
          name,
          batch.map((p) => ({ data: p.data, options: p.options })),
        )
        .then(
          () => {
            for (const p of batch) p.resolve()
          },
          (e: unknown) => {
            for (const p of batch) p.reject(e)
          },
        )
        .finally(() => {
          inFlight--
          if (pending.length) schedule()
        })
    }
  }

  return {
    enqueue(data: object, options: SendOptions): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        pending.push({ data, options, resolve, reject })
        schedule()
      })
    },
    get backlog() {
      return pending.length
    },
  }
}
export type GroupCommitter = ReturnType<typeof createGroupCommitter>
