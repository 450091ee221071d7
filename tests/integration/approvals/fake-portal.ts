// An in-memory stand-in for one portal's REST API with only what the approvals code calls (the
// sandbox emulator is not available yet): SPA items with stage moves, users and departments with
// UF_HEAD, tasks with PARENT_ID / UF_CRM_TASK / checklists, and system notifications.
import type { BatchCommand, BatchResult, Params, PortalClient, PortalClients } from '../../../server/bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../../server/bitrix24/errors.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'

export const ETID = 1040
const CAT = { payments: 7, contracts: 8 }
const stagesOf = (cat: number, codes: string[]) => Object.fromEntries(codes.map((c) => [c, `DT${ETID}_${cat}:${c}`]))
const FIELDS = [['counterparty', 'Counterparty'], ['amount', 'Amount'], ['costItem', 'CostItem'], ['invoiceFile', 'InvoiceFile'], ['paymentDeadline', 'Deadline'],
  ['initiator', 'Initiator'], ['approver', 'Approver'], ['rejectionReason', 'RejectReason'], ['pauseReason', 'PauseReason'], ['paymentOrderFile', 'PaymentOrder']]
export const F = Object.fromEntries(FIELDS.map(([k, s]) => [k, `ufCrm9Rc${s}`])) as Record<string, string>
export const COST = { goods: 301, services: 302, it: 305 }

export const installState: InstallState = {
  appVersion: '1', baseUrl: 'https://app.test', eventHandlers: [], robots: [], placements: [], finishedAt: '2025-01-01T00:00:00Z',
  processes: {
    approvals: {
      typeId: 9, entityTypeId: ETID,
      pipelines: {
        payments: { categoryId: CAT.payments, stages: stagesOf(CAT.payments, ['NEW', 'HEAD_APPROVAL', 'FINANCE_REVIEW', 'DOCS_REQUEST', 'FROZEN', 'ACCOUNTING', 'SUCCESS', 'FAIL']) },
        contracts: { categoryId: CAT.contracts, stages: stagesOf(CAT.contracts, ['NEW', 'LEGAL_REVIEW', 'HEAD_APPROVAL', 'SIGNING', 'SUCCESS', 'FAIL']) },
      },
      fields: Object.fromEntries(FIELDS.map(([k, s], i) => [k, {
        upperName: `UF_CRM_9_RC_${s.toUpperCase()}`, restName: F[k], id: 200 + i,
        ...(k === 'costItem' ? { options: { goods: COST.goods, services: COST.services, it: COST.it } } : {}),
      }])),
    },
  },
}

type Row = Record<string, unknown>
const notFound = (what: string) => new Bitrix24Error('NOT_FOUND', `${what} not found`, 400, false)

export class FakePortal implements PortalClient, PortalClients {
  readonly memberId: string
  /** The user whose token the app uses (its stage moves are made by this user). */
  appUserId = 1
  items = new Map<number, Row>()
  users = new Map<number, { departments: number[] }>()
  departments = new Map<number, { parent: number | null; head: number | null }>()
  tasks = new Map<number, Row>()
  checklist: Row[] = []
  notifications: Row[] = []
  calls: string[] = []
  /** The next call of this method is executed but its answer is lost (network error after the portal did it). */
  loseAnswerOf: string | null = null
  private seq = 500

  constructor(memberId: string) { this.memberId = memberId }
  async forPortal(): Promise<PortalClient> { return this }

  stageOf(id: number): string { return String(this.items.get(id)!.stageId).split(':')[1] }
  /** A person saves the card (or creates it): fields merged, a stage move recorded as theirs. */
  userEdit(userId: number, id: number | null, fields: Row, pipeline: 'payments' | 'contracts' = 'payments'): number {
    const itemId = id ?? ++this.seq
    const prev = this.items.get(itemId) ?? { id: itemId, entityTypeId: ETID, categoryId: CAT[pipeline], stageId: `DT${ETID}_${CAT[pipeline]}:NEW`, createdBy: userId, title: `Request ${itemId}` }
    const stage = typeof fields.stage === 'string' ? `DT${ETID}_${prev.categoryId}:${fields.stage}` : prev.stageId
    const { stage: _s, ...rest } = fields
    this.items.set(itemId, { ...prev, ...rest, stageId: stage, updatedBy: userId, ...(stage !== prev.stageId ? { movedBy: userId } : {}) })
    return itemId
  }
  completeTask(id: number): void { this.tasks.get(id)!.status = '5' }
  notificationsTo(userId: number): string[] { return this.notifications.filter((n) => Number(n.USER_ID) === userId).map((n) => String(n.MESSAGE)) }

  async call<T>(method: string, params: Params = {}): Promise<T> {
    this.calls.push(method)
    const out = this.run(method, params) as T
    if (this.loseAnswerOf === method) { this.loseAnswerOf = null; throw new Bitrix24Error('NETWORK_ERROR', 'socket hang up', 0, true) }
    return out
  }
  async callPage<T>(method: string, params: Params = {}) { return { result: await this.call<T>(method, params), total: null, next: null } }
  async batch<T>(commands: Record<string, BatchCommand>): Promise<BatchResult<T>> {
    const out: BatchResult<T> = { results: {}, errors: {}, totals: {} }
    for (const [k, c] of Object.entries(commands)) out.results[k] = await this.call<T>(c.method, c.params)
    return out
  }
  async listAll<T>(method: string, params: Params): Promise<T[]> { return this.call<T[]>(method, params) }

  private run(method: string, p: Params): unknown {
    const f = (p.fields ?? {}) as Row
    switch (method) {
      case 'crm.item.get': { const it = this.items.get(Number(p.id)); if (!it) throw notFound('Item'); return { item: { ...it } } }
      case 'crm.item.update': {
        const it = this.items.get(Number(p.id)); if (!it) throw notFound('Item')
        const moved = f.stageId !== undefined && f.stageId !== it.stageId
        Object.assign(it, f, { updatedBy: this.appUserId }, moved ? { movedBy: this.appUserId } : {})
        return { item: { ...it } }
      }
      case 'user.get': { const u = this.users.get(Number(p.ID)); return u ? [{ ID: String(p.ID), UF_DEPARTMENT: u.departments }] : [] }
      case 'department.get': {
        const d = this.departments.get(Number(p.ID))
        return d ? [{ ID: String(p.ID), PARENT: d.parent === null ? undefined : String(d.parent), ...(d.head ? { UF_HEAD: String(d.head) } : {}) }] : []
      }
      case 'im.notify.system.add': this.notifications.push({ ...p }); return ++this.seq
      case 'tasks.task.add': {
        if (!f.TITLE || !f.RESPONSIBLE_ID) throw new Bitrix24Error('ERROR_CORE', 'TITLE and RESPONSIBLE_ID are required', 400, false)
        const id = ++this.seq
        this.tasks.set(id, { ...f, ID: id, status: '2' })
        return { task: { id: String(id), title: f.TITLE, status: '2' } }
      }
      case 'tasks.task.list': {
        const fl = (p.filter ?? {}) as Row
        const tasks = [...this.tasks.values()].filter((t) => (t.UF_CRM_TASK as string[]).includes(String(fl.UF_CRM_TASK)) && (fl.TITLE === undefined || t.TITLE === fl.TITLE))
        return { tasks: tasks.map((t) => ({ id: String(t.ID) })) }
      }
      case 'tasks.task.get': { const t = this.tasks.get(Number(p.taskId)); if (!t) throw notFound('Task'); return { task: { id: String(t.ID), status: t.status } } }
      case 'task.checklistitem.add': this.checklist.push({ TASKID: p.TASKID, ...(p.FIELDS as Row) }); return ++this.seq
      default: throw new Bitrix24Error('ERROR_METHOD_NOT_FOUND', `fake portal has no ${method}`, 404, false)
    }
  }
}
