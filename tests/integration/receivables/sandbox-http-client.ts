// A minimal PortalClient over HTTP to a sandbox portal's incoming webhook, for these tests until
// server/bitrix24/client ships its implementation: one call / page / batch = one HTTP request,
// no retries of its own (the job queue retries), errors as Bitrix24Error.
import qs from 'qs'
import type { BatchCommand, BatchResult, Params, PortalClient, PortalClients } from '../../../server/bitrix24/client/portal-client.ts'
import { toBitrix24Error } from '../../../server/bitrix24/errors.ts'

type Envelope = { result?: unknown; total?: number; next?: number; error?: string; error_description?: string }

export class SandboxHttpClient implements PortalClient, PortalClients {
  readonly memberId: string
  readonly #base: string
  constructor(memberId: string, webhookUrl: string) { this.memberId = memberId; this.#base = webhookUrl }
  async forPortal(): Promise<PortalClient> { return this }

  async #post(method: string, params: Params): Promise<Envelope> {
    let res: Response
    try {
      res = await fetch(`${this.#base}${method}.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) })
    } catch (e) {
      throw toBitrix24Error('NETWORK_ERROR', (e as Error).message, 0, method)
    }
    const body = await res.json().catch(() => ({})) as Envelope
    if (!res.ok || body.error) throw toBitrix24Error(body.error ?? `HTTP_${res.status}`, body.error_description ?? '', res.status, method)
    return body
  }

  async call<T>(method: string, params: Params = {}): Promise<T> {
    return (await this.#post(method, params)).result as T
  }

  async callPage<T>(method: string, params: Params = {}): Promise<{ result: T; total: number | null; next: number | null }> {
    const b = await this.#post(method, params)
    return { result: b.result as T, total: b.total ?? null, next: b.next ?? null }
  }

  async batch<T>(commands: Record<string, BatchCommand>, opts: { halt?: boolean } = {}): Promise<BatchResult<T>> {
    const cmd = Object.fromEntries(Object.entries(commands).map(([k, c]) => [k, `${c.method}?${qs.stringify(c.params ?? {})}`]))
    const r = (await this.#post('batch', { halt: opts.halt ? 1 : 0, cmd })).result as {
      result: Record<string, T> | []; result_error: Record<string, { error: string; error_description: string }> | []; result_total: Record<string, number> | []
    }
    const obj = <V>(v: Record<string, V> | []) => (Array.isArray(v) ? {} : v)
    return { results: obj(r.result), errors: obj(r.result_error), totals: obj(r.result_total) }
  }

  async listAll<T>(method: string, params: Params, opts: { itemsKey?: string } = {}): Promise<T[]> {
    const out: T[] = []
    let start: number | null = 0
    while (start !== null) {
      const page: { result: unknown; next: number | null } = await this.callPage(method, { ...params, start })
      const rows = (opts.itemsKey ? (page.result as Record<string, T[]>)[opts.itemsKey] : page.result) as T[]
      out.push(...rows)
      start = page.next
    }
    return out
  }
}
