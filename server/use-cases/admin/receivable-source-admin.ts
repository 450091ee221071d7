// The admin's choice of where receivables come from (setting `receivables.source`): off, won deals or the
// portal's smart invoices, and per pipeline the stage that creates the invoice, picked from the portal's stages
// by name. Saved after validation against the portal's pipelines, audited; the reconcile cursor starts over.
import type {
  ReceivableSourceDto,
  ReceivableSourceInputDto,
  SourcePipelineDto,
} from '../../../contracts/receivable-source.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'
import type { Actor } from '../receivables/actor.ts'
import { LedgerError } from '../receivables/ledger-error.ts'
import {
  checkSourceSettings,
  DEAL_TYPE,
  readSourceSettings,
  SMART_INVOICE_TYPE,
  SOURCE_SETTING,
  sourceEntityType,
} from '../receivables/source-settings.ts'
import { SOURCE_CURSOR_SETTING } from '../receivables/reconcile-sources.ts'

type Ports = Pick<ReceivablesPorts, 'settings' | 'audit' | 'clients'>

/** Pipelines (crm.category.list) and their stages (crm.status.list by ENTITY_ID), reference 5.3, 5.4. */
async function pipelinesOf(client: PortalClient, entityTypeId: number): Promise<SourcePipelineDto[]> {
  const cats = await client.call<{ categories: { id: number | string; name: string }[] }>('crm.category.list', {
    entityTypeId,
  })
  const out: SourcePipelineDto[] = []
  for (const c of cats?.categories ?? []) {
    const id = Number(c.id)
    const entityId =
      entityTypeId === DEAL_TYPE ? (id === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${id}`) : `SMART_INVOICE_STAGE_${id}`
    const stages = await client.call<{ STATUS_ID: string; NAME: string }[]>('crm.status.list', {
      filter: { ENTITY_ID: entityId },
      order: { SORT: 'ASC' },
    })
    out.push({ id, name: c.name, stages: (stages ?? []).map((s) => ({ id: s.STATUS_ID, name: s.NAME })) })
  }
  return out
}

async function clientOf(ports: Ports, memberId: string): Promise<PortalClient> {
  if (!ports.clients) throw new LedgerError('conflict', 'portal.not-connected', 'the portal is not connected')
  return ports.clients.forPortal(memberId)
}

export async function readReceivableSource(ports: Ports, memberId: string): Promise<ReceivableSourceDto> {
  const client = await clientOf(ports, memberId)
  return {
    settings: await readSourceSettings(ports.settings, memberId),
    pipelines: {
      deals: await pipelinesOf(client, DEAL_TYPE),
      invoices: await pipelinesOf(client, SMART_INVOICE_TYPE),
    },
  }
}

export async function saveReceivableSource(ports: Ports, who: Actor, body: unknown): Promise<ReceivableSourceInputDto> {
  const next = checkSourceSettings(body)
  const entityTypeId = sourceEntityType(next.source)
  if (entityTypeId !== null) {
    const pipelines = await pipelinesOf(await clientOf(ports, who.memberId), entityTypeId)
    for (const [cat, stage] of Object.entries(next.stages)) {
      const p = pipelines.find((x) => String(x.id) === cat)
      if (!p || !p.stages.some((s) => s.id === stage))
        throw new LedgerError('invalid', 'source.unknown-stage', `pipeline ${cat} has no stage ${stage}`, {
          field: `stages.${cat}`,
          pipeline: p?.name ?? cat,
          stage,
        })
    }
  }
  const before = await readSourceSettings(ports.settings, who.memberId)
  if (JSON.stringify(before) === JSON.stringify(next)) return next
  await ports.settings.set(who.memberId, SOURCE_SETTING, next, who.actor)
  // another source or other stages: the reconcile reads the sources at the chosen stages again
  await ports.settings.set(who.memberId, SOURCE_CURSOR_SETTING, null, who.actor)
  await ports.audit.record({
    memberId: who.memberId,
    actor: who.actor,
    source: who.source,
    action: 'settings.receivable-source-changed',
    entity: 'settings',
    entityId: SOURCE_SETTING,
    details: { before, after: next },
  })
  return next
}
