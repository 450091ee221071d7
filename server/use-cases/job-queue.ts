// The queue port: how use-cases enqueue a job. server/jobs/queue.ts implements it with pg-boss; the
// use-cases receive it through their ports (AppDeps.queue, `send`) and never import server/jobs/.

export interface SendOptions {
  /** Idempotency key (server/use-cases/effect-keys.ts): the same key is enqueued once. */
  key?: string
  /** The key only collapses jobs while one waits to start (a 'short' queue): once it has started, the
   * same key queues a new job, so a change that comes while the first job reads is not lost. */
  collapse?: boolean
  startAfter?: Date | number
  /** Portal of the job: used for per-portal fairness (group concurrency). */
  memberId?: string
  priority?: number
}

export interface JobQueue {
  /** Enqueues one job; resolves to its id, or null when the key was already enqueued. */
  send<T extends object>(name: string, data: T, o?: SendOptions): Promise<string | null>
  /** Many jobs in one statement (duplicates by key are skipped). */
  insertMany(name: string, jobs: { data: object; options?: SendOptions }[]): Promise<void>
}

/** A failure that no retry can fix: the job goes straight to dead letter with its reason. */
export class PermanentJobError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.name = 'PermanentJobError'
    this.code = code
  }
}
