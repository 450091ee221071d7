// What the approval use-cases need from the rest of the server. Built from the AppDeps by
// `approvalPorts(ctx)`; tests pass their own portal clients, install state, clock and Telegram.
import type { AppDeps } from '../app-deps.ts'
import type { Logger } from '../../lib/logger.ts'
import type { Db } from '../../storage/database.ts'
import type { AuditRepository } from '../../storage/repositories/audit.ts'
import type { EffectsRepository } from '../../storage/repositories/effects.ts'
import type { SettingsRepository } from '../../storage/repositories/settings.ts'
import { approvalsRepository, type ApprovalsRepository } from '../../storage/repositories/approvals.ts'
import {
  approvalTelegramRepository,
  type ApprovalTelegramRepository,
} from '../../storage/repositories/approval-telegram.ts'
import type { PortalClients } from '../../bitrix24/client/portal-client.ts'
import type { InstallState, InstalledProcess } from '../../bitrix24/install-state.ts'
import type { SendOptions } from '../job-queue.ts'
import { createTelegramClient, type TelegramClient } from '../../channels/telegram-client.ts'

export interface ApprovalPorts {
  db: Db
  log: Logger
  audit: AuditRepository
  effects: EffectsRepository
  settings: SettingsRepository
  approvals: ApprovalsRepository
  telegramLinks: ApprovalTelegramRepository
  telegram: TelegramClient
  portalOf: (memberId: string) => Promise<{ timezone: string; lang: string } | null>
  send: (name: string, data: object, o: SendOptions) => Promise<unknown>
  clients: PortalClients | null
  installState: (memberId: string) => Promise<InstallState | null>
  now: () => Date
}

type InstallStateRepo = { get: (memberId: string) => Promise<InstallState | null> }

export function approvalPorts(
  ctx: AppDeps,
  o: Partial<Pick<ApprovalPorts, 'clients' | 'installState' | 'now' | 'telegram' | 'send'>> = {},
): ApprovalPorts {
  const repo = (ctx.repos as unknown as { installState?: InstallStateRepo }).installState
  const db = ctx.database.db
  const now = o.now ?? (() => ctx.clock.now())
  return {
    db,
    log: ctx.log,
    audit: ctx.repos.audit,
    effects: ctx.repos.effects,
    settings: ctx.repos.settings,
    approvals: approvalsRepository(db, now),
    telegramLinks: approvalTelegramRepository(db),
    telegram:
      o.telegram ??
      createTelegramClient({ botToken: ctx.config.telegram.botToken, apiBase: ctx.config.telegram.apiBase }),
    portalOf: (memberId) => ctx.repos.portals.get(memberId),
    send: o.send ?? ((name, data, opts) => ctx.queue.send(name, data, opts)),
    clients: o.clients ?? ctx.b24 ?? null,
    installState: o.installState ?? (repo ? (m) => repo.get(m) : async () => null),
    now,
  }
}

export async function approvalsProcessOf(ports: ApprovalPorts, memberId: string): Promise<InstalledProcess | null> {
  return (await ports.installState(memberId))?.processes.approvals ?? null
}

export async function portalClient(ports: ApprovalPorts, memberId: string) {
  if (!ports.clients) throw new Error('portal clients are not wired')
  return ports.clients.forPortal(memberId)
}
