// Removes what the app registered in a portal: its event bindings and placements (handlers on our
// host), its robots, and with purge also its smart processes (with their items: irreversible) and its
// fields on the company card.
// Foreign bindings are never touched. Plan mode lists the operations only.
import type { PortalClient } from '../server/bitrix24/client/portal-client.ts'
import type { InstallState } from '../server/domain/install-state.ts'
import { operate, type PlannedOp, type ReconcileCtx } from './reconcile-context.ts'

export interface UninstallInput {
  client: PortalClient
  state: InstallState | null
  baseUrl: string
  purge: boolean
  mode?: 'app' | 'webhook'
}

const hostOf = (u: string) => {
  try {
    return new URL(u).host
  } catch {
    return null
  }
}

export async function uninstall(input: UninstallInput, apply: boolean): Promise<PlannedOp[]> {
  const state: InstallState = structuredClone(
    input.state ?? {
      appVersion: '',
      baseUrl: input.baseUrl,
      processes: {},
      eventHandlers: [],
      robots: [],
      placements: [],
      finishedAt: null,
    },
  )
  const rc: ReconcileCtx = { client: input.client, apply, lang: 'en', baseUrl: input.baseUrl, state, ops: [] }
  const hosts = new Set([hostOf(input.baseUrl), hostOf(state.baseUrl)].filter(Boolean))
  if (input.mode !== 'webhook') {
    for (const e of await input.client.call<{ event: string; handler: string }[]>('event.get', {})) {
      if (hosts.has(hostOf(e.handler)))
        await operate(rc, { kind: 'event', action: 'delete', target: e.event, detail: e.handler }, () =>
          input.client.call('event.unbind', { event: e.event, handler: e.handler }),
        )
    }
    for (const p of await input.client.call<{ placement: string; handler: string }[]>('placement.get', {})) {
      if (hosts.has(hostOf(p.handler)))
        await operate(rc, { kind: 'placement', action: 'delete', target: p.placement, detail: p.handler }, () =>
          input.client.call('placement.unbind', { PLACEMENT: p.placement, HANDLER: p.handler }),
        )
    }
    // bizproc.robot.list returns only this application's robots
    for (const code of await input.client.call<string[]>('bizproc.robot.list', {})) {
      await operate(rc, { kind: 'robot', action: 'delete', target: code }, () =>
        input.client.call('bizproc.robot.delete', { CODE: code }),
      )
    }
  }
  if (input.purge) {
    for (const [key, p] of Object.entries(state.processes)) {
      if (p)
        await operate(
          rc,
          {
            kind: 'smart-process',
            action: 'delete',
            target: key,
            detail: `entityTypeId ${p.entityTypeId} with all its items`,
          },
          () => input.client.call('crm.type.delete', { id: p.typeId }),
        )
    }
    // our fields on the company card (the companies themselves stay)
    for (const [key, f] of Object.entries(state.companyFields ?? {}))
      await operate(rc, { kind: 'field', action: 'delete', target: `company.${key}`, detail: f.upperName }, () =>
        input.client.call('userfieldconfig.delete', { moduleId: 'crm', id: f.id }),
      )
  }
  return rc.ops
}
