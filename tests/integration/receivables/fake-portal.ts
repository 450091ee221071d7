// A small in-memory stand-in for one portal's REST API (only the methods the receivables code
// calls), counting HTTP requests like the sandbox does: one call, one page or one batch = 1 request.
// Used until the sandbox emulator is available; the assertions are about our code's behaviour.
import type { BatchCommand, BatchResult, ListPage, Params, PortalClient, PortalClients } from '../../../server/bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../../server/bitrix24/errors.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'

export const ETID = 1038
export const installState: InstallState = {
  appVersion: '1', baseUrl: 'https://app.test', eventHandlers: [], robots: [], placements: [], finishedAt: '2025-01-01T00:00:00Z',
  processes: {
    receivables: {
      typeId: 7, entityTypeId: ETID,
      pipelines: { main: { categoryId: 5, stages: Object.fromEntries(['NEW', 'SENT', 'AWAITING', 'CHECK', 'REMINDER', 'PARTIAL', 'OVERDUE', 'NEGOTIATION', 'SUCCESS', 'FAIL'].map((c) => [c, `DT${ETID}_5:${c}`])) } },
      fields: Object.fromEntries([['invoiceNumber', 'InvoiceNo'], ['invoiceDate', 'InvoiceDate'], ['dueDate', 'DueDate'], ['amount', 'Amount'], ['paid', 'Paid'],
        ['remaining', 'Remaining'], ['currency', 'Currency'], ['daysOverdue', 'DaysOverdue'], ['invoiceFile', 'InvoiceFile']]
        .map(([k, s], i) => [k, { upperName: `UF_CRM_7_RC_${s.toUpperCase()}`, restName: `ufCrm7Rc${s}`, id: 100 + i }])),
    },
  },
}

type Row = Record<string, unknown>

// ids are unique across portals of one test file, as item ids of a shared ledger must be
const nextId = { value: 100 }
const clock = { value: Date.parse('2025-03-01T10:00:00Z') }

export class FakePortal implements PortalClient, PortalClients {
  readonly memberId: string
  requests = 0
  items = new Map<number, Row>()
  comments = new Map<number, Row>()
  activities: Row[] = []
  notifications: Row[] = []
  parties = new Map<string, Row>()
  /** The next n requests answer HTTP 503. */
  failNext = 0
  /** The next call or batch is executed but its answer is lost (network error after the portal did it). */
  loseNextAnswer = false

  constructor(memberId: string) { this.memberId = memberId }
  async forPortal(): Promise<PortalClient> { return this }

  addItem(fields: Row): number {
    const id = ++nextId.value
    this.items.set(id, { id, entityTypeId: ETID, stageId: `DT${ETID}_5:NEW`, ...fields, updatedTime: this.tick() })
    return id
  }
  editItem(id: number, fields: Row): void { Object.assign(this.items.get(id)!, fields, { updatedTime: this.tick() }) }
  stageOf(id: number): string { return String(this.items.get(id)!.stageId).split(':')[1] }
  private tick(): string { clock.value += 1000; return new Date(clock.value).toISOString().replace('Z', '+00:00') }

  private enter(): void {
    this.requests++
    if (this.failNext > 0) { this.failNext--; throw new Bitrix24Error('QUERY_LIMIT_EXCEEDED', 'Too many requests', 503, true) }
  }

  async call<T>(method: string, params: Params = {}): Promise<T> {
    this.enter()
    const result = this.run(method, params) as T
    if (this.loseNextAnswer) { this.loseNextAnswer = false; throw new Bitrix24Error('NETWORK_ERROR', 'socket hang up', 0, true) }
    return result
  }
  async callPage<T>(method: string, params: Params = {}): Promise<{ result: T; total: number | null; next: number | null }> {
    this.enter()
    return { result: this.run(method, params) as T, total: null, next: null }
  }
  async batch<T>(commands: Record<string, BatchCommand>, opts: { halt?: boolean } = {}): Promise<BatchResult<T>> {
    this.enter()
    const out: BatchResult<T> = { results: {}, errors: {}, totals: {} }
    for (const [key, c] of Object.entries(commands)) {
      try {
        out.results[key] = this.run(c.method, resolveRefs(c.params ?? {}, out.results)) as T
      } catch (e) {
        out.errors[key] = { error: (e as Bitrix24Error).code ?? 'ERROR', error_description: (e as Error).message }
        if (opts.halt) break
      }
    }
    if (this.loseNextAnswer) { this.loseNextAnswer = false; throw new Bitrix24Error('NETWORK_ERROR', 'socket hang up', 0, true) }
    return out
  }
  async listAll<T>(method: string, params: Params): Promise<T[]> {
    this.enter()
    return (this.run(method, params) as { items: T[] }).items
  }

  private run(method: string, p: Params): unknown {
    const f = (p.fields ?? {}) as Row
    switch (method) {
      case 'crm.item.get': { const it = this.items.get(Number(p.id)); if (!it) throw new Bitrix24Error('NOT_FOUND', 'Item not found', 400, false); return { item: { ...it } } }
      case 'crm.item.add': return { item: { id: this.addItem(f) } }
      case 'crm.item.update': { if (!this.items.has(Number(p.id))) throw new Bitrix24Error('NOT_FOUND', 'Item not found', 400, false); this.editItem(Number(p.id), f); return { item: this.items.get(Number(p.id)) } }
      case 'crm.item.list': {
        const filter = (p.filter ?? {}) as Row
        return { items: [...this.items.values()].filter((it) => (filter.xmlId === undefined || it.xmlId === filter.xmlId)
          && (filter['>=updatedTime'] === undefined || Date.parse(String(it.updatedTime)) >= Date.parse(String(filter['>=updatedTime'])))).map((it) => ({ ...it })) }
      }
      case 'crm.company.get': case 'crm.contact.get': {
        const party = this.parties.get(`${method === 'crm.company.get' ? 'company' : 'contact'}:${Number(p.id)}`)
        if (!party) throw new Bitrix24Error('NOT_FOUND', 'Not found', 400, false)
        return party
      }
      case 'crm.timeline.comment.add': { const id = ++nextId.value; this.comments.set(id, { ID: id, ...f }); return id }
      case 'crm.timeline.comment.update': { const c = this.comments.get(Number(p.id)); if (!c) throw new Bitrix24Error('NOT_FOUND', 'Not found', 400, false); Object.assign(c, f); return id(p) }
      case 'crm.timeline.comment.list': {
        const filter = p.filter as Row
        return [...this.comments.values()].filter((c) => String(c.ENTITY_TYPE) === String(filter.ENTITY_TYPE) && Number(c.ENTITY_ID) === Number(filter.ENTITY_ID))
      }
      case 'im.notify.system.add': this.notifications = this.notifications.filter((n) => n.TAG !== p.TAG).concat([p]); return ++nextId.value
      case 'crm.activity.add': { const a = { ID: ++nextId.value, ...f }; this.activities.push(a); return a.ID }
      case 'crm.activity.list': { const fl = p.filter as Row; return this.activities.filter((a) => a.OWNER_ID === fl.OWNER_ID && a.SUBJECT === fl.SUBJECT) }
      default: throw new Bitrix24Error('ERROR_METHOD_NOT_FOUND', `fake portal has no ${method}`, 404, false)
    }
  }

  commentsOn(entityType: string, entityId: number): Row[] {
    return [...this.comments.values()].filter((c) => c.ENTITY_TYPE === entityType && Number(c.ENTITY_ID) === entityId)
  }
}

const id = (p: Params) => Number(p.id)

function resolveRefs(params: Params, results: Record<string, unknown>): Params {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith('$result[')) {
      const path = [...v.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1])
      return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Row)[k] : undefined), results)
    }
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(params) as Params
}

export type { ListPage }
