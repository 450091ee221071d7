// "Ping" from the interaction history: a portal notification to the responsible of a task or an
// activity of this counterparty, from the user who pressed it; once per request.
import { ReceivableError } from '../../domain/receivables/index.ts'
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { notifyDunningUser, userName } from '../dunning/dunning-channels.ts'
import { LedgerError } from './ledger-error.ts'
import { portalDay } from './receivable-calendar.ts'

export interface PingInput {
  memberId: string
  byUserId: number
  kind: unknown
  id: unknown
  requestId: unknown
}

const invalid = (m: string, field: string) => new ReceivableError('receivable.invalid-input', m, field)

export async function pingResponsible(
  ports: DunningPorts,
  client: PortalClient,
  i: PingInput,
): Promise<{ notified: number }> {
  if (i.kind !== 'task' && i.kind !== 'activity') throw invalid('kind must be "task" or "activity"', 'kind')
  if (typeof i.id !== 'number' || !Number.isSafeInteger(i.id) || i.id <= 0)
    throw invalid('id must be a positive integer', 'id')
  if (typeof i.requestId !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(i.requestId))
    throw invalid('requestId must be 8-64 letters, digits, - or _', 'requestId')
  let title: string
  let responsible: number
  try {
    if (i.kind === 'task') {
      const t = (
        await client.call<{ task: { title?: string; responsibleId?: string | number } }>('tasks.task.get', {
          taskId: i.id,
          select: ['ID', 'TITLE', 'RESPONSIBLE_ID'],
        })
      ).task
      title = String(t.title ?? `#${i.id}`)
      responsible = Number(t.responsibleId)
    } else {
      const a = await client.call<{ SUBJECT?: string; RESPONSIBLE_ID?: string | number }>('crm.activity.get', {
        id: i.id,
      })
      title = String(a.SUBJECT ?? `#${i.id}`)
      responsible = Number(a.RESPONSIBLE_ID)
    }
  } catch (e) {
    if ((e as { retryable?: boolean }).retryable === false)
      throw new LedgerError('not-found', 'interaction.not-found', `${i.kind} ${i.id} was not found in the portal`)
    throw e
  }
  if (!Number.isSafeInteger(responsible) || responsible <= 0)
    throw new LedgerError('conflict', 'interaction.no-responsible', `${i.kind} ${i.id} has no responsible person`)
  const { lang } = await portalDay(ports, i.memberId)
  const from = (await userName(client, i.byUserId)) || `#${i.byUserId}`
  const link =
    i.kind === 'task'
      ? `[URL=/company/personal/user/${responsible}/tasks/task/view/${i.id}/]${title}[/URL]`
      : `«${title}»`
  const text = lang === 'ru' ? `${from} просит обратить внимание: ${link}` : `${from} asks you to look at ${link}`
  await notifyDunningUser(
    ports,
    client,
    i.memberId,
    effectKeys.ping(i.memberId, i.kind, i.id, i.requestId),
    responsible,
    text,
  )
  await ports.audit.record({
    memberId: i.memberId,
    actor: `user:${i.byUserId}`,
    source: 'ui',
    action: 'interaction.pinged',
    entity: i.kind,
    entityId: String(i.id),
    details: { to: responsible },
  })
  return { notified: responsible }
}
