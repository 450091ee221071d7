// A robot call as it waits in the robot-run queue, and the runner that answers it. The route
// (http/bitrix/robots-route.ts) enqueues the call, the job (jobs/tasks/robot-run.ts) hands it to the
// runner that robots/kit installs at start-up; all three import these types from here.
import type { InboundRobotCall } from '../../bitrix24/inbound/parse-robot.ts'
import type { AppDeps } from '../app-deps.ts'

export type QueuedRobotCall = Omit<InboundRobotCall, 'auth'> & {
  auth: Pick<InboundRobotCall['auth'], 'memberId' | 'domain' | 'userId'>
}

export type RobotRunner = (
  ctx: AppDeps,
  call: QueuedRobotCall,
  attempt: { retryCount: number; final: boolean },
) => Promise<void>
