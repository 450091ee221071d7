// HTTP admin API: POST /_sandbox/rpc/<method> with a JSON array of arguments calls the same-named
// SandboxClient method; /_sandbox/clock/<op> drives the clock; GET /_sandbox/ lists what exists.
import type { FastifyInstance } from 'fastify'
import { InspectOps } from '../admin/inspect.ts'
import { SandboxClient } from '../admin/client.ts'
import { RestError } from '../rest/errors.ts'

const HIDDEN = new Set(['constructor', 'ps', 'clock'])

export function rpcNames(): string[] {
  const names = new Set<string>()
  for (const proto of [SandboxClient.prototype, InspectOps.prototype]) {
    for (const n of Object.getOwnPropertyNames(proto)) if (!HIDDEN.has(n)) names.add(n)
  }
  return [...names].sort()
}

export function registerAdmin(app: FastifyInstance, client: SandboxClient): void {
  const allowed = new Set(rpcNames())
  app.get('/_sandbox/', async () => ({ portals: client.portals(), rpc: allowed.size ? [...allowed] : [] }))
  app.get('/_sandbox/portals', async () => client.portals())
  app.get('/_sandbox/portals/:id/counters', async (req) => client.counters(Number((req.params as { id: string }).id)))
  app.post('/_sandbox/rpc/:name', async (req, reply) => {
    const name = (req.params as { name: string }).name
    if (!allowed.has(name)) return reply.code(404).send({ error: 'UNKNOWN_ADMIN_METHOD', error_description: name })
    const body = req.body
    const args = Array.isArray(body)
      ? body
      : Array.isArray((body as { args?: unknown[] })?.args)
        ? (body as { args: unknown[] }).args
        : []
    try {
      const fn = (client as unknown as Record<string, (...a: unknown[]) => unknown>)[name]
      const result = await fn.apply(client, args)
      return { result: result === undefined ? null : result }
    } catch (e) {
      if (e instanceof RestError) return reply.code(e.status).send({ error: e.code, error_description: e.description })
      return reply
        .code(400)
        .send({ error: 'ADMIN_ERROR', error_description: e instanceof Error ? e.message : String(e) })
    }
  })
  app.post('/_sandbox/clock/:op', async (req, reply) => {
    const op = (req.params as { op: string }).op
    const b = (req.body ?? {}) as { at?: number | string; ms?: number }
    const c = client.clock()
    if (op === 'freeze') c.freeze(b.at)
    else if (op === 'advance') c.advance(Number(b.ms ?? 0))
    else if (op === 'run') c.run()
    else if (op === 'real') c.real()
    else if (op !== 'state') return reply.code(404).send({ error: 'UNKNOWN_CLOCK_OP' })
    return c.state()
  })
}
