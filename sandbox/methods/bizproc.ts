// bizproc.robot.add|update|list|delete and bizproc.event.send (reference 8.1-8.3).
import { RestError } from '../rest/errors.ts'
import { obj, list } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'

const FIELDS = [
  'HANDLER',
  'AUTH_USER_ID',
  'USE_SUBSCRIPTION',
  'NAME',
  'DESCRIPTION',
  'PROPERTIES',
  'RETURN_PROPERTIES',
  'DOCUMENT_TYPE',
  'FILTER',
  'USE_PLACEMENT',
  'PLACEMENT_HANDLER',
]
const TYPES = ['bool', 'date', 'datetime', 'double', 'file', 'int', 'select', 'string', 'text', 'user']
const invalid = (m: string) => new RestError('ERROR_ACTIVITY_VALIDATION_FAILURE', m, 400)

function appHosts(ctx: Ctx): string[] {
  const a = ctx.app
  return [a?.appUrl, a?.installUrl, a?.eventHandlerUrl].filter(Boolean).map((u) => new URL(String(u)).host)
}

function validate(ctx: Ctx, f: Record<string, unknown>): void {
  const handler = String(f.HANDLER ?? '')
  if (!handler) throw invalid('Empty activity handler')
  let url: URL
  try {
    url = new URL(handler)
  } catch {
    throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400)
  }
  if (!['http:', 'https:'].includes(url.protocol))
    throw new RestError('ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported handler protocol', 400)
  const hosts = appHosts(ctx)
  if (hosts.length && !hosts.includes(url.host))
    throw new RestError('ERROR_WRONG_HANDLER_URL', 'Handler URL host must be equal to the application host', 400)
  if (!f.NAME || (typeof f.NAME === 'object' && Object.keys(obj(f.NAME)).length === 0))
    throw invalid('Empty activity name')
  for (const group of ['PROPERTIES', 'RETURN_PROPERTIES']) {
    for (const [key, raw] of Object.entries(obj(f[group]))) {
      if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(key)) throw invalid(`Wrong property key ${key}`)
      const p = obj(raw)
      if (!p.Name) throw invalid(`Empty property name ${key}`)
      if (p.Type !== undefined && !TYPES.includes(String(p.Type)))
        throw invalid(`Wrong property type ${String(p.Type)}`)
    }
  }
  if (f.DOCUMENT_TYPE !== undefined && list(f.DOCUMENT_TYPE).length !== 3) throw invalid('Wrong document type')
}

function pickFields(f: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]))
}

function robotAdd(ctx: Ctx, p: Params) {
  const code = String(p.CODE ?? '')
  if (!/^[a-zA-Z0-9._-]+$/.test(code)) throw invalid('Wrong activity code')
  validate(ctx, p)
  if (ctx.ps.robots.find((r) => r.appId === ctx.app?.id && r.CODE === code))
    throw new RestError('ERROR_ACTIVITY_ALREADY_INSTALLED', 'Activity or Robot already installed!', 400)
  ctx.ps.robots.insert({ appId: ctx.app?.id, CODE: code, USE_SUBSCRIPTION: '', AUTH_USER_ID: 0, ...pickFields(p) })
  return { result: true }
}

function robotUpdate(ctx: Ctx, p: Params) {
  const code = String(p.CODE ?? '')
  const r = ctx.ps.robots.find((x) => x.appId === ctx.app?.id && x.CODE === code)
  if (!r) throw new RestError('ERROR_ACTIVITY_NOT_FOUND', 'Activity or Robot not found!', 400)
  const next = { ...r, ...pickFields(obj(p.FIELDS)) }
  validate(ctx, next)
  ctx.ps.robots.save(next)
  return { result: true }
}

function eventSend(ctx: Ctx, p: Params) {
  const token = String(p.event_token ?? p.EVENT_TOKEN ?? '')
  const values = obj(p.return_values ?? p.RETURN_VALUES)
  const log = String(p.log_message ?? p.LOG_MESSAGE ?? '')
  if (!token) throw new RestError('ERROR_WRONG_PARAMS', 'Empty event token', 400)
  if (ctx.ps.bizprocEvents.find((e) => e.eventToken === token && e.accepted === true))
    throw new RestError('ACCESS_DENIED', 'Event token is expired or already used', 403)
  const accepted = ctx.hooks.bizprocEventSent(ctx, token, values, log)
  ctx.ps.bizprocEvents.insert({
    eventToken: token,
    returnValues: values,
    logMessage: log,
    at: ctx.now,
    appId: ctx.app?.id,
    accepted: Boolean(accepted),
  })
  if (!accepted) throw new RestError('ACCESS_DENIED', 'Event token is invalid or expired', 403)
  return { result: true }
}

export const bizprocMethods: MethodTable = {
  'bizproc.robot.add': { scope: 'bizproc', appOnly: true, admin: true, write: true, handler: robotAdd },
  'bizproc.robot.update': { scope: 'bizproc', appOnly: true, admin: true, write: true, handler: robotUpdate },
  'bizproc.robot.list': {
    scope: 'bizproc',
    appOnly: true,
    admin: true,
    handler: (ctx) => ({ result: ctx.ps.robots.filter((r) => r.appId === ctx.app?.id).map((r) => r.CODE) }),
  },
  'bizproc.robot.delete': {
    scope: 'bizproc',
    appOnly: true,
    admin: true,
    write: true,
    handler: (ctx, p) => {
      const r = ctx.ps.robots.find((x) => x.appId === ctx.app?.id && x.CODE === String(p.CODE ?? ''))
      if (!r) throw new RestError('ERROR_ACTIVITY_NOT_FOUND', 'Activity or Robot not found!', 400)
      ctx.ps.robots.remove(r.id)
      return { result: true }
    },
  },
  'bizproc.event.send': { scope: 'bizproc', appOnly: true, write: true, handler: eventSend },
}
