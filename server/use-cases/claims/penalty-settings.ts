// The key-rate table of a portal: the built-in rates, the rates fetched from the Bank of Russia
// (refresh-key-rates.ts) over them, and the rows its admin added over both (setting
// 'penalty.keyRates': [{ from: 'YYYY-MM-DD', bp: 1650 }]). A broken setting falls back to the base.
import { mergeKeyRates, type KeyRate, type KeyRateTable } from '../../domain/penalties/index.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Db } from '../../storage/database.ts'
import { keyRatesRepository } from '../../storage/repositories/key-rates.ts'
import { baseKeyRates } from './refresh-key-rates.ts'

export const KEY_RATES_SETTING = 'penalty.keyRates'

export async function portalKeyRates(
  deps: { settings: SettingsRepository; log: Logger; db?: Db },
  memberId: string,
): Promise<KeyRateTable> {
  const base = baseKeyRates(deps.db ? await keyRatesRepository(deps.db).list() : [])
  const admin = (await deps.settings.get<KeyRate[]>(memberId, KEY_RATES_SETTING)) ?? []
  try {
    return mergeKeyRates(admin, base)
  } catch (e) {
    deps.log.warn({ memberId, err: (e as Error).message }, 'penalty.key-rates-invalid')
    return mergeKeyRates([], base)
  }
}
