// PortalClient on the official SDK: every request waits for the portal's shared bucket, retries
// what is retryable (writes only when the portal rejected them unexecuted: 503 / 429), and
// funnels errors into Bitrix24Error.
import qs from 'qs'
import type { B24Hook, B24OAuth } from '@bitrix24/b24jssdk'
import type { BatchCommand, BatchResult, CallOptions, ListAllOptions, Params, PortalClient } from './portal-client.ts'
import type { BucketShape, RateLimiter } from './rate-limiter.ts'
import type { RepeatLedger } from './repeat-ledger.ts'
import { Bitrix24Error } from '../errors.ts'
import { fromSdkError } from './sdk-errors.ts'
import { backoffDelay, sleep } from '../../lib/backoff.ts'
import { listAllBatched } from './list-all.ts'
import { restCalls, type RestResult } from '../../lib/metrics.ts'

export interface ClientDeps {
  memberId: string
  sdk: B24OAuth | B24Hook
  limiter: RateLimiter
  shape: BucketShape
  /** Requests in flight per pair of tokens, for the SDK's own repeats after a refresh. */
  repeats?: RepeatLedger
  maxAttempts?: number
  /** The portal's plan for the metrics (licence family, 'webhook'). */
  plan?: string
  /** How many times the SDK asked for a refresh (after a 401) so far: a call that saw one is 'refresh_401'. */
  refreshes?: () => number
}

type Envelope<T> = { result: T; total: number | null; next: number | null }

const REJECTED_UNEXECUTED = new Set(['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT'])

export function createPortalClient(d: ClientDeps): PortalClient {
  const attempts = d.maxAttempts ?? 6

  async function raw<T>(method: string, params: Params, idempotent: boolean): Promise<Envelope<T>> {
    for (let attempt = 0; ; attempt++) {
      await d.limiter.acquire(d.memberId, d.shape)
      const refreshesBefore = d.refreshes?.() ?? 0
      const count = (result: RestResult) => restCalls.inc({ method, result, plan: d.plan ?? 'unknown' })
      const refreshed = () => (d.refreshes?.() ?? 0) !== refreshesBefore
      const answered = d.repeats?.sending()
      try {
        const r = await d.sdk.actions.v2.call.make<T>({ method, params }).finally(answered)
        if (!r.isSuccess)
          throw new Bitrix24Error('ERROR', r.getErrorMessages().join('; ') || 'REST error', 400, false, method)
        const payload = (r as unknown as { _data?: { result: T; total?: number; next?: number } })._data
        count(refreshed() ? 'refresh_401' : 'ok')
        return { result: payload?.result as T, total: payload?.total ?? null, next: payload?.next ?? null }
      } catch (e) {
        const err = fromSdkError(e, method)
        count(restResultOf(err, refreshed()))
        if (err.code === 'QUERY_LIMIT_EXCEEDED') await d.limiter.drainAll(d.memberId, d.shape)
        const mayRetry = err.retryable && (idempotent || REJECTED_UNEXECUTED.has(err.code))
        if (!mayRetry || attempt + 1 >= attempts) throw err
        await sleep(err.code === 'OPERATION_TIME_LIMIT' ? 10_000 : backoffDelay(attempt, 500, 20_000))
      }
    }
  }

  const isWrite = (method: string) =>
    /\.(add|update|delete|send|set|complete|bind|unbind|renew|start|attach)$/.test(method) || method === 'batch'

  const client: PortalClient = {
    memberId: d.memberId,
    async call<T>(method: string, params: Params = {}, opts: CallOptions = {}) {
      return (await raw<T>(method, params, opts.idempotent ?? !isWrite(method))).result
    },
    async callPage<T>(method: string, params: Params = {}) {
      return raw<T>(method, params, true)
    },
    async batch<T>(
      commands: Record<string, BatchCommand>,
      opts: { halt?: boolean } & CallOptions = {},
    ): Promise<BatchResult<T>> {
      const out: BatchResult<T> = { results: {}, errors: {}, totals: {} }
      const keys = Object.keys(commands)
      const readOnly = keys.every((k) => !isWrite(commands[k].method))
      for (let i = 0; i < keys.length; i += 50) {
        const cmd = Object.fromEntries(
          keys.slice(i, i + 50).map((k) => [k, `${commands[k].method}?${qs.stringify(commands[k].params ?? {})}`]),
        )
        const env = await raw<{
          result: Record<string, T>
          result_error: Record<string, { error: string; error_description: string }> | unknown[]
          result_total: Record<string, number> | unknown[]
        }>('batch', { halt: opts.halt ? 1 : 0, cmd }, opts.idempotent ?? readOnly)
        Object.assign(out.results, Array.isArray(env.result.result) ? {} : env.result.result)
        if (!Array.isArray(env.result.result_error)) Object.assign(out.errors, env.result.result_error)
        if (!Array.isArray(env.result.result_total)) Object.assign(out.totals, env.result.result_total)
        if (opts.halt && Object.keys(out.errors).length) break
      }
      return out
    },
    async listAll<T>(
      method: string,
      params: Params & { filter?: Params; select?: string[] },
      opts: ListAllOptions = {},
    ) {
      return listAllBatched<T>(client, method, params, opts)
    },
  }
  return client
}

/** The metrics result of a failed call: the portal's limit (503), a token it refused (401), or another error. */
function restResultOf(err: Bitrix24Error, refreshed: boolean): RestResult {
  if (err.code === 'QUERY_LIMIT_EXCEEDED' || err.status === 503) return 'limit_503'
  if (refreshed || err.status === 401) return 'refresh_401'
  return 'error'
}
