// Who is told that statement lines wait for review: setting 'statements'.notifyIds, else the
// approvals' chief and junior accountants.
import type { ReceivablesPorts } from '../receivables/receivables-ports.ts'

export const STATEMENT_SETTINGS_KEY = 'statements'
export interface StatementSettings {
  notifyIds: number[]
}

export async function statementNotifyIds(
  ports: Pick<ReceivablesPorts, 'settings'>,
  memberId: string,
): Promise<number[]> {
  const stored = (await ports.settings.get<Partial<StatementSettings>>(memberId, STATEMENT_SETTINGS_KEY)) ?? {}
  const ids = Array.isArray(stored.notifyIds) ? stored.notifyIds : []
  if (ids.length) return [...new Set(ids.filter((n) => Number.isSafeInteger(n) && n > 0))]
  const roles = (await ports.settings.get<Record<string, number | null>>(memberId, 'approvals.roles')) ?? {}
  return [
    ...new Set(
      [roles.chiefAccountant, roles.juniorAccountant].filter((n): n is number => typeof n === 'number' && n > 0),
    ),
  ]
}
