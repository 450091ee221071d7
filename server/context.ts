// The AppContext: every long-lived dependency of the server, built once per process by
// server/create-context.ts. Entry points (http/, jobs/tasks/, cli/) receive it; use-cases, events and
// robots take the narrower AppDeps (server/use-cases/app-deps.ts), which has no pg-boss in it.
import type { Queue } from './jobs/queue.ts'
import type { GroupCommitter } from './jobs/group-commit.ts'
import type { InboundEvent } from './bitrix24/inbound/parse-event.ts'
import type { UserTokenVerifier } from './bitrix24/client/verify-user-token.ts'
import type { AppDeps } from './use-cases/app-deps.ts'
import type { UserCrmAccess } from './bitrix24/client/user-crm-access.ts'

export interface AppContext extends AppDeps {
  queue: Queue
  /** Durable, group-committed intake of portal events (acknowledged only after commit). */
  eventIntake: GroupCommitter
  /** Checks a portal user's token for the /api session. */
  verifyUserToken?: UserTokenVerifier
  /** Which companies/contacts a portal user may read in CRM, asked with their own token. */
  userCrmAccess?: UserCrmAccess
  /** ONAPPINSTALL: verify at the OAuth server and store the portal. */
  onAppInstall?: (e: InboundEvent) => Promise<void>
  /** Install page opened before ONAPPINSTALL arrived: register from the frame's REFRESH_ID. */
  onInstallFrame?: (body: Record<string, unknown>) => Promise<void>
  close: () => Promise<void>
}
