// The interaction history of a counterparty: its tasks (bound to the company/contact or to one of
// its receivable items), CRM activities and timeline comments, newest first, with responsible
// names and overdue open work flagged. One batch (4 commands) to the portal.
import type { InteractionDto } from '../../../contracts/interactions.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { fullName, users } from '../../bitrix24/rest/index.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { receivablesProcessOf } from './receivables-ports.ts'

const TASK_STATUS: Record<string, string> = {
  1: 'pending',
  2: 'pending',
  3: 'in-progress',
  4: 'waiting-control',
  5: 'completed',
  6: 'deferred',
  7: 'declined',
}
const OWNER_TYPE = { company: 4, contact: 3 } as const
const PREFIX = { company: 'CO', contact: 'C' } as const

type Row = Record<string, unknown>
const num = (v: unknown) => {
  const n = Number(v)
  return Number.isSafeInteger(n) && n > 0 ? n : null
}
const str = (v: unknown) => (typeof v === 'string' && v ? v : null)

export async function readInteractions(
  ports: ReceivablesPorts,
  client: PortalClient,
  memberId: string,
  type: 'company' | 'contact',
  entityId: number,
): Promise<InteractionDto[]> {
  const p = await receivablesProcessOf(ports, memberId)
  const items = await ports.db
    .selectFrom('receivables as r')
    .innerJoin('counterparties as c', 'c.id', 'r.counterparty_id')
    .select('r.item_id')
    .where('r.member_id', '=', memberId)
    .where('c.entity_type', '=', type)
    .where('c.entity_id', '=', entityId)
    .where('r.item_id', 'is not', null)
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute()
  const bindings = [
    `${PREFIX[type]}_${entityId}`,
    ...(p ? items.map((i) => `T${p.entityTypeId.toString(16)}_${i.item_id}`) : []),
  ]
  const res = await client.batch<unknown>({
    tasks: {
      method: 'tasks.task.list',
      params: {
        filter: { UF_CRM_TASK: bindings },
        select: ['ID', 'TITLE', 'STATUS', 'DEADLINE', 'RESPONSIBLE_ID', 'CREATED_DATE', 'CLOSED_DATE'],
        order: { ID: 'DESC' },
      },
    },
    activities: {
      method: 'crm.activity.list',
      params: {
        filter: { OWNER_TYPE_ID: OWNER_TYPE[type], OWNER_ID: entityId },
        select: ['ID', 'SUBJECT', 'COMPLETED', 'DEADLINE', 'RESPONSIBLE_ID', 'CREATED'],
        order: { ID: 'DESC' },
      },
    },
    comments: {
      method: 'crm.timeline.comment.list',
      params: { filter: { ENTITY_TYPE: type, ENTITY_ID: entityId }, select: ['ID', 'COMMENT', 'CREATED', 'AUTHOR_ID'] },
    },
  })
  const now = ports.now().getTime()
  const past = (d: string | null) => d !== null && Date.parse(d) < now
  const out: InteractionDto[] = []
  for (const t of (res.results.tasks as { tasks?: Row[] } | undefined)?.tasks ?? []) {
    const status = TASK_STATUS[String(t.status)] ?? 'pending'
    const done = status === 'completed' || status === 'declined'
    const deadline = str(t.deadline)
    out.push({
      kind: 'task',
      id: Number(t.id),
      title: String(t.title ?? ''),
      at: str(t.createdDate),
      deadline,
      responsibleId: num(t.responsibleId),
      responsibleName: '',
      status,
      done,
      overdue: !done && past(deadline),
    })
  }
  for (const a of (res.results.activities as Row[] | undefined) ?? []) {
    const done = a.COMPLETED === 'Y'
    const deadline = str(a.DEADLINE)
    out.push({
      kind: 'activity',
      id: Number(a.ID),
      title: String(a.SUBJECT ?? ''),
      at: str(a.CREATED),
      deadline,
      responsibleId: num(a.RESPONSIBLE_ID),
      responsibleName: '',
      status: done ? 'completed' : 'open',
      done,
      overdue: !done && past(deadline),
    })
  }
  for (const c of (res.results.comments as Row[] | undefined) ?? []) {
    const text = String(c.COMMENT ?? '')
      .replace(/\[\/?[a-z]+[^\]]*\]/gi, '')
      .replace(/#rc-totals-[a-z]+-\d+/g, '')
      .trim()
    out.push({
      kind: 'comment',
      id: Number(c.ID),
      title: text.slice(0, 300),
      at: str(c.CREATED),
      deadline: null,
      responsibleId: num(c.AUTHOR_ID),
      responsibleName: '',
      status: 'posted',
      done: true,
      overdue: false,
    })
  }
  const ids = [...new Set(out.map((o) => o.responsibleId).filter((x): x is number => x !== null))]
  if (ids.length) {
    const people = await users.many(client, ids).catch(() => [])
    const names = new Map(people.map((u) => [Number(u.ID), fullName(u)]))
    for (const o of out) o.responsibleName = (o.responsibleId && names.get(o.responsibleId)) || ''
  }
  return out.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '') || b.id - a.id)
}
