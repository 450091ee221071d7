// Desired state -> portal: smart processes, pipelines and stages, fields, events, placements,
// robots. plan() lists the difference; apply() makes it and returns the new install-state.
import type { PortalClient } from '../server/bitrix24/client/portal-client.ts'
import type { InstallState } from '../server/domain/install-state.ts'
import { smartProcesses } from './manifest.ts'
import type { PlannedOp, ReconcileCtx } from './reconcile-context.ts'
import { reconcileSmartProcesses } from './resources/smart-processes.ts'
import { reconcilePipelines } from './resources/pipelines.ts'
import { reconcileCompanyFields, reconcileFields } from './resources/fields.ts'
import { reconcileEvents, reconcilePlacements } from './resources/bindings.ts'
import { reconcileRobots } from './resources/robots.ts'
import { reconcileClaimAmounts } from './resources/claim-amounts.ts'
import type { RobotCatalog } from './robot-catalog.ts'

export type { PlannedOp }

export interface ReconcileInput {
  client: PortalClient
  state: InstallState | null
  baseUrl: string
  appVersion: string
  lang: 'ru' | 'en'
  authUserId?: number
  /** The robots to register (the composition root's catalog). */
  robots: RobotCatalog
  onStep?: (step: string) => void
  /** 'webhook': an incoming webhook cannot bind events, register robots or embed placements. */
  mode?: 'app' | 'webhook'
}

export interface ReconcileResult {
  ops: PlannedOp[]
  state: InstallState
}

export async function reconcile(input: ReconcileInput, apply: boolean): Promise<ReconcileResult> {
  const previousBase = input.state?.baseUrl && input.state.baseUrl !== input.baseUrl ? input.state.baseUrl : null
  const state: InstallState = structuredClone(
    input.state ?? {
      appVersion: input.appVersion,
      baseUrl: input.baseUrl,
      processes: {},
      eventHandlers: [],
      robots: [],
      placements: [],
      finishedAt: null,
    },
  )
  const rc: ReconcileCtx = { client: input.client, apply, lang: input.lang, baseUrl: input.baseUrl, state, ops: [] }
  const step = (s: string) => input.onStep?.(s)
  step('smart-processes')
  await reconcileSmartProcesses(rc, smartProcesses)
  for (const spec of smartProcesses) {
    step(`pipelines:${spec.key}`)
    await reconcilePipelines(rc, spec)
  }
  for (const spec of smartProcesses) {
    step(`fields:${spec.key}`)
    await reconcileFields(rc, spec)
  }
  step('fields:company')
  await reconcileCompanyFields(rc)
  step('claim-amounts')
  await reconcileClaimAmounts(rc)
  if (input.mode !== 'webhook') {
    step('events')
    await reconcileEvents(rc, previousBase)
    step('placements')
    await reconcilePlacements(rc, previousBase)
    step('robots')
    await reconcileRobots(rc, input.robots, input.authUserId ?? 1)
  }
  state.baseUrl = input.baseUrl
  state.appVersion = input.appVersion
  return { ops: rc.ops, state }
}

/** A readable diff: one line per operation. */
export function formatPlan(ops: PlannedOp[]): string {
  if (!ops.length) return 'Nothing to change: the portal matches the manifest.'
  const sign = { create: '+', update: '~', delete: '-' } as const
  return ops
    .map((o) => `${sign[o.action]} ${o.kind.padEnd(13)} ${o.target}${o.detail ? `  (${o.detail})` : ''}`)
    .join('\n')
}
