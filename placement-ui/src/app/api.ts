// /api client: sends the portal user's token; on 401 refreshes it through the frame once and retries.
import type { FrameContext } from './frame.ts'

export class ApiCallError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
  }
}

export type Api = <T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>

export function createApi(frame: Pick<FrameContext, 'memberId' | 'domain' | 'accessToken' | 'refresh'>, fetchFn: typeof fetch = fetch): Api {
  const send = (path: string, token: string, init: { method?: string; body?: unknown }) =>
    fetchFn(`/api${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { authorization: `Bearer ${token}`, 'x-b24-member-id': frame.memberId, 'x-b24-domain': frame.domain, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    let res = await send(path, frame.accessToken(), init)
    if (res.status === 401) res = await send(path, await frame.refresh(), init)
    const json = (await res.json().catch(() => ({}))) as { error?: string; message?: string; details?: unknown }
    if (!res.ok) throw new ApiCallError(res.status, json.error ?? 'http.error', json.message ?? `HTTP ${res.status}`, json.details)
    return json as T
  }
}
