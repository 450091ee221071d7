// The browser form POST a portal makes into an app iframe (reference 1.2 and 9): query
// DOMAIN/PROTOCOL/LANG/APP_SID and the AUTH_ID... body. Pure data, used by the portal page.
import type { App, Installation, Portal } from '../state/types.ts'
import type { Pair } from '../oauth/tokens.ts'

export type FramePost = {
  /** handler URL with the query string appended */
  url: string
  query: { DOMAIN: string; PROTOCOL: '0' | '1'; LANG: string; APP_SID: string }
  fields: Record<string, string>
  /** value for the iframe's window.name (B24Frame reads it) */
  windowName: string
}

export type FramePostInput = {
  portal: Portal
  app: App
  install: Installation
  user: { id: number; isAdmin: boolean }
  pair: Pair
  handler: string
  placement: string
  options: Record<string, unknown>
  serverEndpoint: string
  appSid: string
  lang?: string
  tokenLifetimeSec: number
}

export function buildFramePostFields(i: FramePostInput): FramePost {
  const query = { DOMAIN: i.portal.domain, PROTOCOL: '0' as const, LANG: i.lang ?? i.portal.lang, APP_SID: i.appSid }
  const fields: Record<string, string> = {
    AUTH_ID: i.pair.access.value,
    AUTH_EXPIRES: String(i.tokenLifetimeSec),
    REFRESH_ID: i.pair.refresh.value,
    SERVER_ENDPOINT: i.serverEndpoint,
    APPLICATION_TOKEN: i.install.applicationToken,
    APPLICATION_SCOPE: i.app.scopes.join(','),
    member_id: i.portal.memberId,
    status: i.app.status,
    PLACEMENT: i.placement,
    PLACEMENT_OPTIONS: JSON.stringify(i.options),
  }
  const sep = i.handler.includes('?') ? '&' : '?'
  const url = `${i.handler}${sep}${new URLSearchParams(query).toString()}`
  return { url, query, fields, windowName: `${query.DOMAIN}|${query.PROTOCOL}|${query.APP_SID}` }
}
