import pino, { type Logger } from 'pino'
import { loadConfig, type Env } from '../../server/config.ts'
import { createContext } from '../../server/create-context.ts'
import type { AppContext } from '../../server/context.ts'
import { buildApp } from '../../server/app.ts'
import { wire } from '../../server/wiring.ts'
import { openTestDatabase } from './db.ts'
import { appClockOf, suiteSandboxClock } from './clock.ts'
import type { Clock } from '../../server/lib/clock.ts'

export const silentLog = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })

/**
 * A full app context on a throw-away database (PGlite in memory, or PostgreSQL with DATABASE_URL); `log`
 * replaces the silent logger. Its clock runs from the suite's instant (SUITE_NOW), or from `o.now`, or is `o.clock`.
 */
export async function createTestContext(
  env: Env = {},
  log: Logger = silentLog,
  o: { now?: string | Date; clock?: Clock } = {},
) {
  const database = await openTestDatabase()
  const config = loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    APP_SECRET_KEY: 'test-secret-key-test-secret-key-0000',
    ...env,
  })
  const ctx: AppContext = wire(
    await createContext(config, log, { database, clock: o.clock ?? appClockOf(suiteSandboxClock(o.now)) }),
  )
  const app = await buildApp(ctx)
  return {
    ctx,
    app,
    database,
    async dispose() {
      await app.close()
      await ctx.close()
      await database.dispose()
    },
  }
}

export async function seedPortal(
  ctx: AppContext,
  memberId = 'member-a',
  applicationToken = 'app-token-a',
  clientEndpoint = 'https://a.bitrix24.test/rest/',
) {
  await ctx.repos.portals.upsert({
    memberId,
    domain: new URL(clientEndpoint).host,
    clientEndpoint,
    serverEndpoint: 'https://oauth.bitrix.info/rest/',
    applicationToken,
    licenceFamily: 'project',
    appVersion: '1',
  })
  ctx.portalLookup.invalidate(memberId)
}
