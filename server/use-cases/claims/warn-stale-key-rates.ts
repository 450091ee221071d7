// Tells a portal's admin, once per failure, that the Bank of Russia key rate has not been fetched
// for 3 days: the table stays as it was, and the admin may add a new rate by hand.
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { EffectsRepository } from '../../storage/repositories/effects.ts'
import type { PortalsRepository } from '../../storage/repositories/portals.ts'
import type { Db } from '../../storage/database.ts'
import { keyRatesRepository } from '../../storage/repositories/key-rates.ts'
import { localDateOf } from '../../domain/calendar/index.ts'
import { formatDate } from '../../documents/format.ts'
import { effectKeys } from '../effect-keys.ts'
import type { AppDeps } from '../app-deps.ts'

export const KEY_RATE_STALE_AFTER_DAYS = 3

export interface StaleKeyRateDeps {
  db: Db
  effects: EffectsRepository
  portals: Pick<PortalsRepository, 'get' | 'getTokens'>
  client: (memberId: string) => Promise<PortalClient>
  now: () => Date
}

export function staleKeyRateMessage(since: string, reason: string, lang: 'ru' | 'en'): string {
  const d = formatDate(since, lang)
  return lang === 'ru'
    ? `Ключевая ставка Банка России не загружается с ${d} (${reason}). Таблица ставок не изменилась; ` +
        'новую ставку можно добавить вручную в настройках приложения.'
    : `The Bank of Russia key rate has not been fetched since ${d} (${reason}). The rate table is unchanged; ` +
        "a new rate can be added by hand in the app's settings."
}

export async function warnStaleKeyRates(
  deps: StaleKeyRateDeps,
  memberId: string,
): Promise<'fine' | 'told' | 'already-told' | 'nobody'> {
  const state = await keyRatesRepository(deps.db).state()
  const since = state.failingSince
  const days = since ? (deps.now().getTime() - since.getTime()) / 86_400_000 : 0
  if (!since || days < KEY_RATE_STALE_AFTER_DAYS) return 'fine'
  const portal = await deps.portals.get(memberId)
  const userId = (await deps.portals.getTokens(memberId))?.userId ?? null
  if (!portal || !userId) return 'nobody'
  const key = effectKeys.keyRateStale(memberId, since.toISOString())
  const claim = await deps.effects.claim(key, memberId)
  if (claim.state === 'done') return 'already-told'
  const lang = portal.lang === 'en' ? 'en' : 'ru'
  const message = staleKeyRateMessage(localDateOf(portal.timezone, since.getTime()), state.lastError ?? '?', lang)
  try {
    // the TAG makes a resent notification replace the first one
    const client = await deps.client(memberId)
    await client.call(
      'im.notify.system.add',
      { USER_ID: userId, MESSAGE: message, TAG: `rc-key-rate-${since.getTime()}` },
      { idempotent: false },
    )
  } catch (e) {
    await deps.effects.release(key)
    throw e
  }
  await deps.effects.complete(key, { userId })
  return 'told'
}

export function staleKeyRateDeps(ctx: AppDeps): StaleKeyRateDeps {
  return {
    db: ctx.database.db,
    effects: ctx.repos.effects,
    portals: ctx.repos.portals,
    client: async (memberId) => {
      if (!ctx.b24) throw new Error('portal clients are not wired')
      return ctx.b24.forPortal(memberId)
    },
    now: () => ctx.clock.now(),
  }
}
