// The timeline totals comment: created once (its id kept in the effects table) and updated in
// place afterwards, never a second comment. An add whose answer was lost is found again before anything
// is written: by the title line of our text (one totals comment per card) or, for a comment written by an
// older version, by the marker it carried; the found id is stored and the update drops the marker.
import { effectKeys } from '../effect-keys.ts'
import { legacyTotalsMarker, totalsTitles } from '../../domain/receivables/index.ts'
import { claimTotalsTitles } from '../../domain/claims/claim-totals-comment.ts'
import type { BatchCommand, BatchResult, PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export interface CommentTarget {
  kind: 'receivable' | 'counterparty' | 'claim'
  /** Our id (receivable, counterparty or claim case) — names the comment. */
  id: number
  /** Timeline owner: 'dynamic_<entityTypeId>', 'company' or 'contact'. */
  entityType: string
  entityId: number
}

export interface PlannedComment {
  key: string
  command: BatchCommand
  adds: boolean
  /** This run claimed the key: if the run fails before its batch is sent, the claim is released. */
  fresh: boolean
}

export async function planTotalsComment(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  t: CommentTarget,
  text: string,
): Promise<PlannedComment> {
  const key = effectKeys.totalsComment(memberId, t.kind, t.id)
  const update = (id: number): PlannedComment => ({
    key,
    adds: false,
    fresh: false,
    command: { method: 'crm.timeline.comment.update', params: { id, fields: { COMMENT: text } } },
  })
  const add = (fresh: boolean): PlannedComment => ({
    key,
    adds: true,
    fresh,
    command: {
      method: 'crm.timeline.comment.add',
      params: { fields: { ENTITY_ID: t.entityId, ENTITY_TYPE: t.entityType, COMMENT: text } },
    },
  })
  const claim = await ports.effects.claim<{ commentId: number }>(key, memberId)
  if (claim.state === 'done' && claim.result?.commentId) return update(claim.result.commentId)
  if (claim.state === 'pending') {
    const found = await findOurComment(client, t)
    if (found) {
      await ports.effects.complete(key, { commentId: found })
      return update(found)
    }
    // an attempt of unknown outcome: after its lease exactly one job takes over and adds; while the lease
    // runs (another mirror of the same counterparty may be adding it right now) retry later rather than add twice
    if (!(await ports.effects.takeOver(key, LEASE_MS)))
      throw new Error(`totals comment ${key} is being created by another job`)
    return add(false)
  }
  return add(claim.state === 'new')
}

/** Another job waits this long for an add whose outcome it cannot see before it takes over. */
const LEASE_MS = 60_000
/** The job holding the lease sends its add only this soon after taking it, so that a slow job never
 *  adds after another took over (the rest of the lease covers the request itself). */
const SEND_WITHIN_MS = 30_000

/** Sends the batch that carries the planned comments. Each add must still be within its lease (else the job
 *  stops before sending and retries); an answer that certainly did not reach the portal (503 / 429,
 *  refused by the rate limits) gives back the claims this run made. */
export async function sendWithComments(
  ports: ReceivablesPorts,
  client: PortalClient,
  commands: Record<string, BatchCommand>,
  planned: (PlannedComment | null)[],
): Promise<BatchResult> {
  for (const p of planned) {
    if (p?.adds && !(await ports.effects.leaseFresh(p.key, SEND_WITHIN_MS)))
      throw new Error(`totals comment ${p.key}: the lease lapsed before the add was sent`)
  }
  try {
    return await client.batch(commands, { halt: false, idempotent: false })
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 503 || status === 429) await releaseFresh(ports, planned)
    throw e
  }
}

async function findOurComment(client: PortalClient, t: CommentTarget): Promise<number | null> {
  const marker = legacyTotalsMarker(t.kind, t.id)
  const titles = t.kind === 'claim' ? claimTotalsTitles() : totalsTitles(t.kind)
  const ours = (text: string) => text.includes(marker) || titles.some((title) => text.split('\n')[0] === title)
  const rows = await client.call<{ ID: string | number; COMMENT: string }[]>('crm.timeline.comment.list', {
    filter: { ENTITY_ID: t.entityId, ENTITY_TYPE: t.entityType },
    select: ['ID', 'COMMENT'],
    order: { ID: 'DESC' },
  })
  const hit = (rows ?? []).find((r) => typeof r.COMMENT === 'string' && ours(r.COMMENT))
  return hit ? Number(hit.ID) : null
}

/** Planning failed before anything was sent: give back the keys this run claimed. */
export async function releaseFresh(ports: ReceivablesPorts, planned: (PlannedComment | null)[]): Promise<void> {
  for (const p of planned) if (p?.fresh) await ports.effects.release(p.key)
}

/** After the batch: a created comment's id is stored; a failed add is released so the next run adds it. */
export async function settleTotalsComment(
  ports: ReceivablesPorts,
  planned: PlannedComment,
  name: string,
  res: BatchResult,
): Promise<void> {
  if (!planned.adds) {
    // the comment was deleted in the portal: forget its id, the next mirror creates a new one
    if (res.errors[name]?.error === 'NOT_FOUND') await ports.effects.complete(planned.key, { commentId: null })
    return
  }
  if (res.errors[name]) {
    await ports.effects.release(planned.key)
    return
  }
  const id = Number(res.results[name])
  if (Number.isSafeInteger(id) && id > 0) await ports.effects.complete(planned.key, { commentId: id })
}
