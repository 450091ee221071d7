// Run one REST method for a resolved caller: existence, scope, context and admin checks,
// operating-time budget, then the handler. Used for top-level calls and for batch sub-calls.
import { RestError } from './errors.ts'
import { hasScope, type Caller } from './auth.ts'
import { timeInfo, type TimeInfo } from './envelope.ts'
import type { Ctx, Hooks, Out, Params } from './context.ts'
import type { MethodTable } from './registry-types.ts'
import type { World } from '../state/world.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { PortalRuntime } from '../runtime-types.ts'

export type InvokeEnv = { world: World; registry: MethodTable; hooks: Hooks; ps: PortalState; prt: PortalRuntime }

export type InvokeResult =
  { ok: true; out: Out; time: TimeInfo } | { ok: false; error: RestError; time: TimeInfo | null }

export function operatingKey(caller: Caller, method: string): string {
  return `${caller.app ? `app${caller.app.id}` : `hook${caller.webhook?.id ?? 0}`}:${method}`
}

export async function invoke(
  env: InvokeEnv,
  caller: Caller,
  rawMethod: string,
  params: Params,
  inBatch: boolean,
): Promise<InvokeResult> {
  const method = rawMethod.toLowerCase()
  const { world, ps, prt } = env
  const startMs = world.clock.now()
  const t0 = performance.now()
  const def = env.registry[method]
  let status = 200
  try {
    if (!def) throw new RestError('ERROR_METHOD_NOT_FOUND', 'Method not found!', 404)
    if (!hasScope(caller.scopes, def.scope)) {
      throw new RestError(
        'insufficient_scope',
        'The request requires higher privileges than provided by the access token',
        403,
      )
    }
    if (def.appOnly && !caller.app) {
      throw def.appOnly === 'WRONG_AUTH_TYPE'
        ? new RestError('WRONG_AUTH_TYPE', 'Current authorization type is denied for this method', 403)
        : new RestError('ACCESS_DENIED', 'Application context required', 403)
    }
    if (def.admin && !caller.user.isAdmin)
      throw new RestError('ACCESS_DENIED', 'Access denied', def.deniedStatus ?? 403)
    const key = operatingKey(caller, method)
    if (prt.meter.exceeded(key, startMs)) {
      throw new RestError('OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.', 429)
    }
    const ctx: Ctx = {
      world,
      ps,
      user: caller.user,
      app: caller.app,
      install: caller.install,
      webhook: caller.webhook,
      scopes: caller.scopes,
      now: startMs,
      zone: ps.portal.timezone,
      hooks: env.hooks,
      method,
      inBatch,
      authConnector: typeof params?.auth_connector === 'string' ? params.auth_connector : '',
    }
    const out = await def.handler(ctx, params ?? {})
    const measured = (performance.now() - t0) / 1000
    if (method !== 'batch') prt.meter.charge(key, method, measured, startMs)
    const time = timeInfo(
      startMs,
      startMs + measured * 1000,
      ps.portal.timezone,
      prt.meter.used(key, startMs),
      prt.meter.resetAt(key, startMs),
    )
    prt.log.method(
      { at: startMs, method, status, viaBatch: inBatch, auth: caller.app ? 'oauth' : 'webhook' },
      Boolean(def.write),
    )
    return { ok: true, out, time }
  } catch (e) {
    const error =
      e instanceof RestError
        ? e
        : new RestError('INTERNAL_SERVER_ERROR', e instanceof Error ? e.message : String(e), 500)
    status = error.status
    if (def) {
      const key = operatingKey(caller, method)
      const measured = (performance.now() - t0) / 1000
      if (error.code !== 'OPERATION_TIME_LIMIT') prt.meter.charge(key, method, measured, startMs)
    }
    prt.log.method(
      { at: startMs, method, status, error: error.code, viaBatch: inBatch, auth: caller.app ? 'oauth' : 'webhook' },
      false,
    )
    if (!(e instanceof RestError)) console.error('[sandbox] method failed', method, e)
    return { ok: false, error, time: null }
  }
}
