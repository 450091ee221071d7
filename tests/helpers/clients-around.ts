// Portal clients with a test's hand in their calls: `aroundCalls` runs a function in place of each
// `call`, `holdFirstBatch` makes the first batch wait at a gate (a test lets another job run start to
// end while this one's write is on its way to the portal, then lets it land: the older write last).
import type { PortalClient } from '../../server/bitrix24/client/portal-client.ts'

interface Clients {
  forPortal(memberId: string): Promise<PortalClient>
}

/** `clients` whose clients answer `method` through `around(args, next)`; everything else as they are. */
function clientsWith<C extends Clients, M extends 'call' | 'batch'>(
  clients: C,
  method: M,
  around: (args: Parameters<PortalClient[M]>, next: () => Promise<unknown>) => Promise<unknown>,
): C {
  const wrap = (client: PortalClient): PortalClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== method) return Reflect.get(target, prop, receiver)
        return (...args: Parameters<PortalClient[M]>) =>
          around(args, () => (target[method] as (...a: typeof args) => Promise<unknown>)(...args))
      },
    })
  return { ...clients, forPortal: async (memberId: string) => wrap(await clients.forPortal(memberId)) }
}

/** The portal clients, with `around(method, params, call)` run in place of each call. */
export function aroundCalls<C extends Clients>(
  clients: C,
  around: (method: string, params: Record<string, unknown>, call: () => Promise<unknown>) => Promise<unknown>,
): C {
  return clientsWith(clients, 'call', ([method, params], next) =>
    around(method, (params ?? {}) as Record<string, unknown>, next),
  )
}

export function holdFirstBatch<C extends Clients>(clients: C) {
  let reached!: () => void
  let release!: () => void
  const atBatch = new Promise<void>((r) => (reached = r))
  const gate = new Promise<void>((r) => (release = r))
  let held = false
  return {
    clients: clientsWith(clients, 'batch', async (_args, next) => {
      if (!held) {
        held = true
        reached()
        await gate
      }
      return next()
    }),
    /** resolves when the first batch has reached the gate */
    atBatch,
    release,
  }
}
