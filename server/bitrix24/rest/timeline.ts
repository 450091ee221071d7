// Timeline comments (crm.timeline.comment.*): ENTITY_TYPE 'company' | 'contact' | 'dynamic_<type>'.
import type { PortalClient } from '../client/portal-client.ts'

export interface TimelineComment {
  ID: string
  ENTITY_ID: string
  ENTITY_TYPE: string
  COMMENT: string
  CREATED?: string
  AUTHOR_ID?: string
}
export interface TimelineTarget {
  ENTITY_TYPE: string
  ENTITY_ID: number
}

export const timelineTarget = (kind: 'company' | 'contact' | number, id: number): TimelineTarget => ({
  ENTITY_TYPE: typeof kind === 'number' ? `dynamic_${kind}` : kind,
  ENTITY_ID: id,
})

export const timeline = {
  list: (
    c: PortalClient,
    t: TimelineTarget,
    select = ['ID', 'COMMENT', 'CREATED', 'AUTHOR_ID'],
  ): Promise<TimelineComment[]> => c.call<TimelineComment[]>('crm.timeline.comment.list', { filter: t, select }),
  /** Not idempotent: callers key it (effects table) or look it up by its text first. */
  add: async (c: PortalClient, t: TimelineTarget, comment: string): Promise<number> =>
    Number(await c.call('crm.timeline.comment.add', { fields: { ...t, COMMENT: comment } }, { idempotent: false })),
  update: (c: PortalClient, id: number, t: TimelineTarget, comment: string): Promise<unknown> =>
    c.call('crm.timeline.comment.update', { id, fields: { ...t, COMMENT: comment } }),
}
