// tasks.task.* (reference 11): UPPER input, camelCase output, UF_CRM_TASK bindings, statuses,
// ONTASKADD/UPDATE/DELETE events; task.checklistitem.add|getlist.
import { RestError } from '../rest/errors.ts'
import { taskList } from './task-list.ts'
import { isoAt, parseInstant } from '../util/time.ts'
import { list, obj, pick } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

const DATES = new Set([
  'CREATED_DATE',
  'CHANGED_DATE',
  'CLOSED_DATE',
  'DEADLINE',
  'START_DATE_PLAN',
  'END_DATE_PLAN',
  'DATE_START',
  'STATUS_CHANGED_DATE',
])
const HIDDEN_UF = ['UF_CRM_TASK', 'UF_TASK_WEBDAV_FILES', 'UF_MAIL_MESSAGE']
const camel = (k: string) => k.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
const notFound = () =>
  new RestError(
    'ERROR_CORE',
    'TASKS_ERROR_EXCEPTION_#256; Task not found or not accessible; 256/TE/ACTION_NOT_ALLOWED',
    400,
  )

/** Keep a UF_CRM_TASK binding only if its target accepts task links (reference 11). */
function validBinding(ctx: Ctx, b: string): boolean {
  const m = /^([A-Za-z]+)([0-9a-f]*)_(\d+)$/.exec(b)
  if (!m) return false
  if (m[1] === 'T' && m[2]) {
    const type = ctx.ps.typeByEntityTypeId(parseInt(m[2], 16))
    const linked = obj(type?.linkedUserFields)['TASKS_TASK|UF_CRM_TASK']
    return Boolean(
      type &&
      type.isUseInUserfieldEnabled === 'Y' &&
      linked === 'Y' &&
      ctx.ps.items(Number(type.entityTypeId)).get(Number(m[3])),
    )
  }
  return ['L', 'D', 'C', 'CO', 'SI', 'Q'].includes(m[1])
}

/** Field sets of tasks.task.approve: the creator's acceptance completes a task awaiting control. */
const approving = new WeakSet<object>()

function applyFields(ctx: Ctx, prev: Rec | null, f: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(prev ?? {}) }
  for (const [k0, v] of Object.entries(f)) {
    const k = k0.toUpperCase()
    if (k === 'ID') continue
    if (DATES.has(k)) next[k] = v === '' || v === null ? null : parseInstant(v, ctx.zone)
    else if (k === 'UF_CRM_TASK')
      next[k] = list(v)
        .map(String)
        .filter((b) => validBinding(ctx, b))
    else if (k === 'TASK_CONTROL') next[k] = v === 'Y' || v === true || v === '1' ? 'Y' : 'N'
    else if (['ACCOMPLICES', 'AUDITORS'].includes(k)) next[k] = list(v).map(Number)
    else if (['RESPONSIBLE_ID', 'CREATED_BY', 'PARENT_ID', 'GROUP_ID', 'PRIORITY', 'STATUS'].includes(k))
      next[k] = Number(v)
    else next[k] = v
  }
  if (!prev) {
    if (!next.TITLE) throw new RestError('ERROR_CORE', 'Не указано название задачи; TITLE is required', 400)
    if (!next.RESPONSIBLE_ID) throw new RestError('ERROR_CORE', 'RESPONSIBLE_ID is required', 400)
    next.CREATED_BY ??= ctx.user.id
    next.CREATED_DATE = ctx.now
    next.STATUS ??= 2
    next.PRIORITY ??= 1
    next.PARENT_ID ??= 0
    next.GROUP_ID ??= 0
    next.DESCRIPTION ??= ''
    next.ACCOMPLICES ??= []
    next.AUDITORS ??= []
    next.UF_CRM_TASK ??= []
    // the creator's "task control" default (sandbox admin setTaskControl), unless the call sets it
    next.TASK_CONTROL ??= ctx.ps.portal.taskControl ? 'Y' : 'N'
  }
  // api-reference/tasks/fields.md (taskControl), tasks-task-approve.md: with task control on, a task completed
  // by anyone but its creator stops at 4 "awaiting control" until the creator approves it
  const setsStatus = Object.keys(f).some((k) => k.toUpperCase() === 'STATUS')
  if (setsStatus && next.STATUS === 5 && !approving.has(f) && prev?.STATUS !== 5)
    if (next.TASK_CONTROL === 'Y' && Number(next.CREATED_BY) !== ctx.user.id) next.STATUS = 4
  if (prev && next.STATUS !== prev.STATUS) {
    next.STATUS_CHANGED_DATE = ctx.now
    next.STATUS_CHANGED_BY = ctx.user.id
    if (next.STATUS === 5) {
      next.CLOSED_DATE = ctx.now
      next.CLOSED_BY = ctx.user.id
    }
  }
  if (next.PARENT_ID && !ctx.ps.tasks.get(Number(next.PARENT_ID)))
    throw new RestError('ERROR_CORE', 'Parent task not found', 400)
  next.CHANGED_DATE = ctx.now
  next.CHANGED_BY = ctx.user.id
  return next
}

export function taskOut(ctx: Ctx, t: Rec, select?: unknown): Record<string, unknown> {
  const sel = list(select).map((s) => String(s).toUpperCase())
  const withUf = sel.some((s) => HIDDEN_UF.includes(s) || s === 'UF_*')
  const out: Record<string, unknown> = { id: String(t.id) }
  for (const [k, v] of Object.entries(t)) {
    if (k === 'id') continue
    if (HIDDEN_UF.includes(k) && !withUf) continue
    if (sel.length && !sel.includes('*') && !sel.includes(k) && !(HIDDEN_UF.includes(k) && withUf)) continue
    out[camel(k)] = DATES.has(k) ? (v ? isoAt(Number(v), ctx.zone) : null) : typeof v === 'number' ? String(v) : v
  }
  if (withUf) for (const k of HIDDEN_UF) out[camel(k)] ??= k === 'UF_CRM_TASK' ? (t[k] ?? []) : false
  return out
}

function taskById(ctx: Ctx, p: Params): Rec {
  const t = ctx.ps.tasks.get(Number(pick(p, 'taskId', 'TASKID', 'id') ?? 0))
  if (!t) throw notFound()
  return t
}

function emitTask(ctx: Ctx, ev: 'ADD' | 'UPDATE' | 'DELETE', id: number): void {
  const ref = { ID: String(id) }
  ctx.hooks.emit(ctx, `ONTASK${ev}`, {
    FIELDS_BEFORE: ev === 'ADD' ? 'undefined' : ref,
    FIELDS_AFTER: ev === 'DELETE' ? 'undefined' : ref,
    IS_ACCESSIBLE_BEFORE: ev === 'ADD' ? 'N' : 'Y',
    IS_ACCESSIBLE_AFTER: ev === 'DELETE' ? 'undefined' : 'Y',
  })
}

/** tasks.task.approve / disapprove (api-reference/tasks/tasks-task-approve.md, -disapprove.md): creator or admin,
 * only on a task awaiting control (status 4); approve completes it, disapprove returns it to the performer. */
function control(ctx: Ctx, p: Params, approve: boolean) {
  const t = taskById(ctx, p)
  if (Number(t.CREATED_BY) !== ctx.user.id && !ctx.user.isAdmin)
    throw new RestError('ERROR_CORE', 'TASKS_ERROR_EXCEPTION_#8; Action not allowed; 8/TE/ACTION_NOT_ALLOWED', 400)
  if (t.STATUS !== 4) throw new RestError('ERROR_CORE', 'TASKS_ERROR_EXCEPTION_#8; Action not allowed', 400)
  const f = { STATUS: approve ? 5 : 2 }
  approving.add(f)
  return update(ctx, p, f)
}

function update(ctx: Ctx, p: Params, fields: Record<string, unknown>) {
  const prev = taskById(ctx, p)
  const next = ctx.ps.tasks.save(applyFields(ctx, prev, fields) as Rec)
  emitTask(ctx, 'UPDATE', next.id)
  return { result: { task: taskOut(ctx, next) } }
}

function checklistAdd(ctx: Ctx, p: Params) {
  const taskId = Number(pick(p, 'TASKID', 'taskId', '0'))
  const f = obj(pick(p, 'FIELDS', 'fields', '1'))
  if (!ctx.ps.tasks.get(taskId)) throw notFound()
  if (!f.TITLE) throw new RestError('ERROR_CORE', 'TITLE is required', 400)
  const item = ctx.ps.checklist.insert({
    TASK_ID: taskId,
    PARENT_ID: f.PARENT_ID === undefined ? null : Number(f.PARENT_ID),
    TITLE: String(f.TITLE),
    SORT_INDEX: Number(f.SORT_INDEX ?? 0),
    IS_COMPLETE: f.IS_COMPLETE === 'Y' ? 'Y' : 'N',
    IS_IMPORTANT: f.IS_IMPORTANT === 'Y' ? 'Y' : 'N',
    MEMBERS: f.MEMBERS ?? [],
    CREATED_BY: ctx.user.id,
  })
  return { result: item.id }
}

/**
 * task.commentitem.add { TASKID, FIELDS: { POST_MESSAGE*, AUTHOR_ID, POST_DATE } }, positional
 * [TASKID, FIELDS] accepted too -> result: the comment id. Adding still works in the chat-based task card;
 * update/delete/getlist no longer do (reference §11, api-reference/tasks/comment-item/task-comment-item-add.md).
 */
function commentAdd(ctx: Ctx, p: Params) {
  const taskId = Number(pick(p, 'TASKID', 'taskId', '0'))
  const f = obj(pick(p, 'FIELDS', 'fields', '1'))
  if (!ctx.ps.tasks.get(taskId)) throw notFound()
  if (typeof f.POST_MESSAGE !== 'string' || !f.POST_MESSAGE.trim())
    throw new RestError('ERROR_CORE', 'POST_MESSAGE is required', 400)
  const c = ctx.ps.taskComments.insert({
    TASK_ID: taskId,
    POST_MESSAGE: f.POST_MESSAGE,
    AUTHOR_ID: Number(f.AUTHOR_ID ?? ctx.user.id),
    POST_DATE: ctx.now,
  })
  return { result: c.id }
}

export const taskMethods: MethodTable = {
  'tasks.task.add': {
    scope: 'task',
    write: true,
    handler: (ctx, p) => {
      const t = ctx.ps.tasks.insert(applyFields(ctx, null, obj(p.fields)) as Rec)
      emitTask(ctx, 'ADD', t.id)
      return { result: { task: taskOut(ctx, t) } }
    },
  },
  'tasks.task.update': { scope: 'task', write: true, handler: (ctx, p) => update(ctx, p, obj(p.fields)) },
  'tasks.task.complete': { scope: 'task', write: true, handler: (ctx, p) => update(ctx, p, { STATUS: 5 }) },
  'tasks.task.start': { scope: 'task', write: true, handler: (ctx, p) => update(ctx, p, { STATUS: 3 }) },
  'tasks.task.defer': { scope: 'task', write: true, handler: (ctx, p) => update(ctx, p, { STATUS: 6 }) },
  'tasks.task.renew': { scope: 'task', write: true, handler: (ctx, p) => update(ctx, p, { STATUS: 2 }) },
  'tasks.task.approve': { scope: 'task', write: true, handler: (ctx, p) => control(ctx, p, true) },
  'tasks.task.disapprove': { scope: 'task', write: true, handler: (ctx, p) => control(ctx, p, false) },
  'tasks.task.get': {
    scope: 'task',
    handler: (ctx, p) => ({ result: { task: taskOut(ctx, taskById(ctx, p), p.select) } }),
  },
  'tasks.task.list': { scope: 'task', handler: (ctx, p) => taskList(ctx, p, (t, sel) => taskOut(ctx, t, sel)) },
  'tasks.task.delete': {
    scope: 'task',
    write: true,
    handler: (ctx, p) => {
      const t = taskById(ctx, p)
      ctx.ps.tasks.remove(t.id)
      emitTask(ctx, 'DELETE', t.id)
      return { result: { task: true } }
    },
  },
  'task.checklistitem.add': { scope: 'task', write: true, handler: checklistAdd },
  'task.commentitem.add': { scope: 'task', write: true, handler: commentAdd },
  'task.checklistitem.getlist': {
    scope: 'task',
    handler: (ctx, p) => {
      const taskId = Number(pick(p, 'TASKID', 'taskId', '0'))
      return {
        result: ctx.ps.checklist
          .filter((c) => c.TASK_ID === taskId)
          .map((c) => ({ ID: String(c.id), ...Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'id')) })),
      }
    },
  },
}
