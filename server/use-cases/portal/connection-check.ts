// Where the admin page's connection check (read-connection.ts) is kept per portal, and how a change
// that makes it stale (install applied, portal reconnected) forgets it.
import type { AppDeps } from '../app-deps.ts'

export const CONNECTION_CHECK_KEY = 'connection.check'

/** The kept check is stale once the portal changed under it (after an apply). */
export async function forgetConnectionCheck(ctx: Pick<AppDeps, 'repos'>, memberId: string): Promise<void> {
  await ctx.repos.settings.set(memberId, CONNECTION_CHECK_KEY, null, null)
}
