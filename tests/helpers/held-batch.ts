// Portal clients whose first batch waits at a gate: a test lets another job run start to end while this
// one's write is on its way to the portal, then lets it land (the older write arriving last).
import type { PortalClient } from '../../server/bitrix24/client/portal-client.ts'

interface Clients {
  forPortal(memberId: string): Promise<PortalClient>
}

export function holdFirstBatch<C extends Clients>(clients: C) {
  let reached!: () => void
  let release!: () => void
  const atBatch = new Promise<void>((r) => (reached = r))
  const gate = new Promise<void>((r) => (release = r))
  let held = false
  const slow = (client: PortalClient): PortalClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'batch') return Reflect.get(target, prop, receiver)
        return async (...args: Parameters<PortalClient['batch']>) => {
          if (!held) {
            held = true
            reached()
            await gate
          }
          return target.batch(...args)
        }
      },
    })
  return {
    clients: { ...clients, forPortal: async (memberId: string) => slow(await clients.forPortal(memberId)) } as C,
    /** resolves when the first batch has reached the gate */
    atBatch,
    release,
  }
}
