import type { AppContext } from '../../server/context.ts'
import type { QueuedRobotCall } from '../../server/http/bitrix/robots-route.ts'
import type { RobotRunner } from '../../server/jobs/tasks/robot-run.ts'
import { effectKeys } from '../../server/jobs/keys.ts'
import { Bitrix24Error } from '../../server/bitrix24/errors.ts'
import type { PortalClient } from '../../server/bitrix24/client/portal-client.ts'
import { parseRobotDocument } from './document.ts'
import { parseRobotProperties } from './parse-properties.ts'
import { RobotError, type RobotDefinition, type RobotValues } from './types.ts'

interface Outcome { values: RobotValues; log: string }

const failure = (message: string): Outcome => ({ values: { success: false, errorMessage: message }, log: `Error: ${message}` })

/**
 * Runs a robot call as a keyed job and sends bizproc.event.send exactly once: a robot that fails
 * for good (bad properties, business error, retries exhausted) still returns an error result, so
 * no business process hangs.
 */
export function createRobotRunner(registry: readonly RobotDefinition[]): RobotRunner {
  return async (ctx, call, attempt) => {
    if (!ctx.b24) throw new Error('portal clients are not wired')
    const client = await ctx.b24.forPortal(call.auth.memberId)
    const key = effectKeys.bizprocEventSend(call.auth.memberId, call.eventToken)
    const claim = await ctx.repos.effects.claim(key, call.auth.memberId)
    if (claim.state === 'done') return
    const robot = registry.find((r) => r.code === call.code)
    let outcome: Outcome
    try {
      if (!robot) throw new RobotError('robot.unknown', `This app has no robot "${call.code}"; reinstall the app`)
      outcome = await runOnce(ctx, robot, call, client)
    } catch (e) {
      const retryable = !(e instanceof RobotError) && (!(e instanceof Bitrix24Error) || e.retryable)
      if (retryable && !attempt.final) {
        if (claim.state === 'new') await ctx.repos.effects.release(key)
        throw e
      }
      ctx.log.warn({ robot: call.code, memberId: call.auth.memberId, err: (e as Error).message }, 'robot.run.failed')
      outcome = failure((e as Error).message)
    }
    await sendResult(ctx, client, call, outcome, claim.state === 'pending')
    await ctx.repos.effects.complete(key, { sent: true, success: outcome.values.success })
  }
}

async function runOnce(ctx: AppContext, robot: RobotDefinition, call: QueuedRobotCall, client: PortalClient): Promise<Outcome> {
  const properties = parseRobotProperties(robot.properties, call.properties as Record<string, unknown>)
  const document = parseRobotDocument(call.documentId)
  const r = await robot.run({ ctx, memberId: call.auth.memberId, client, properties, document, workflowId: call.workflowId, eventToken: call.eventToken, userId: call.auth.userId })
  return { values: { ...r.values, success: true, errorMessage: '' }, log: r.log ?? 'OK' }
}

async function sendResult(ctx: AppContext, client: PortalClient, call: QueuedRobotCall, outcome: Outcome, maybeSentBefore: boolean) {
  const returnValues = Object.fromEntries(Object.entries(outcome.values).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'Y' : 'N') : v]))
  try {
    await client.call('bizproc.event.send', { event_token: call.eventToken, return_values: returnValues, log_message: outcome.log.slice(0, 1000) }, { idempotent: false })
  } catch (e) {
    // A previous attempt may have delivered it before crashing: the portal refuses a used token.
    if (maybeSentBefore && e instanceof Bitrix24Error && !e.retryable) {
      ctx.log.info({ robot: call.code, code: e.code }, 'robot.result.already-sent')
      return
    }
    throw e
  }
}
