// The portal page plugin: pass `portalPagePlugins(holder)` to startSandbox and set holder.sb to the
// result; every portal origin then serves CRM cards with app tabs, app pages and the Market.
import type { Sandbox } from '../index.ts'
import type { ServerPlugins } from '../http/servers.ts'
import { registerPortalPages } from './routes.ts'

export function portalPagePlugins(holder: { sb?: Sandbox }): ServerPlugins {
  return {
    portal: (app, portalId) => {
      registerPortalPages(app, portalId, holder)
    },
  }
}

/** startSandbox with the portal page on every portal. */
export async function startSandboxWithPages(
  start: (o: { plugins: ServerPlugins }) => Promise<Sandbox>,
): Promise<Sandbox> {
  const holder: { sb?: Sandbox } = {}
  holder.sb = await start({ plugins: portalPagePlugins(holder) })
  return holder.sb
}
