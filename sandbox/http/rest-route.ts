// /rest/<method>[.json], /rest//<method>, /rest/<user>/<code>/<method>: GET or POST, JSON or form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { pathOf, queryOf } from './body.ts'
import { RestError } from '../rest/errors.ts'
import { errorBody, successBody } from '../rest/envelope.ts'
import { resolveToken, resolveWebhook, type Caller } from '../rest/auth.ts'
import { invoke } from '../rest/invoke.ts'
import { decideFault, latencyOf } from '../limits/faults.ts'
import type { Runtime } from '../runtime.ts'

type Target = { method: string; hook: { userId: string; code: string } | null }

export function parseTarget(path: string): Target | null {
  const rest = path.replace(/^\/rest\/+/, '')
  const segs = rest
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s))
  if (segs.length === 0 || segs[0] === 'api') return null
  let method: string
  let hook: Target['hook'] = null
  if (segs.length >= 3 && /^\d+$/.test(segs[0])) {
    hook = { userId: segs[0], code: segs[1] }
    method = segs[2]
  } else method = segs[segs.length - 1]
  method = method.replace(/\.(json|xml)$/i, '').toLowerCase()
  return { method, hook }
}

export function registerRest(app: FastifyInstance, rt: Runtime, portalId: number): void {
  app.all('/rest/*', async (req, reply) => handle(rt, portalId, req, reply))
}

async function handle(rt: Runtime, portalId: number, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const ps = rt.world.state(portalId)
  if (!ps) return reply.code(404).send(errorBody('PORTAL_DELETED', 'Portal was deleted'))
  const prt = rt.prt(portalId)
  const send = (status: number, body: unknown) => {
    prt.log.request(status)
    return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body)
  }
  const target = parseTarget(pathOf(req.raw.url))
  if (!target) return send(404, errorBody('ERROR_METHOD_NOT_FOUND', 'Method not found!'))
  if (!prt.bucket.take()) {
    prt.log.counters.limitExceeded += 1
    return send(503, errorBody('QUERY_LIMIT_EXCEEDED', 'Too many requests'))
  }

  const body = Array.isArray(req.body) ? Object.fromEntries(req.body.map((v, i) => [String(i), v])) : req.body
  const params: Record<string, unknown> = { ...queryOf(req.raw.url), ...(isObj(body) ? body : {}) }
  for (const k of Object.keys(params)) if (k.startsWith('bx24_')) delete params[k]
  const auth = params.auth
  delete params.auth

  let caller: Caller
  try {
    caller = target.hook ? resolveWebhook(ps, target.hook.userId, target.hook.code) : resolveToken(rt.world, ps, auth)
  } catch (e) {
    const err = e as RestError
    return send(err.status, errorBody(err.code, err.description))
  }

  const fault = decideFault(prt.faults, target.method)
  const delay = latencyOf(prt.faults)
  if (delay > 0) await new Promise((r) => setTimeout(r, delay))
  if (fault.kind === 'error') return send(fault.status, errorBody(fault.error, fault.description))
  if (fault.kind === 'hang') return hang(rt, reply, prt.faults.hangMs, () => prt.log.request(0))

  const r = await invoke(rt.env(ps), caller, target.method, params, false)
  if (fault.kind === 'lost') return hang(rt, reply, 0, () => prt.log.request(0))
  if (!r.ok) return send(r.error.status, errorBody(r.error.code, r.error.description, r.error.extra))
  return send(200, successBody(r.out.result, r.time, r.out.total, r.out.next))
}

function hang(rt: Runtime, reply: FastifyReply, ms: number, note: () => void): void {
  note()
  reply.hijack()
  const sock = reply.raw.socket
  if (ms <= 0) {
    sock?.destroy()
    return
  }
  rt.later(ms, () => sock?.destroy())
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
