// Drives the receivables code against the sandbox world (startReceivablesSandbox) the way the worker
// would, but step by step: the production ports on the production portal client, a test clock, a
// captured mirror queue drained in order (a failed attempt retried like pg-boss), and readers of the
// portal's state straight from the sandbox (items, comments, activities, notifications, counters).
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { receivablesPorts, type ReceivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { handleReceivableItemEvent } from '../../../server/use-cases/receivables/handle-receivable-item-event.ts'
import { mirrorReceivable } from '../../../server/use-cases/receivables/mirror-receivable.ts'
import type { MirrorJobData } from '../../../server/use-cases/receivables/enqueue-mirror.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'
import { startReceivablesSandbox, type SandboxWorld } from './sandbox-world.ts'

type Row = Record<string, unknown>

export interface DriverState {
  w: SandboxWorld
  now: Date
  queued: MirrorJobData[]
  seen: Set<string>
}

export function useReceivablesSandbox() {
  const s: DriverState = {
    w: null as unknown as SandboxWorld,
    now: new Date('2025-03-05T09:00:00Z'),
    queued: [],
    seen: new Set(),
  }
  const d = Object.assign(s, driver(s))
  beforeAll(async () => {
    s.w = await startReceivablesSandbox()
  }, 60_000)
  // the sandbox first: its event deliveries still in flight would hold our server's close for a minute
  afterAll(async () => {
    await s.w.close()
  }, 30_000)
  beforeEach(() => {
    s.now = new Date('2025-03-05T09:00:00Z')
    s.queued = []
  })
  return d
}

function driver(s: DriverState) {
  const ports = (): ReceivablesPorts => ({
    ...receivablesPorts(s.w.ctx, { clients: s.w.client, installState: async () => s.w.installState, now: () => s.now }),
    send: async (_n, data, o) => {
      if (!s.seen.has(o.key!)) {
        s.seen.add(o.key!)
        s.queued.push(data as MirrorJobData)
      }
    },
  })
  /** Runs the queued mirror jobs like the worker: a failed attempt is retried (pg-boss backs off). */
  async function drain(): Promise<number> {
    let attempts = 0
    while (s.queued.length) {
      attempts++
      try {
        await mirrorReceivable(ports(), s.queued[0])
        s.queued.shift()
      } catch (e) {
        if (attempts > 5) throw e
      }
    }
    return attempts
  }
  const field = (key: string): string => s.w.installState.processes.receivables!.fields[key].restName
  const stage = (code: string): string =>
    Object.values(s.w.installState.processes.receivables!.pipelines)[0]!.stages[code]!
  async function getItem(id: number): Promise<Row> {
    return (
      await s.w.sb.admin.call<{ item: Row }>(s.w.portalId, 'crm.item.get', { entityTypeId: s.w.entityTypeId, id })
    ).result.item
  }
  const commentsOn = (type: string, id: number): Row[] =>
    s.w.sb.admin
      .comments(s.w.portalId)
      .filter(
        (c) => String(c.ENTITY_TYPE ?? c.entityType).toLowerCase() === type && Number(c.ENTITY_ID ?? c.entityId) === id,
      )
  /** A person creates an invoice item in the portal (events off: the test calls the handler). */
  async function portalItem(n: string, kopecks: number, due: string, extra: Row = {}): Promise<number> {
    const { item } = (
      await s.w.sb.admin.call<{ item: { id: number } }>(
        s.w.portalId,
        'crm.item.add',
        {
          entityTypeId: s.w.entityTypeId,
          fields: {
            title: n,
            companyId: s.w.companyId,
            assignedById: s.w.managerId,
            [field('invoiceNumber')]: n,
            [field('invoiceDate')]: '2025-03-01',
            [field('dueDate')]: due,
            [field('amount')]: `${kopecks / 100}|RUB`,
            [field('currency')]: 'RUB',
            ...extra,
          },
        },
        { events: false },
      )
    ).result
    return item.id
  }
  return {
    ports,
    drain,
    field,
    stage,
    getItem,
    commentsOn,
    portalItem,
    who: () => ({ memberId: s.w.memberId, actor: 'user:1', source: 'ui' }),
    /** A card field as the portal shows it (money "1000|RUB" or "1000.00|RUB" alike -> kopecks|currency). */
    async money(id: number, key: string): Promise<string> {
      const [n, cur] = String((await getItem(id))[field(key)] ?? '').split('|')
      return `${Math.round(Number(n) * 100)}|${cur}`
    },
    stageOf: async (id: number): Promise<string> => String((await getItem(id)).stageId).split(':')[1],
    rec: async (itemId: number) => (await receivablesRepository(s.w.ctx.database.db).getByItem(s.w.memberId, itemId))!,
    requests: (): number => s.w.sb.admin.counters(s.w.portalId).requests,
    itemComments: (id: number): Row[] => commentsOn(`dynamic_${s.w.entityTypeId}`, id),
    activitiesOn: (itemId: number): Row[] =>
      s.w.sb.admin
        .activities(s.w.portalId)
        .filter((a) => Number(a.OWNER_TYPE_ID) === s.w.entityTypeId && Number(a.OWNER_ID) === itemId),
    notificationsTo: (userId: number, about: string): Row[] =>
      s.w.sb.admin
        .notifications(s.w.portalId)
        .filter((n) => !n.removed && Number(n.userId) === userId && String(n.message).includes(about)),
    /** A person saves the card (events off: the test calls the handler). */
    async edit(id: number, fields: Row, userId = s.w.managerId): Promise<void> {
      await s.w.sb.admin.call(
        s.w.portalId,
        'crm.item.update',
        { entityTypeId: s.w.entityTypeId, id, fields },
        { userId, events: false },
      )
    },
    async newReceivable(n: string, kopecks: number, due: string, extra: Row = {}): Promise<number> {
      const id = await portalItem(n, kopecks, due, extra)
      await handleReceivableItemEvent(ports(), s.w.memberId, s.w.entityTypeId, id)
      await drain()
      return id
    },
  }
}
