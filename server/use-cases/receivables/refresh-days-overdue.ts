// Once a day per portal: the "days overdue" field of every overdue item is rewritten, so portal
// filters, reports and business processes see today's number (batches of 50 updates per request).
import { daysOverdue } from '../../domain/receivables/index.ts'
import type { PortalClient, BatchCommand } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import { receivablesQuery } from '../../storage/repositories/receivables-query.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { fieldName } from './receivable-item-fields.ts'

export const DAYS_OVERDUE_SETTING = 'receivables.days-overdue-refreshed'

export async function refreshDaysOverdue(
  ports: ReceivablesPorts,
  client: PortalClient,
  p: InstalledProcess,
  memberId: string,
  today: string,
): Promise<number> {
  const field = fieldName(p, 'daysOverdue')
  const last = await ports.settings.get<{ day: string }>(memberId, DAYS_OVERDUE_SETTING)
  if (!field || last?.day === today) return 0
  const rows = await receivablesQuery(ports.db).overdueItems(memberId, today)
  if (rows.length) {
    const commands: Record<string, BatchCommand> = {}
    for (const r of rows) {
      commands[`i${r.itemId}`] = {
        method: 'crm.item.update',
        params: {
          entityTypeId: p.entityTypeId,
          id: r.itemId,
          fields: { [field]: daysOverdue(r.effectiveDueDate, today, r.remaining) },
        },
      }
    }
    const res = await client.batch(commands, { halt: false })
    const failed = Object.keys(res.errors).length
    if (failed) ports.log.warn({ memberId, failed }, 'receivable.days-overdue.partial-failure')
  }
  await ports.settings.set(memberId, DAYS_OVERDUE_SETTING, { day: today }, 'system')
  return rows.length
}
