// tasks.task.list as a real portal answers it (api-reference/tasks/tasks-task-list.md): only the documented
// filter fields are applied (any other key, e.g. XML_ID, is ignored, not an error), only the `! < <= > >=`
// prefixes exist, TITLE is a LIKE pattern (% and _), REAL_STATUS/STATUS is the status, the default order is
// ID DESC and only the documented order fields sort. Pages of 50 with `start`.
import { matches, type Cond } from '../rest/filter.ts'
import { sortRows, startOf, PAGE } from '../rest/paging.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

/** Filter fields listed by api-reference/tasks/tasks-task-list.md (the only ones the portal applies). */
export const TASK_FILTER_FIELDS = new Set([
  'ID',
  'PARENT_ID',
  'GROUP_ID',
  'CREATED_BY',
  'STATUS_CHANGED_BY',
  'PRIORITY',
  'FORUM_TOPIC_ID',
  'RESPONSIBLE_ID',
  'TITLE',
  'TAG',
  'REAL_STATUS',
  'STATUS',
  'MARK',
  'SITE_ID',
  'ADD_IN_REPORT',
  'DATE_START',
  'DEADLINE',
  'CREATED_DATE',
  'CLOSED_DATE',
  'CHANGED_DATE',
  'ACCOMPLICE',
  'AUDITOR',
  'DEPENDS_ON',
  'ONLY_ROOT_TASKS',
  'STAGE_ID',
  'SPRINT_ID',
  'BACKLOG_ID',
  'UF_CRM_TASK',
])

/** Order fields listed by the same page; others do not sort. */
export const TASK_ORDER_FIELDS = new Set([
  'ID',
  'TITLE',
  'TIME_SPENT_IN_LOGS',
  'DATE_START',
  'CREATED_DATE',
  'CHANGED_DATE',
  'CLOSED_DATE',
  'ACTIVITY_DATE',
  'START_DATE_PLAN',
  'END_DATE_PLAN',
  'DEADLINE',
  'REAL_STATUS',
  'STATUS_COMPLETE',
  'PRIORITY',
  'MARK',
  'CREATED_BY_LAST_NAME',
  'RESPONSIBLE_LAST_NAME',
  'GROUP_ID',
  'TIME_ESTIMATE',
  'ALLOW_CHANGE_DEADLINE',
  'ALLOW_TIME_TRACKING',
  'MATCH_WORK_TIME',
  'FAVORITE',
  'SORTING',
  'IS_PINNED',
  'IS_PINNED_IN_GROUP',
])

const PREFIXES: [string, '>=' | '<=' | '>' | '<' | '!='][] = [
  ['>=', '>='],
  ['<=', '<='],
  ['>', '>'],
  ['<', '<'],
  ['!', '!='],
]

/** The row column a documented filter/order field reads. */
const COLUMN: Record<string, string> = {
  REAL_STATUS: 'STATUS',
  ACCOMPLICE: 'ACCOMPLICES',
  AUDITOR: 'AUDITORS',
}

function taskConds(filter: unknown): Cond[] {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) return []
  const out: Cond[] = []
  for (const [key0, value] of Object.entries(filter as Record<string, unknown>)) {
    const key = key0.toUpperCase()
    const pre = PREFIXES.find(([p]) => key.startsWith(p))
    const field = pre ? key.slice(pre[0].length) : key
    // an undocumented prefix (%, @, =…) or field is ignored by the portal, not applied
    if (!TASK_FILTER_FIELDS.has(field)) continue
    if (field === 'ONLY_ROOT_TASKS') {
      if (String(value).toUpperCase() === 'Y') out.push({ field: 'PARENT_ID', op: '=', value: 0 })
      continue
    }
    const col = COLUMN[field] ?? field
    if (field === 'TITLE' && !pre) out.push({ field: col, op: 'like', value: String(value) })
    else out.push({ field: col, op: pre ? pre[1] : '=', value })
  }
  return out
}

function taskOrder(order: unknown): Record<string, string> {
  if (typeof order !== 'object' || order === null) return { ID: 'DESC' }
  const out: Record<string, string> = {}
  for (const [f, d] of Object.entries(order as Record<string, unknown>)) {
    const k = f.toUpperCase()
    if (TASK_ORDER_FIELDS.has(k)) out[COLUMN[k] ?? k] = String(d)
  }
  return Object.keys(out).length ? out : { ID: 'DESC' }
}

export function taskList(ctx: Ctx, p: Params, out: (t: Rec, select: unknown) => Record<string, unknown>) {
  const conds = taskConds(p.filter)
  const get = (t: Rec, f: string) => (f === 'ID' ? t.id : t[f])
  let rows = ctx.ps.tasks.values().filter((t) => matches(conds, (f) => get(t, f), ctx.zone))
  rows = sortRows(rows, taskOrder(p.order), get, (f) => f, ctx.zone)
  const start = startOf(p)
  const from = Math.max(0, start)
  const slice = rows.slice(from, from + PAGE)
  const res = { result: { tasks: slice.map((t) => out(t, p.select)) } }
  if (start === -1) return { ...res, total: 0 }
  return { ...res, total: rows.length, next: from + PAGE < rows.length ? from + PAGE : undefined }
}
