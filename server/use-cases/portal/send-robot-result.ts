// The answer to a waiting robot: bizproc.event.send once per event_token (effects table). The
// robot harness and the resolvers of waiting robots (approval-await) both answer through here.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import { bizproc } from '../../bitrix24/rest/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { EffectsRepository } from '../../storage/repositories/effects.ts'
import type { Logger } from '../../lib/logger.ts'

export type RobotReturnValues = Record<string, string | number | boolean | null | (string | number)[]>

export interface RobotAnswer {
  eventToken: string
  values: RobotReturnValues
  log: string
}

/** Booleans become Y/N as the business process expects. */
export function toReturnValues(values: RobotReturnValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'Y' : 'N') : v]))
}

/** Sends the answer unless it was sent before; true when this call sent it. */
export async function sendRobotAnswer(
  deps: { effects: EffectsRepository; log: Logger },
  client: PortalClient,
  memberId: string,
  a: RobotAnswer,
): Promise<boolean> {
  const key = effectKeys.bizprocEventSend(memberId, a.eventToken)
  const claim = await deps.effects.claim(key, memberId)
  if (claim.state === 'done') return false
  await deliverRobotAnswer(deps.log, client, a, claim.state === 'pending')
  await deps.effects.complete(key, { sent: true, success: a.values.success ?? null })
  return true
}

/** The bare bizproc.event.send; a used token after a possibly delivered attempt counts as sent. */
export async function deliverRobotAnswer(
  log: Logger,
  client: PortalClient,
  a: RobotAnswer,
  maybeSentBefore: boolean,
): Promise<void> {
  try {
    await bizproc.sendEvent(client, a.eventToken, toReturnValues(a.values), a.log)
  } catch (e) {
    if (maybeSentBefore && e instanceof Bitrix24Error && !e.retryable) {
      log.info({ code: e.code }, 'robot.result.already-sent')
      return
    }
    throw e
  }
}
