// A debtor wrote: an incoming e-mail (CRM_EMAIL) or an open-line session (IMOPENLINES_SESSION) on a company or
// contact that has open receivables gives the receivables' manager ONE task a day (portal's day), naming the
// invoices at stake; later messages of that day are comments on it. Keys: the task per counterparty + day
// (tasks.task.add with XML_ID = the key, found again after a lost answer), the comment per activity.
// Fields of the activity: api-reference/crm/timeline/activities/activity-base/crm-activity-fields.md
// (DIRECTION 1 incoming, 2 outgoing; PROVIDER_ID set by the module that made the activity).
import { addWorkingHours } from '../../domain/calendar/index.ts'
import { daysOverdueOf, formatDay } from '../../domain/dunning/index.ts'
import { formatRubles } from '../../domain/money/format-rubles.ts'
import { tasks } from '../../bitrix24/rest/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { counterpartiesRepository } from '../../storage/repositories/counterparties.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'
import { effectKeys } from '../effect-keys.ts'
import { portalDay } from '../receivables/receivable-calendar.ts'
import { withProvisionalNote } from '../receivables/provisional-deadline.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { loadDunningRules } from './dunning-settings.ts'
import { writeOnce } from './dunning-write-once.ts'

const INCOMING = 1
const PROVIDERS: Record<string, 'email' | 'openline'> = { CRM_EMAIL: 'email', IMOPENLINES_SESSION: 'openline' }
const CONTACT = 3
const COMPANY = 4
/** Working hours the manager has to answer. */
const ANSWER_HOURS = 4

interface Activity {
  ID: string
  OWNER_TYPE_ID?: string
  OWNER_ID?: string
  DIRECTION?: string
  PROVIDER_ID?: string
  SUBJECT?: string
  COMMUNICATIONS?: { ENTITY_TYPE_ID?: string; ENTITY_ID?: string }[]
}
export type IncomingTaskOutcome = 'task' | 'comment' | 'none'

const channelName = (c: 'email' | 'openline', lang: 'ru' | 'en') =>
  c === 'email'
    ? lang === 'ru'
      ? 'письмо'
      : 'e-mail'
    : lang === 'ru'
      ? 'сообщение в открытую линию'
      : 'open-line message'

/** One line per open invoice: number, amount left, days overdue (or the due date when not yet due). */
export function invoiceLines(rows: DunningRow[], today: string, lang: 'ru' | 'en'): string {
  return rows
    .map((r) => {
      const late = daysOverdueOf(r.dueDate, today)
      const left = formatRubles(r.remaining, lang)
      const due = formatDay(r.dueDate, lang)
      if (lang === 'ru')
        return `— счёт № ${r.invoiceNumber}: остаток ${left}, ${late > 0 ? `просрочка ${late} дн. (срок ${due})` : `срок ${due}, не просрочен`}`
      return `— invoice ${r.invoiceNumber}: ${left} left, ${late > 0 ? `${late} days overdue (due ${due})` : `due ${due}, not overdue`}`
    })
    .join('\n')
}

/** The company or contact the activity is about, as our counterparty with open receivables (a contact's
 * company when the contact has none of its own). */
async function debtorOf(ports: DunningPorts, client: PortalClient, memberId: string, a: Activity) {
  const seen = new Set<string>()
  const parties: { type: number; id: number }[] = []
  const add = (type: unknown, id: unknown) => {
    const t = Number(type)
    const n = Number(id)
    if ((t === COMPANY || t === CONTACT) && Number.isSafeInteger(n) && n > 0 && !seen.has(`${t}:${n}`)) {
      seen.add(`${t}:${n}`)
      parties.push({ type: t, id: n })
    }
  }
  add(a.OWNER_TYPE_ID, a.OWNER_ID)
  for (const c of a.COMMUNICATIONS ?? []) add(c.ENTITY_TYPE_ID, c.ENTITY_ID)
  const repo = counterpartiesRepository(ports.db)
  const withDebt = async (type: number, id: number) => {
    const cp = await repo.find(memberId, type === COMPANY ? 'company' : 'contact', id)
    if (!cp) return null
    const rows = await ports.repo.open(memberId, { counterpartyId: cp.id })
    return rows.length ? { counterpartyId: cp.id, type, id, rows } : null
  }
  for (const p of parties) {
    const found = await withDebt(p.type, p.id)
    if (found) return found
  }
  for (const p of parties.filter((x) => x.type === CONTACT)) {
    const contact = await client.call<{ COMPANY_ID?: string | null }>('crm.contact.get', { id: p.id }).catch(() => null)
    const companyId = Number(contact?.COMPANY_ID)
    if (companyId > 0) {
      const found = await withDebt(COMPANY, companyId)
      if (found) return found
    }
  }
  return null
}

const hasOpenReceivables = async (ports: DunningPorts, memberId: string) =>
  !!(await ports.db
    .selectFrom('receivables')
    .select('id')
    .where('member_id', '=', memberId)
    .where('remaining', '>', 0)
    .where('stage', '<>', 'FAIL')
    .limit(1)
    .executeTakeFirst())

/** ONCRMACTIVITYADD: costs no portal call while the setting is off or nobody owes anything. */
export async function incomingContactTask(
  ports: DunningPorts,
  memberId: string,
  activityId: number,
): Promise<IncomingTaskOutcome> {
  if (!ports.clients) return 'none'
  const rules = await loadDunningRules(ports, memberId)
  if (!rules.incomingTask || !(await hasOpenReceivables(ports, memberId))) return 'none'
  const client = await ports.clients.forPortal(memberId)
  const a = await client.call<Activity>('crm.activity.get', { id: activityId }).catch(() => null)
  const channel = a ? PROVIDERS[String(a.PROVIDER_ID ?? '')] : undefined
  if (!a || !channel || Number(a.DIRECTION) !== INCOMING) return 'none'
  const debtor = await debtorOf(ports, client, memberId, a)
  if (!debtor) return 'none'
  const { calendar, today, lang } = await portalDay(ports, memberId)
  const rows = [...debtor.rows].sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.receivableId - y.receivableId)
  const name = rows[0].counterpartyName
  const manager = rows.find((r) => r.responsibleId)?.responsibleId ?? rules.headOfSalesId ?? 1
  const total = formatRubles(
    rows.reduce((s, r) => s + r.remaining, 0),
    lang,
  )
  const subject = String(a.SUBJECT ?? '').trim()
  const what = channelName(channel, lang)
  const day = formatDay(today, lang)
  const invoices = invoiceLines(rows, today, lang)
  const key = effectKeys.incomingTask(memberId, debtor.counterpartyId, today)
  const title =
    lang === 'ru' ? `Ответить должнику: ${name} (${formatDay(today, 'ru')})` : `Answer the debtor: ${name} (${today})`
  const bindings = [`${debtor.type === COMPANY ? 'CO' : 'C'}_${debtor.id}`]
  const description =
    lang === 'ru'
      ? `${name} прислал(а) ${what} ${day}${subject ? `: «${subject}»` : ''}. Открытые счета:\n${invoices}\nИтого долг: ${total}.`
      : `${name} sent an ${what} on ${day}${subject ? `: "${subject}"` : ''}. Open invoices:\n${invoices}\nTotal debt: ${total}.`
  const deadline = addWorkingHours(calendar, ports.now().getTime(), ANSWER_HOURS)
  const task = await writeOnce<{ taskId: number; activityId: number }>(ports.effects, memberId, key, {
    lookup: async () => {
      const taskId = await tasks.findOwn(client, key, { TITLE: title, RESPONSIBLE_ID: manager, UF_CRM_TASK: bindings })
      // the lost attempt is taken to be this activity's (its retry): no comment for it
      return taskId === null ? null : { taskId, activityId }
    },
    write: async () => ({
      taskId: await tasks.add(client, {
        TITLE: title,
        DESCRIPTION: await withProvisionalNote(ports, memberId, deadline, description),
        RESPONSIBLE_ID: manager,
        DEADLINE: deadline,
        UF_CRM_TASK: bindings,
        XML_ID: key,
      }),
      activityId,
    }),
  })
  if (!task.result) return 'none'
  if (task.result.activityId === activityId) {
    if (task.fresh) await audit(ports, memberId, debtor.counterpartyId, activityId, task.result.taskId, 'task')
    return 'task'
  }
  const text =
    lang === 'ru'
      ? `Ещё одно обращение: ${what} ${day}${subject ? ` «${subject}»` : ''}. Открытые счета:\n${invoices}\nИтого долг: ${total}.`
      : `Another message: ${what} on ${day}${subject ? ` "${subject}"` : ''}. Open invoices:\n${invoices}\nTotal debt: ${total}.`
  const c = await writeOnce<{ commentId: number }>(
    ports.effects,
    memberId,
    effectKeys.incomingTaskComment(memberId, debtor.counterpartyId, activityId),
    { write: async () => ({ commentId: await tasks.comment(client, task.result!.taskId, text) }) },
  )
  if (c.fresh) await audit(ports, memberId, debtor.counterpartyId, activityId, task.result.taskId, 'comment')
  return 'comment'
}

const audit = (
  ports: DunningPorts,
  memberId: string,
  counterpartyId: number,
  activityId: number,
  taskId: number,
  as: 'task' | 'comment',
) =>
  ports.audit.record({
    memberId,
    actor: 'app',
    source: 'dunning',
    action: as === 'task' ? 'dunning.incoming-task' : 'dunning.incoming-comment',
    entity: 'counterparty',
    entityId: String(counterpartyId),
    details: { activityId, taskId },
  })
