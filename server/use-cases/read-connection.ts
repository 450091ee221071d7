// The connection state for the admin page: the portal's status (connected, or disconnected with the
// reason, e.g. a refused refresh token), the app version it runs, and the install plan (what the
// manifest would still change in the portal).
import type { AppContext } from '../context.ts'
import { installPortal } from './install-portal.ts'

export interface ConnectionView {
  status: 'active' | 'disconnected' | 'uninstalled' | 'unknown'; reason: string | null; domain: string | null; appVersion: string | null; licence: string | null
  plan: { count: number; operations: string[]; error: string | null }
  reconnectHint: string
}

export async function readConnection(ctx: AppContext, memberId: string): Promise<ConnectionView> {
  const p = await ctx.repos.portals.get(memberId)
  let plan: ConnectionView['plan'] = { count: 0, operations: [], error: null }
  if (p?.status === 'active') {
    try {
      const ops = await installPortal(ctx, memberId, false)
      plan = { count: ops.length, operations: ops.slice(0, 50).map((o) => `${o.action} ${o.kind} ${o.target}${o.detail ? ` (${o.detail})` : ""}`), error: null }
    } catch (e) { plan = { count: 0, operations: [], error: (e as Error).message } }
  }
  return {
    status: p?.status ?? 'unknown', reason: p?.statusReason ?? null, domain: p?.domain ?? null, appVersion: p?.appVersion ?? null, licence: p?.licenceFamily ?? null, plan,
    reconnectHint: 'Open the app from the portal\'s Market page (Applications → Receivables Control → Open): the portal issues new tokens and the app reconnects. A local app: reinstall it with the same B24_CLIENT_ID.',
  }
}
