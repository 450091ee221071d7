// The key-rate table of a portal: the built-in rates plus the rows its admin added (setting
// 'penalty.keyRates': [{ from: 'YYYY-MM-DD', bp: 1650 }]). A broken setting falls back to built-in.
import { builtinKeyRateTable, mergeKeyRates, type KeyRate, type KeyRateTable } from '../domain/penalties/index.ts'
import type { SettingsRepository } from '../storage/repositories/settings.ts'
import type { Logger } from '../lib/logger.ts'

export const KEY_RATES_SETTING = 'penalty.keyRates'

export async function portalKeyRates(deps: { settings: SettingsRepository; log: Logger }, memberId: string): Promise<KeyRateTable> {
  const admin = await deps.settings.get<KeyRate[]>(memberId, KEY_RATES_SETTING)
  if (!admin?.length) return builtinKeyRateTable()
  try {
    return mergeKeyRates(admin)
  } catch (e) {
    deps.log.warn({ memberId, err: (e as Error).message }, 'penalty.key-rates-invalid')
    return builtinKeyRateTable()
  }
}
