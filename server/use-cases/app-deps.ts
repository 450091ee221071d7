// What the use-cases receive from the composition root: config, logger, storage, portal clients and the
// job queue port. server/create-context.ts builds the AppContext, which is an AppDeps with the process
// parts (the pg-boss queue, event intake, close); use-cases see only this, never server/context.ts.
import type { Config } from '../config.ts'
import type { Logger } from '../lib/logger.ts'
import type { Clock } from '../lib/clock.ts'
import type { Database } from '../storage/database.ts'
import type { portalsRepository } from '../storage/repositories/portals.ts'
import type { settingsRepository } from '../storage/repositories/settings.ts'
import type { effectsRepository } from '../storage/repositories/effects.ts'
import type { auditRepository } from '../storage/repositories/audit.ts'
import type { installStateRepository } from '../storage/repositories/install-state.ts'
import type { cachedLookup } from '../bitrix24/inbound/verify.ts'
import type { PortalClients } from '../bitrix24/client/portal-client.ts'
import type { JobQueue } from './job-queue.ts'
import type { RobotCatalog } from '../../install/robot-catalog.ts'

export interface AppDeps {
  config: Config
  log: Logger
  /** "Now" for every date/time decision (real time; tests pin it). */
  clock: Clock
  database: Database
  repos: {
    portals: ReturnType<typeof portalsRepository>
    settings: ReturnType<typeof settingsRepository>
    effects: ReturnType<typeof effectsRepository>
    audit: ReturnType<typeof auditRepository>
    installState: ReturnType<typeof installStateRepository>
  }
  queue: JobQueue
  portalLookup: ReturnType<typeof cachedLookup>
  /** Portal REST clients (wired at start-up by server/wiring.ts). */
  b24?: PortalClients
  /** The robots the installer registers (wired at start-up from robots/index.ts by server/wiring.ts). */
  robotCatalog?: RobotCatalog
}
