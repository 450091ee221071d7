import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../../context.ts'
import { parseRobotCall } from '../../bitrix24/inbound/parse-robot.ts'
import { verifyApplicationToken } from '../../bitrix24/inbound/verify.ts'
import { InboundError } from '../../bitrix24/inbound/inbound-error.ts'
import { jobKeys } from '../../use-cases/effect-keys.ts'
import { robotRunJob } from '../../jobs/tasks/robot-run.ts'
import type { QueuedRobotCall } from '../../use-cases/portal/robot-call.ts'

const CODE = /^[a-z0-9][a-z0-9-]{0,62}$/

export async function robotsRoute(app: FastifyInstance, ctx: AppContext) {
  app.post<{ Params: { code: string } }>('/bitrix/robots/:code', { bodyLimit: 512 * 1024 }, async (req) => {
    const { code } = req.params
    if (!CODE.test(code)) throw new InboundError(404, 'robot.unknown', `No robot "${code.slice(0, 64)}"`)
    const call = parseRobotCall(req.body)
    if (call.code !== code)
      throw new InboundError(
        400,
        'robot.code-mismatch',
        `The handler is for "${code}" but the call names "${call.code}"`,
      )
    await verifyApplicationToken(ctx.portalLookup, call.auth.memberId, call.auth.applicationToken)
    const queued: QueuedRobotCall = {
      ...call,
      auth: { memberId: call.auth.memberId, domain: call.auth.domain, userId: call.auth.userId },
    }
    await ctx.queue.send(robotRunJob.name, queued, {
      key: jobKeys.robotRun(call.auth.memberId, call.eventToken),
      memberId: call.auth.memberId,
    })
    return { ok: true }
  })
}
