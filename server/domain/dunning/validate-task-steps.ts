// Task steps of one ladder, checked with the rest of the settings: ids, an offset of at most a year of
// working days either side of the due day, an assignee whose role somebody holds, a known template,
// a deadline of 0-30 working days. Every problem is listed with its path.
import { MAX_TASK_OFFSET, TASK_ASSIGNEES, type DunningRules } from './types.ts'

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isInt = (v: unknown, min: number, max: number) =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max

const ROLE_HOLDER = {
  'head-of-sales': { field: 'headOfSalesId', name: 'head of sales' },
  lawyer: { field: 'lawyerId', name: 'lawyer' },
} as const

export function checkTaskSteps(
  path: string,
  tasks: unknown,
  rules: Pick<DunningRules, 'headOfSalesId' | 'lawyerId'>,
  templateIds: ReadonlySet<string>,
  bad: (path: string, what: string) => void,
): void {
  if (tasks === undefined) return
  if (!Array.isArray(tasks) || tasks.length > 20) {
    bad(path, 'a list of at most 20 task steps')
    return
  }
  const ids = new Set<string>()
  for (const [i, t] of tasks.entries()) {
    const p = `${path}[${i}]`
    if (!isObj(t) || typeof t.id !== 'string' || !ID.test(t.id)) {
      bad(p, 'id must be lower-case letters, digits, dashes')
      continue
    }
    if (ids.has(t.id)) bad(p, `duplicate task step id "${t.id}"`)
    ids.add(t.id)
    if (!isInt(t.offset, -MAX_TASK_OFFSET, MAX_TASK_OFFSET))
      bad(
        `${p}.offset`,
        `working days from the due day, -${MAX_TASK_OFFSET} to ${MAX_TASK_OFFSET} (at most a year before or after it)`,
      )
    if (!TASK_ASSIGNEES.includes(t.assignee as never)) bad(`${p}.assignee`, `one of ${TASK_ASSIGNEES.join(', ')}`)
    else if (t.assignee !== 'responsible') {
      const role = ROLE_HOLDER[t.assignee as keyof typeof ROLE_HOLDER]
      if (!isInt(rules[role.field], 1, 2 ** 31))
        bad(`${p}.assignee`, `nobody holds the ${role.name} role: choose who it is first, or another assignee`)
    }
    if (typeof t.template !== 'string' || !templateIds.has(t.template))
      bad(`${p}.template`, `unknown template "${String(t.template)}"`)
    if (!isInt(t.deadlineDays, 0, 30)) bad(`${p}.deadlineDays`, 'working days for the deadline, 0 to 30')
  }
}
