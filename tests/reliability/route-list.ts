// Every route the running app registered, read from Fastify's own route tree (printRoutes), so a
// route added anywhere under server/http shows up here without anyone listing it by hand.
import type { FastifyInstance } from 'fastify'

export interface RegisteredRoute {
  method: string
  url: string
}
export const routeKey = (r: RegisteredRoute) => `${r.method} ${r.url}`

/**
 * Parses the tree printed by `app.printRoutes({ commonPrefix: false })`: each line is
 * `<indent>├── <segment> (METHODS)`, a child's segment continuing its parent's path.
 * HEAD is left out (Fastify adds it to every GET).
 */
export function parseRouteTree(tree: string): RegisteredRoute[] {
  const out: RegisteredRoute[] = []
  const stack: string[] = []
  for (const line of tree.split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!m) {
      if (line.trim()) throw new Error(`unexpected line in the route tree: ${JSON.stringify(line)}`)
      continue
    }
    const depth = m[1].length / 4
    stack.length = depth
    const url = (stack[depth - 1] ?? '') + m[2]
    stack[depth] = url
    for (const method of (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (method !== 'HEAD') out.push({ method, url })
    }
  }
  return out
}

export async function registeredRoutes(app: FastifyInstance): Promise<RegisteredRoute[]> {
  await app.ready()
  return parseRouteTree(app.printRoutes({ commonPrefix: false }))
}

export async function apiRoutes(app: FastifyInstance): Promise<RegisteredRoute[]> {
  return (await registeredRoutes(app)).filter((r) => r.url.startsWith('/api/'))
}
