import type { AppContext } from '../../context.ts'
import type { QueuedRobotCall } from '../../http/bitrix/robots-route.ts'
import { PermanentJobError, type JobContext } from '../queue.ts'

export const robotRunJob = { name: 'robot-run', retryLimit: 12, retryDelay: 5, expireInSeconds: 600 }

export type RobotRunner = (ctx: AppContext, call: QueuedRobotCall, attempt: { retryCount: number; final: boolean }) => Promise<void>

let runner: RobotRunner | null = null

/** robots/kit installs the runner at start-up (server must not import robots/ directly). */
export function setRobotRunner(r: RobotRunner): void {
  runner = r
}

export function createRobotRun(ctx: AppContext) {
  return async (job: JobContext<QueuedRobotCall>) => {
    if (!runner) throw new PermanentJobError('robot.no-runner', 'No robot runner is installed in this process')
    await runner(ctx, job.data, { retryCount: job.retryCount, final: job.retryCount >= robotRunJob.retryLimit })
  }
}
