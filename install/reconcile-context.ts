// One reconcile run: each resource kind reads what the portal has, diffs, and records operations;
// in apply mode the operations also run (in order), in plan mode they are only listed.
import type { PortalClient } from '../server/bitrix24/client/portal-client.ts'
import type { InstallState } from '../server/domain/install-state.ts'

export interface PlannedOp {
  kind: 'smart-process' | 'pipeline' | 'stage' | 'field' | 'event' | 'placement' | 'robot' | 'item'
  action: 'create' | 'update' | 'delete'
  target: string
  detail?: string
}

export interface ReconcileCtx {
  client: PortalClient
  apply: boolean
  lang: 'ru' | 'en'
  baseUrl: string
  state: InstallState
  ops: PlannedOp[]
}

/** Records an operation; runs it when applying. Returns the write's result (undefined in plan mode). */
export async function operate<T>(rc: ReconcileCtx, op: PlannedOp, write: () => Promise<T>): Promise<T | undefined> {
  rc.ops.push(op)
  return rc.apply ? write() : undefined
}

export const yn = (v: unknown) => v === true || v === 'Y' || v === 'true'
