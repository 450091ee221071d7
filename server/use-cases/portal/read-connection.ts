// The connection state for the admin page: the portal's status (connected, or disconnected with the
// reason, e.g. a refused refresh token), the app version it runs, and the install plan (what the
// manifest would still change in the portal). The plan is a full dry-run against the portal (many
// list calls), so its result is kept per portal for a few minutes in the database (every process
// sees it); opening the tab then costs the portal nothing, "check now" (fresh) runs it again, and
// applying the plan forgets it. Texts are codes: the UI words them in the user's language.
import type { AppDeps } from '../app-deps.ts'
import { installPortal } from './install-portal.ts'
import { CONNECTION_CHECK_KEY } from './connection-check.ts'
import type { ConnectionDto, ConnectionHint, ConnectionPlanDto } from '../../../contracts/connection.ts'

export type ConnectionView = ConnectionDto

export const CONNECTION_CHECK_TTL_MS = 5 * 60_000
interface StoredCheck {
  at: string
  appVersion: string
  count: number
  operations: string[]
  error: string | null
}

export async function readConnection(
  ctx: AppDeps,
  memberId: string,
  opts: { fresh?: boolean; now?: Date } = {},
): Promise<ConnectionView> {
  const now = opts.now ?? ctx.clock.now()
  const p = await ctx.repos.portals.get(memberId)
  const currentVersion = ctx.config.b24.appVersion
  let plan: ConnectionPlanDto = { count: 0, operations: [], error: null, checkedAt: null }
  if (p?.status === 'active') {
    const stored = opts.fresh ? null : await ctx.repos.settings.get<StoredCheck>(memberId, CONNECTION_CHECK_KEY)
    const usable =
      stored &&
      stored.appVersion === currentVersion &&
      now.getTime() - Date.parse(stored.at) < CONNECTION_CHECK_TTL_MS &&
      now.getTime() >= Date.parse(stored.at)
    const check = usable ? stored : await checkPlan(ctx, memberId, now)
    plan = { count: check.count, operations: check.operations, error: check.error, checkedAt: check.at }
  }
  const status = p?.status ?? 'unknown'
  const outdated = !!p?.appVersion && p.appVersion !== currentVersion
  const hint: ConnectionHint | null =
    status === 'disconnected'
      ? 'reinstall-from-market'
      : status === 'active' && (plan.count > 0 || plan.error !== null || outdated)
        ? 'repair'
        : null
  return {
    status,
    reason: p?.statusReason ?? null,
    domain: p?.domain ?? null,
    appVersion: p?.appVersion ?? null,
    licence: p?.licenceFamily ?? null,
    currentVersion,
    outdated,
    plan,
    hint,
  }
}

async function checkPlan(ctx: AppDeps, memberId: string, now: Date): Promise<StoredCheck> {
  let check: StoredCheck
  try {
    const ops = await installPortal(ctx, memberId, false)
    check = {
      at: now.toISOString(),
      appVersion: ctx.config.b24.appVersion,
      count: ops.length,
      operations: ops.slice(0, 50).map((o) => `${o.action} ${o.kind} ${o.target}${o.detail ? ` (${o.detail})` : ''}`),
      error: null,
    }
  } catch (e) {
    // a failed check is not kept: the next open tries again
    return {
      at: now.toISOString(),
      appVersion: ctx.config.b24.appVersion,
      count: 0,
      operations: [],
      error: describeFailure(e),
    }
  }
  await ctx.repos.settings.set(memberId, CONNECTION_CHECK_KEY, check, null)
  return check
}

/** A portal's refusal as the admin needs it: which call, the documented code and HTTP status, the text. */
function describeFailure(e: unknown): string {
  const err = e as { code?: unknown; status?: unknown; method?: unknown; message?: unknown }
  const message = typeof err.message === 'string' ? err.message : String(e)
  if (typeof err.code !== 'string' || typeof err.status !== 'number') return message
  const where = typeof err.method === 'string' && err.method ? `${err.method}: ` : ''
  return `${where}${err.code} (HTTP ${err.status})${message && message !== err.code ? ` ${message}` : ''}`
}
