// Keeps pg-boss workers busy while there is work. With LISTEN/NOTIFY on, a pg-boss worker that has
// finished a job sleeps until the next insert's notification or its 30 s backstop poll, so a
// backlog (the morning's reminders, a burst of events acknowledged in one statement) would be
// worked one job per worker per notification. After each job we wake the queue's local workers
// (an idle one finds the queue empty and sleeps again), and a job that failed wakes them again
// around the moment its retry becomes due (pg-boss backoff: retryDelay x 2^n .. 2^(n+1), capped).
import type { PgBoss } from 'pg-boss'

export interface RetryPolicy {
  retryDelay: number
  retryDelayMax: number
  retryLimit: number
}

export function createWorkerWake(boss: Pick<PgBoss, 'getWipData' | 'notifyWorker'>) {
  const timers = new Set<NodeJS.Timeout>()
  const wake = (queue: string) => {
    for (const w of boss.getWipData()) if (w.name === queue && w.state !== 'stopping') boss.notifyWorker(w.id)
  }
  return {
    /** A job of `queue` finished: look for the next one now. */
    afterJob: wake,
    /** A job failed on attempt `retryCount` (0-based) and will be retried: wake near its retry moment. */
    afterFailure(queue: string, retryCount: number, p: RetryPolicy) {
      if (retryCount >= p.retryLimit) return
      const base = Math.max(p.retryDelay, 1)
      const low = Math.min(p.retryDelayMax, base * 2 ** Math.min(16, retryCount))
      const high = Math.min(p.retryDelayMax, base * 2 ** Math.min(16, retryCount + 1))
      for (const s of [low, (low + high) / 2, high]) {
        const t = setTimeout(
          () => {
            timers.delete(t)
            wake(queue)
          },
          s * 1000 + 200,
        )
        t.unref()
        timers.add(t)
      }
    },
    stop() {
      for (const t of timers) clearTimeout(t)
      timers.clear()
    },
  }
}
