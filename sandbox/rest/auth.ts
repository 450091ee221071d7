// Resolve who is calling: an OAuth access token (`auth` param) or an incoming webhook path.
import { RestError } from './errors.ts'
import type { World } from '../state/world.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App, Installation, User, Webhook } from '../state/types.ts'

export type Caller = {
  user: User
  app: App | null
  install: Installation | null
  webhook: Webhook | null
  scopes: Set<string> | null
}

export function resolveToken(world: World, ps: PortalState, token: unknown): Caller {
  if (typeof token !== 'string' || token === '') throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401)
  const t = world.token(token)
  if (!t || t.kind !== 'access' || t.portalId !== ps.portal.id)
    throw new RestError('invalid_token', 'Unable to get application by token', 401)
  if (t.expiresAt <= world.clock.now())
    throw new RestError('expired_token', 'The access token provided has expired.', 401)
  const app = world.apps.get(t.appId)
  const install = app ? ps.installFor(app.id) : undefined
  if (!app || !install) throw new RestError('invalid_token', 'Application not installed', 401)
  const user = ps.users.get(t.userId)
  if (!user || !user.active) throw new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401)
  return { user, app, install, webhook: null, scopes: new Set(app.scopes) }
}

export function resolveWebhook(ps: PortalState, userId: string, code: string): Caller {
  const hook = ps.webhooks.find((w) => String(w.userId) === userId && w.code === code)
  if (!hook) throw new RestError('NO_AUTH_FOUND', 'Wrong authorization data', 401)
  const user = ps.users.get(hook.userId)
  if (!user || !user.active) throw new RestError('INVALID_CREDENTIALS', 'Invalid request credentials', 401)
  return { user, app: null, install: null, webhook: hook, scopes: hook.scopes ? new Set(hook.scopes) : null }
}

const SCOPE_ALIASES: Record<string, string[]> = {
  user: ['user', 'user_basic', 'user_brief'],
  task: ['task', 'tasks'],
  crm: ['crm'],
}

export function hasScope(scopes: Set<string> | null, need: string | null): boolean {
  if (need === null || scopes === null) return true
  return (SCOPE_ALIASES[need] ?? [need]).some((s) => scopes.has(s))
}
