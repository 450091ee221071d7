// An in-memory stand-in for one portal's REST API with the methods the dunning code calls, counting
// HTTP requests (one call, one batch, or one listAll page of 2,500 items = 1 request) and injecting
// faults: a 503 before the portal acts, or a lost answer after it did (seeded, reproducible).
// Used because the sandbox emulator is not in the tree yet.
import type { BatchCommand, BatchResult, Params, PortalClient, PortalClients } from '../../../server/bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../../server/bitrix24/errors.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'

export const RETID = 1038
export const CETID = 1042
const field = (suffix: string, i: number) => ({ upperName: `UF_CRM_7_RC_${suffix.toUpperCase()}`, restName: `ufCrm7Rc${suffix}`, id: 100 + i })
export const installState: InstallState = {
  appVersion: '1', baseUrl: 'https://app.test', eventHandlers: [], robots: [], placements: [], finishedAt: '2025-01-01T00:00:00Z',
  processes: {
    receivables: {
      typeId: 7, entityTypeId: RETID,
      pipelines: { main: { categoryId: 5, stages: Object.fromEntries(['NEW', 'AWAITING', 'OVERDUE', 'NEGOTIATION', 'SUCCESS', 'FAIL'].map((c) => [c, `DT${RETID}_5:${c}`])) } },
      fields: {
        nextReminderDate: field('NextReminder', 1), promisedDate: field('PromiseDate', 2), promisedAmount: field('PromiseAmount', 3),
        dunningPausedUntil: field('PausedUntil', 4), dunningPauseReason: field('PauseReason', 5), doNotDun: field('DoNotDun', 6),
        riskSegment: { ...field('Risk', 7), options: { low: 901, normal: 902, high: 903 } },
      },
    },
    claims: {
      typeId: 8, entityTypeId: CETID, fields: { debtPrincipal: { upperName: 'UF_CRM_8_RC_PRINCIPAL', restName: 'ufCrm8RcPrincipal', id: 201 } },
      pipelines: { recovery: { categoryId: 9, stages: { NEW: `DT${CETID}_9:NEW` } } },
    },
  },
}

type Row = Record<string, unknown>

/** A tiny seeded PRNG (mulberry32) so a faulty run is reproducible. */
export function seeded(seed: number) {
  let a = seed
  return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
}

export class FakePortal implements PortalClient, PortalClients {
  readonly memberId: string
  requests = 0
  nextId = 1000
  items = new Map<number, Row>()
  comments: Row[] = []
  activities: Row[] = []
  notifications: Row[] = []
  tasks: Row[] = []
  /** 0..1: share of requests that fail (half before the portal acts, half with the answer lost). */
  faultRate = 0
  random = seeded(42)
  /** What time the portal thinks it is (set by the test clock). */
  now = () => new Date()

  constructor(memberId: string) { this.memberId = memberId }
  async forPortal(): Promise<PortalClient> { return this }

  /** Request numbers after which the worker "dies" (the portal did the work, the job never hears). */
  killAfter = new Set<number>()

  private async run<T>(fn: () => T): Promise<T> {
    const n = ++this.requests
    const r = this.faultRate ? this.random() : 1
    if (r < this.faultRate / 2) throw new Bitrix24Error('INTERNAL_SERVER_ERROR', 'injected 503', 503, true)
    const out = fn()
    if (r < this.faultRate) throw new Bitrix24Error('NETWORK_ERROR', 'injected lost answer', 0, true)
    if (this.killAfter.delete(n)) throw new Error('worker killed')
    return out
  }

  async call<T>(method: string, params: Params = {}): Promise<T> { return this.run(() => this.exec(method, params) as T) }
  async callPage<T>(method: string, params: Params = {}) { return this.run(() => ({ result: this.exec(method, params) as T, total: null, next: null })) }
  async batch<T>(commands: Record<string, BatchCommand>): Promise<BatchResult<T>> {
    this.requests += Math.max(0, Math.ceil(Object.keys(commands).length / 50) - 1)
    return this.run(() => {
      const out: BatchResult<T> = { results: {}, errors: {}, totals: {} }
      for (const [k, c] of Object.entries(commands)) {
        try { out.results[k] = this.exec(c.method, c.params ?? {}) as T } catch (e) { out.errors[k] = { error: (e as Bitrix24Error).code, error_description: (e as Error).message } }
      }
      return out
    })
  }
  async listAll<T>(method: string, params: Params): Promise<T[]> {
    const all = (this.exec(method, params) as { items: T[] }).items
    for (let i = 0; i < Math.max(1, Math.ceil(all.length / 2500)); i++) await this.run(() => null)
    return all
  }

  private exec(method: string, p: Params): unknown {
    const f = (p.fields ?? {}) as Row
    const at = this.now().toISOString()
    switch (method) {
      case 'crm.item.list': {
        const filter = (p.filter ?? {}) as Row
        const items = [...this.items.values()].filter((it) => it.entityTypeId === p.entityTypeId && (filter.xmlId === undefined || it.xmlId === filter.xmlId))
        return { items: items.map((it) => ({ ...it })) }
      }
      case 'crm.item.add': { const id = ++this.nextId; this.items.set(id, { id, entityTypeId: p.entityTypeId, ...f, createdAt: at }); return { item: { id } } }
      case 'crm.item.update': {
        const it = this.items.get(Number(p.id))
        if (!it) throw new Bitrix24Error('NOT_FOUND', 'Item not found', 400, false)
        Object.assign(it, f)
        return { item: { ...it } }
      }
      case 'crm.activity.add': { const id = ++this.nextId; this.activities.push({ ID: id, ...f, at }); return id }
      case 'crm.activity.list': { const fl = p.filter as Row; return this.activities.filter((a) => a.ORIGIN_ID === fl.ORIGIN_ID).map((a) => ({ ID: a.ID })) }
      case 'crm.timeline.comment.add': { const id = ++this.nextId; this.comments.push({ ID: id, ...f, at }); return id }
      case 'crm.timeline.comment.list': { const fl = p.filter as Row; return this.comments.filter((c) => c.ENTITY_TYPE === fl.ENTITY_TYPE && c.ENTITY_ID === fl.ENTITY_ID) }
      case 'tasks.task.add': { const id = ++this.nextId; this.tasks.push({ id, ...f, at }); return { task: { id: String(id) } } }
      case 'tasks.task.list': { const fl = p.filter as Row; return { tasks: this.tasks.filter((t) => t.XML_ID === fl.XML_ID).map((t) => ({ id: String(t.id) })) } }
      case 'im.notify.system.add': { this.notifications = this.notifications.filter((n) => n.TAG !== p.TAG).concat([{ ...p, at }]); return ++this.nextId }
      case 'user.get': return [{ ID: p.ID, NAME: 'Ivan', LAST_NAME: `Manager${String(p.ID)}` }]
      case 'crm.company.get': return { ID: p.id, EMAIL: [{ VALUE: `cp${String(p.id)}@client.test` }] }
      default: throw new Bitrix24Error('ERROR_METHOD_NOT_FOUND', `fake portal has no ${method}`, 404, false)
    }
  }
}
