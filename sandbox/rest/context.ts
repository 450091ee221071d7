// What a REST method handler receives besides its parameters.
import type { World } from '../state/world.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { App, Installation, User, Webhook } from '../state/types.ts'

export type Params = Record<string, unknown>

export type Out = { result: unknown; total?: number; next?: number }

/** Side effects a write can cause; implemented by the sandbox runtime (events, automation). */
export type Hooks = {
  emit(ctx: Ctx, event: string, data: Record<string, unknown>): void
  itemStageEntered(ctx: Ctx, entityTypeId: number, itemId: number, stageId: string): void
  bizprocEventSent(ctx: Ctx, eventToken: string, returnValues: Record<string, unknown>, logMessage: string): boolean
  call(ctx: Ctx, method: string, params: Params): Promise<Out>
}

export type Ctx = {
  world: World
  ps: PortalState
  user: User
  app: App | null
  install: Installation | null
  webhook: Webhook | null
  /** null = every scope (webhooks without a scope list) */
  scopes: Set<string> | null
  now: number
  zone: string
  hooks: Hooks
  method: string
  inBatch: boolean
  /** `auth_connector` of the call: its own offline queue does not receive the resulting events */
  authConnector?: string
}
