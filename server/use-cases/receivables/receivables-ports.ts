// What the receivables use-cases need from the rest of the server, in one place. Built from the
// AppDeps by `receivablesPorts(ctx)`; tests pass their own clients, install state and clock.
import { createTelegramClient, type TelegramClient } from '../../channels/telegram-client.ts'
import type { AppDeps } from '../app-deps.ts'
import type { Db } from '../../storage/database.ts'
import type { Logger } from '../../lib/logger.ts'
import type { AuditRepository } from '../../storage/repositories/audit.ts'
import type { EffectsRepository } from '../../storage/repositories/effects.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'
import type { PortalClients } from '../../bitrix24/client/portal-client.ts'
import type { InstallState, InstalledProcess } from '../../bitrix24/install-state.ts'
import type { SendOptions } from '../job-queue.ts'

export type InstallStateReader = (memberId: string) => Promise<InstallState | null>

export interface ReceivablesPorts {
  db: Db
  log: Logger
  audit: AuditRepository
  effects: EffectsRepository
  settings: SettingsRepository
  portalOf: (memberId: string) => Promise<{ timezone: string; lang: string } | null>
  send: (name: string, data: object, o: SendOptions) => Promise<unknown>
  /** Many jobs in one insert (duplicates by key skipped); absent, callers send one by one. */
  sendMany?: (name: string, jobs: { data: object; options?: SendOptions }[]) => Promise<void>
  clients: PortalClients | null
  installState: InstallStateReader
  now: () => Date
  /** The Telegram Bot API (TELEGRAM_BOT_TOKEN); the client says "not configured" when there is no token. */
  telegram: TelegramClient
}

type InstallStateRepo = { get: InstallStateReader }

export function receivablesPorts(
  ctx: AppDeps,
  o: Partial<Pick<ReceivablesPorts, 'clients' | 'installState' | 'now'>> = {},
): ReceivablesPorts {
  // the install-state repository is wired into ctx.repos by the portal-connection work; until then null
  const repo = (ctx.repos as unknown as { installState?: InstallStateRepo }).installState
  return {
    db: ctx.database.db,
    log: ctx.log,
    audit: ctx.repos.audit,
    effects: ctx.repos.effects,
    settings: ctx.repos.settings,
    portalOf: (memberId) => ctx.repos.portals.get(memberId),
    send: (name, data, opts) => ctx.queue.send(name, data, opts),
    sendMany: (name, jobs) => ctx.queue.insertMany(name, jobs),
    clients: o.clients ?? ctx.b24 ?? null,
    installState: o.installState ?? (repo ? (m) => repo.get(m) : async () => null),
    now: o.now ?? (() => ctx.clock.now()),
    telegram: createTelegramClient({ botToken: ctx.config.telegram.botToken, apiBase: ctx.config.telegram.apiBase }),
  }
}

/** The receivables smart process of a portal, or null when the install has not created it. */
export async function receivablesProcessOf(
  ports: ReceivablesPorts,
  memberId: string,
): Promise<InstalledProcess | null> {
  const state = await ports.installState(memberId)
  return state?.processes.receivables ?? null
}
