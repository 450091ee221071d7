import type { AppContext } from '../../context.ts'
import type { QueuedRobotCall, RobotRunner } from '../../use-cases/portal/robot-call.ts'
import type { JobContext } from '../queue.ts'
import { PermanentJobError } from '../../use-cases/job-queue.ts'

export const robotRunJob = { name: 'robot-run', retryLimit: 12, retryDelay: 5, expireInSeconds: 600 }

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
