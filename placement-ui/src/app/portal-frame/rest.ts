// The portal's REST API from the frame: straight over HTTP to `<portal>/rest/<method>` with the
// user's token in the body's `auth` (stack notes section 2); a 401 expired_token / invalid_token asks
// the portal for a fresh token once and repeats the call. batch runs up to 50 "method?query" commands
// in one request (https://apidocs.bitrix24.com/settings/how-to-call-rest-api/batch.html).

export interface RestAuth {
  token: () => string
  refresh: () => Promise<string>
}
export type RestCall = [method: string, params: Record<string, unknown>]

export class PortalRestError extends Error {
  readonly status: number
  readonly code: string
  constructor(status: number, code: string) {
    super(`portal REST ${status} ${code}`)
    this.status = status
    this.code = code
  }
}

/** `{ID: 5, filter: {a: [1, 2]}}` -> `ID=5&filter[a][0]=1&filter[a][1]=2` (the portal's query form). */
export function queryOf(params: Record<string, unknown>): string {
  const out: string[] = []
  const put = (key: string, v: unknown) => {
    if (v === undefined || v === null) return
    if (typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) put(`${key}[${k}]`, x)
      return
    }
    out.push(`${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(v))}`)
  }
  for (const [k, v] of Object.entries(params)) put(k, v)
  return out.join('&')
}

export function createRest(base: string, auth: RestAuth, fetchFn: typeof fetch = fetch) {
  const post = (method: string, params: Record<string, unknown>, token: string) =>
    fetchFn(`${base}/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...params, auth: token }),
    })
  const expired = (status: number, code: string) =>
    status === 401 && (code === 'expired_token' || code === 'invalid_token')

  async function call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    let res = await post(method, params, auth.token())
    let json = (await res.json().catch(() => ({}))) as { result?: unknown; error?: string }
    if (expired(res.status, String(json.error ?? ''))) {
      res = await post(method, params, await auth.refresh())
      json = (await res.json().catch(() => ({}))) as { result?: unknown; error?: string }
    }
    if (!res.ok || json.error) throw new PortalRestError(res.status, String(json.error ?? 'http'))
    return json.result
  }

  /** Each call's result in order; undefined where that call failed (the others still run). */
  async function batch(calls: readonly RestCall[]): Promise<unknown[]> {
    if (!calls.length) return []
    const cmd = Object.fromEntries(calls.map(([m, p], i) => [`c${i}`, `${m}?${queryOf(p)}`]))
    const answer = (await call('batch', { halt: 0, cmd })) as { result?: Record<string, unknown> } | undefined
    const results = answer?.result && typeof answer.result === 'object' ? answer.result : {}
    return calls.map((_c, i) => results[`c${i}`])
  }

  return { call, batch }
}
