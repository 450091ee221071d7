// The days of the "due soon" and "stuck" statuses (admin page), stored per portal under one key.
import {
  receivableStatus,
  statusThresholdsOf,
  STATUS_DAYS_MAX,
  type StatusThresholds,
} from '../../domain/receivables/index.ts'
import type { ListRow } from '../../storage/repositories/receivables-query.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'
import { LedgerError } from './ledger-error.ts'

export const STATUS_SETTINGS_KEY = 'receivables.statuses'

export async function loadStatusThresholds(
  ports: { settings: SettingsRepository },
  memberId: string,
): Promise<StatusThresholds> {
  return statusThresholdsOf(await ports.settings.get(memberId, STATUS_SETTINGS_KEY))
}

/** Saves whole days 1..365 for both; anything else is refused and nothing changes. */
export async function saveStatusThresholds(
  ports: { settings: SettingsRepository },
  memberId: string,
  input: unknown,
  actor: string,
): Promise<StatusThresholds> {
  const b = (input ?? {}) as Record<string, unknown>
  for (const k of ['dueSoonDays', 'stuckDays'] as const) {
    const v = b[k]
    if (!Number.isSafeInteger(v) || (v as number) < 1 || (v as number) > STATUS_DAYS_MAX)
      throw new LedgerError('invalid', 'settings.invalid', `${k} must be a whole number of days from 1 to 365`, {
        field: k,
        rule: 'range',
        min: 1,
        max: STATUS_DAYS_MAX,
      })
  }
  const th = { dueSoonDays: b.dueSoonDays as number, stuckDays: b.stuckDays as number }
  await ports.settings.set(memberId, STATUS_SETTINGS_KEY, th, actor)
  return th
}

export const statusOf = (r: ListRow, today: string, th: StatusThresholds) =>
  receivableStatus(
    { stage: r.stage, remaining: r.remaining, effectiveDueDate: r.effectiveDueDate, lastActivityOn: r.lastActivityOn },
    today,
    th,
  )
