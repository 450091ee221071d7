// /api client: sends the portal user's token; on 401 refreshes it through the frame once and retries.
import type { FrameContext } from './frame.ts'
import { serverErrorText, type ErrorParams } from '../../../contracts/error-messages.ts'
import type { Lang } from './i18n.ts'

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

export interface ApiErrorJson {
  error?: string
  message?: string
  params?: ErrorParams
  details?: unknown
}

/** The failure as a person reads it: the code's text in the page's language; a code without a text keeps
 *  the server's English words in English and says "request failed (code)" in Russian. */
export function apiCallError(status: number, json: ApiErrorJson, lang: Lang): ApiCallError {
  const code = json.error ?? 'http.error'
  const known = serverErrorText(code, json.params, lang)
  const text =
    known ??
    (lang === 'ru' ? `Запрос не выполнен (код ${code})` : (json.message ?? serverErrorText('http.error', {}, lang)))
  return new ApiCallError(status, code, text ?? `HTTP ${status}`, json.details)
}

export type Api = (<T>(path: string, init?: { method?: string; body?: unknown }) => Promise<T>) & {
  /** Starts a GET now; the first api(path) call later takes its answer instead of asking again. */
  prefetch?: (path: string) => void
}

export function createApi(
  frame: Pick<FrameContext, 'memberId' | 'domain' | 'accessToken' | 'refresh'>,
  fetchFn: typeof fetch = fetch,
  lang: Lang = 'en',
): Api {
  const send = (path: string, token: string, init: { method?: string; body?: unknown }) =>
    fetchFn(`/api${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${token}`,
        'x-b24-member-id': frame.memberId,
        'x-b24-domain': frame.domain,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  const call = async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    let res = await send(path, frame.accessToken(), init)
    if (res.status === 401) res = await send(path, await frame.refresh(), init)
    const json = (await res.json().catch(() => ({}))) as ApiErrorJson
    if (!res.ok) throw apiCallError(res.status, json, lang)
    return json as T
  }
  const early = new Map<string, Promise<unknown>>()
  const api: Api = <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const started = init.method === undefined && init.body === undefined ? early.get(path) : undefined
    if (!started) return call<T>(path, init)
    early.delete(path)
    return started as Promise<T>
  }
  api.prefetch = (path) => {
    if (early.has(path)) return
    const started = call(path)
    started.catch(() => undefined) // the caller that takes it sees the failure
    early.set(path, started)
  }
  return api
}
