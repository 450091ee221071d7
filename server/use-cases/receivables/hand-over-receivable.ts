// "Hand over" from the counterparty tab: a task about one receivable for a colleague, bound to the
// receivable item and the counterparty, due at the end of the next working day; once per request.
import { endOfWorkingDay, addWorkingDays, localDateOf } from '../../domain/calendar/index.ts'
import { formatAmount } from '../../domain/money/index.ts'
import { ReceivableError } from '../../domain/receivables/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { users } from '../../bitrix24/rest/index.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { createDunningTask } from '../dunning/dunning-tasks.ts'
import { receivablesProcessOf } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { userName } from '../dunning/dunning-channels.ts'
import { LedgerError } from './ledger-error.ts'

export interface HandOverInput {
  memberId: string
  byUserId: number
  receivableId: number
  userId: unknown
  comment: unknown
  requestId: unknown
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/

export async function handOverReceivable(
  ports: DunningPorts,
  client: PortalClient,
  i: HandOverInput,
): Promise<{ taskId: number }> {
  if (typeof i.userId !== 'number' || !Number.isSafeInteger(i.userId) || i.userId <= 0)
    throw new ReceivableError('receivable.invalid-input', 'userId must be a portal user id', 'userId')
  if (typeof i.requestId !== 'string' || !REQUEST_ID.test(i.requestId))
    throw new ReceivableError('receivable.invalid-input', 'requestId must be 8-64 letters, digits, - or _', 'requestId')
  if (i.comment !== undefined && i.comment !== null && (typeof i.comment !== 'string' || i.comment.length > 2000))
    throw new ReceivableError('receivable.invalid-input', 'comment must be text up to 2000 characters', 'comment')
  const row = await ports.repo.one(i.memberId, i.receivableId)
  if (!row) throw new LedgerError('not-found', 'receivable.not-found', `receivable ${i.receivableId} not found`)
  const colleague = await users.get(client, i.userId)
  if (!colleague || colleague.ACTIVE === false)
    throw new ReceivableError(
      'receivable.invalid-input',
      `user ${i.userId} is not an active user of this portal`,
      'userId',
    )
  const p = await receivablesProcessOf(ports, i.memberId)
  const { calendar, lang } = await portalDay(ports, i.memberId)
  const today = localDateOf(calendar.timezone, ports.now().getTime())
  const from = await userName(client, i.byUserId)
  const money = `${formatAmount(row.remaining, lang)} ${lang === 'ru' ? '₽' : 'RUB'}`
  const title =
    lang === 'ru'
      ? `Дебиторка: ${row.counterpartyName}, счёт № ${row.invoiceNumber} (остаток ${money})`
      : `Receivable: ${row.counterpartyName}, invoice ${row.invoiceNumber} (remaining ${money})`
  const note = typeof i.comment === 'string' && i.comment.trim() ? `\n\n${i.comment.trim()}` : ''
  const description =
    (lang === 'ru'
      ? `Передано: ${from || `пользователь ${i.byUserId}`}. Срок оплаты: ${row.dueDate}.`
      : `Handed over by ${from || `user ${i.byUserId}`}. Due: ${row.dueDate}.`) + note
  const bindings = [
    `${row.entityType === 'company' ? 'CO' : 'C'}_${row.entityId}`,
    ...(p && row.itemId ? [`T${p.entityTypeId.toString(16)}_${row.itemId}`] : []),
  ]
  const key = effectKeys.handOver(i.memberId, i.receivableId, i.requestId)
  const { result } = await createDunningTask(ports, client, i.memberId, key, {
    title,
    description,
    responsibleId: i.userId,
    deadline: endOfWorkingDay(calendar, addWorkingDays(calendar, today, 1)),
    bindings,
  })
  if (!result)
    throw new LedgerError('conflict', 'hand-over.in-progress', 'This hand-over is being created; reload in a moment')
  await ports.audit.record({
    memberId: i.memberId,
    actor: `user:${i.byUserId}`,
    source: 'ui',
    action: 'receivable.handed-over',
    entity: 'receivable',
    entityId: String(i.receivableId),
    details: { to: i.userId, taskId: result.taskId },
  })
  return result
}
