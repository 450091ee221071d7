import { asObject, optionalString, requireMemberId, requireString, type FormObject } from './fields.ts'
import { InboundError } from './inbound-error.ts'

export interface InboundAuth {
  memberId: string
  applicationToken: string
  domain: string | null
  clientEndpoint: string | null
  serverEndpoint: string | null
  accessToken: string | null
  refreshToken: string | null
  expiresIn: number | null
  scope: string | null
  userId: number | null
}

export interface InboundEvent {
  event: string
  handlerId: string | null
  ts: string | null
  data: FormObject
  auth: InboundAuth
}

const EVENT_NAME = /^[A-Z0-9_]{3,64}$/

export function parseAuth(body: FormObject, where = 'auth'): InboundAuth {
  const auth = asObject(body.auth, where)
  const num = (k: string) => {
    const s = optionalString(auth, k, 32)
    const n = s === null ? NaN : Number(s)
    return Number.isFinite(n) ? n : null
  }
  return {
    memberId: requireMemberId(auth, 'member_id', where),
    applicationToken: requireString(auth, 'application_token', where, 256),
    domain: optionalString(auth, 'domain', 255),
    clientEndpoint: optionalString(auth, 'client_endpoint', 512),
    serverEndpoint: optionalString(auth, 'server_endpoint', 512),
    accessToken: optionalString(auth, 'access_token', 512),
    refreshToken: optionalString(auth, 'refresh_token', 512),
    expiresIn: num('expires_in'),
    scope: optionalString(auth, 'scope', 1024),
    userId: num('user_id'),
  }
}

/** Parses a form-decoded portal event (`event`, `data[...]`, `ts`, `auth[...]`). */
export function parseEvent(body: unknown): InboundEvent {
  const o = asObject(body, 'body')
  const event = requireString(o, 'event', 'body', 64).toUpperCase()
  if (!EVENT_NAME.test(event)) throw new InboundError(400, 'inbound.bad-event', `"${event}" is not an event name`)
  const data = o.data === undefined || o.data === '' ? {} : asObject(o.data, 'data')
  return {
    event,
    handlerId: optionalString(o, 'event_handler_id', 32),
    ts: optionalString(o, 'ts', 32),
    data,
    auth: parseAuth(o),
  }
}
