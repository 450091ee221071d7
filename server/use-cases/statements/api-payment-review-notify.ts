// Payments API lines that wait for review: every API payment is its own import, so the per-import
// statement notice would tell accountants once per payment. Instead they hear once per UTC hour (one
// effect key per hour and accountant) how many lines wait then; and again within the hour only when
// a line arrives in an empty queue (it was cleared since the last notice).
import { effectKeys } from '../effect-keys.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { statementsRepository } from '../../storage/repositories/statements.ts'
import type { DunningPorts } from '../dunning/dunning-ports.ts'
import { notifyEmployee } from '../dunning/dunning-channels.ts'
import { statementNotifyIds } from './statement-settings.ts'

export async function tellAccountantsOfApiPayments(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  lineId: number,
  lang: 'ru' | 'en',
): Promise<void> {
  const ids = await statementNotifyIds(ports, memberId)
  if (!ids.length) return
  const waiting = await statementsRepository(ports.db).countByStatus(memberId, 'review')
  if (waiting === 0) return
  const slot = ports.now().toISOString().slice(0, 13)
  const text =
    lang === 'ru'
      ? `Платежи из API учётной системы ждут разбора (всего в очереди — ${waiting}). Откройте приложение, раздел «Выписки».`
      : `Payments from the accounting system's API wait for review (${waiting} in the queue). Open the app, section "Statements".`
  for (const userId of ids) {
    const hourly = effectKeys.apiPaymentReviewNotify(memberId, slot, userId)
    const refilled = waiting === 1 && (await ports.effects.get(hourly)) !== null
    await notifyEmployee(
      ports,
      client,
      memberId,
      refilled ? effectKeys.apiPaymentReviewNotify(memberId, slot, userId, lineId) : hourly,
      userId,
      text,
    )
  }
}
