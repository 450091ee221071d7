import type { QueuedRobotCall, RobotRunner } from '../../server/use-cases/portal/robot-call.ts'
import { effectKeys } from '../../server/use-cases/effect-keys.ts'
import { Bitrix24Error } from '../../server/bitrix24/errors.ts'
import type { PortalClient } from '../../server/bitrix24/client/portal-client.ts'
import type { AppDeps } from '../../server/use-cases/app-deps.ts'
import { deliverRobotAnswer } from '../../server/use-cases/portal/send-robot-result.ts'
import { robotWaitsRepository } from '../../server/storage/repositories/robot-waits.ts'
import { DomainError } from '../../server/domain/domain-error.ts'
import { LedgerError } from '../../server/use-cases/receivables/ledger-error.ts'
import { parseRobotDocument } from './document.ts'
import { parseRobotProperties } from './parse-properties.ts'
import { RobotError, type RobotDefinition, type RobotResult, type RobotRunInput, type RobotValues } from './types.ts'

interface Outcome {
  values: RobotValues
  log: string
  wait?: RobotResult['wait']
  input?: RobotRunInput
}

const failure = (message: string): Outcome => ({
  values: { success: false, errorMessage: message },
  log: `Error: ${message}`,
})

/** Bad input and broken business rules are answered at once; everything else is retried. */
const isFinal = (e: unknown) =>
  e instanceof RobotError ||
  e instanceof DomainError ||
  (e instanceof Bitrix24Error && !e.retryable) ||
  e instanceof LedgerError

/**
 * Runs a robot call as a keyed job and sends bizproc.event.send exactly once: a robot that fails
 * for good (bad properties, business error, retries exhausted) still returns an error result, so
 * no business process hangs. A robot may instead ask to wait: its call is stored and a resolver
 * answers the same event_token later (see server/use-cases/approvals/resolve-approval-waits.ts).
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
      if (!isFinal(e) && !attempt.final) {
        if (claim.state === 'new') await ctx.repos.effects.release(key)
        throw e
      }
      ctx.log.warn({ robot: call.code, memberId: call.auth.memberId, err: (e as Error).message }, 'robot.run.failed')
      outcome = failure((e as Error).message)
    }
    if (outcome.wait) {
      const w = outcome.wait
      await robotWaitsRepository(ctx.database.db).add({
        memberId: call.auth.memberId,
        eventToken: call.eventToken,
        code: call.code,
        kind: w.kind,
        ref: w.ref,
        data: w.data,
        deadline: w.deadline,
      })
      await ctx.repos.effects.release(key)
      ctx.log.info({ robot: call.code, memberId: call.auth.memberId, kind: w.kind, ref: w.ref }, 'robot.run.waiting')
      if (robot?.afterWait && outcome.input) await robot.afterWait(outcome.input, w)
      return
    }
    await deliverRobotAnswer(
      ctx.log,
      client,
      { eventToken: call.eventToken, values: outcome.values, log: outcome.log },
      claim.state === 'pending',
    )
    await ctx.repos.effects.complete(key, { sent: true, success: outcome.values.success })
  }
}

async function runOnce(
  ctx: AppDeps,
  robot: RobotDefinition,
  call: QueuedRobotCall,
  client: PortalClient,
): Promise<Outcome> {
  const properties = parseRobotProperties(robot.properties, call.properties as Record<string, unknown>)
  const document = parseRobotDocument(call.documentId)
  const input: RobotRunInput = {
    ctx,
    memberId: call.auth.memberId,
    client,
    properties,
    document,
    workflowId: call.workflowId,
    eventToken: call.eventToken,
    userId: call.auth.userId,
  }
  const r = await robot.run(input)
  return {
    values: { ...r.values, success: true, errorMessage: '' },
    log: r.log ?? 'OK',
    ...(r.wait ? { wait: r.wait, input } : {}),
  }
}
