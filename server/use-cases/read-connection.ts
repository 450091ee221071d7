// The connection state for the admin page: the portal's status (connected, or disconnected with the
// reason, e.g. a refused refresh token), the app version it runs, and the install plan (what the
// manifest would still change in the portal). The plan is a full dry-run against the portal (many
// list calls), so its result is kept per portal for a few minutes in the database (every process
// sees it); opening the tab then costs the portal nothing, "check now" (fresh) runs it again, and
// applying the plan forgets it. Texts are codes: the UI words them in the user's language.
import type { AppContext } from '../context.ts'
import { installPortal } from './install-portal.ts'
import type { ConnectionDto, ConnectionHint, ConnectionPlanDto } from '../http/contracts/connection.ts'

export type ConnectionView = ConnectionDto

export const CONNECTION_CHECK_KEY = 'connection.check'
export const CONNECTION_CHECK_TTL_MS = 5 * 60_000
interface StoredCheck { at: string; appVersion: string; count: number; operations: string[]; error: string | null }

export async function readConnection(ctx: AppContext, memberId: string, opts: { fresh?: boolean; now?: Date } = {}): Promise<ConnectionView> {
  const now = opts.now ?? new Date()
  const p = await ctx.repos.portals.get(memberId)
  const currentVersion = ctx.config.b24.appVersion
  let plan: ConnectionPlanDto = { count: 0, operations: [], error: null, checkedAt: null }
  if (p?.status === 'active') {
    const stored = opts.fresh ? null : await ctx.repos.settings.get<StoredCheck>(memberId, CONNECTION_CHECK_KEY)
    const usable = stored && stored.appVersion === currentVersion && now.getTime() - Date.parse(stored.at) < CONNECTION_CHECK_TTL_MS && now.getTime() >= Date.parse(stored.at)
    const check = usable ? stored : await checkPlan(ctx, memberId, now)
    plan = { count: check.count, operations: check.operations, error: check.error, checkedAt: check.at }
  }
  const status = p?.status ?? 'unknown'
  const outdated = !!p?.appVersion && p.appVersion !== currentVersion
  const hint: ConnectionHint | null = status === 'disconnected' ? 'reinstall-from-market'
    : status === 'active' && (plan.count > 0 || plan.error !== null || outdated) ? 'repair' : null
  return { status, reason: p?.statusReason ?? null, domain: p?.domain ?? null, appVersion: p?.appVersion ?? null, licence: p?.licenceFamily ?? null, currentVersion, outdated, plan, hint }
}

async function checkPlan(ctx: AppContext, memberId: string, now: Date): Promise<StoredCheck> {
  let check: StoredCheck
  try {
    const ops = await installPortal(ctx, memberId, false)
    check = { at: now.toISOString(), appVersion: ctx.config.b24.appVersion, count: ops.length, operations: ops.slice(0, 50).map((o) => `${o.action} ${o.kind} ${o.target}${o.detail ? ` (${o.detail})` : ''}`), error: null }
  } catch (e) {
    // a failed check is not kept: the next open tries again
    return { at: now.toISOString(), appVersion: ctx.config.b24.appVersion, count: 0, operations: [], error: (e as Error).message }
  }
  await ctx.repos.settings.set(memberId, CONNECTION_CHECK_KEY, check, null)
  return check
}

/** The kept check is stale once the portal changed under it (after an apply). */
export async function forgetConnectionCheck(ctx: Pick<AppContext, 'repos'>, memberId: string): Promise<void> {
  await ctx.repos.settings.set(memberId, CONNECTION_CHECK_KEY, null, null)
}
