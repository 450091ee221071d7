// The ONLY reader of process.env. Validated once at boot, frozen, typed.
import { resolve } from 'node:path'

export type AppEnv = 'development' | 'production' | 'test'
export type Env = Record<string, string | undefined>

export interface Config {
  readonly env: AppEnv
  readonly http: { readonly host: string; readonly port: number; readonly baseUrl: string }
  readonly db: { readonly url: string | null; readonly dataDir: string; readonly poolMax: number }
  readonly secretKey: string
  readonly b24: {
    readonly clientId: string | null
    readonly clientSecret: string | null
    readonly oauthUrl: string
    readonly webhookUrl: string | null
    readonly appVersion: string
    /** Override of our share of the portal's bucket (tests against a sandbox without limits). */
    readonly rateLimit: { readonly burst: number; readonly drain: number } | null
    /** Days an uninstall with "delete data" (CLEAN) waits before deleting: a reinstall meanwhile restores everything. */
    readonly uninstallGraceDays: number
  }
  readonly queue: {
    readonly inProcessWorker: boolean
    readonly concurrency: number
    readonly perPortalConcurrency: number
    readonly pollingSeconds: number
    readonly retryDelayMaxSeconds: number
  }
  readonly log: { readonly level: string; readonly pretty: boolean }
  /** GET /metrics answers only with `Authorization: Bearer <token>`; null: the endpoint is off (404). */
  readonly metrics: { readonly token: string | null }
  readonly telegram: {
    readonly botToken: string | null
    readonly webhookSecret: string | null
    readonly apiBase: string
  }
  /** The Bank of Russia's DailyInfo web service for the daily key-rate fetch; null = no fetch (tests). */
  readonly keyRates: { readonly cbrUrl: string | null }
}

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

const DEV_SECRET = 'dev-only-secret-key-change-me-in-production-0000'
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** Validated config from the environment; `overrides` win (tools such as the demo set a few keys). */
export function loadConfig(source: Env = process.env, overrides: Env = {}): Config {
  const env: Env = { ...source, ...overrides }
  const problems: string[] = []
  const str = (key: string): string | null => {
    const v = env[key]?.trim()
    return v ? v : null
  }
  const int = (key: string, def: number, min: number, max: number): number => {
    const raw = str(key)
    if (raw === null) return def
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${key}="${raw}" must be an integer between ${min} and ${max}`)
      return def
    }
    return n
  }
  const bool = (key: string, def: boolean): boolean => {
    const raw = str(key)
    if (raw === null) return def
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false
    problems.push(`${key}="${raw}" must be true or false`)
    return def
  }
  const url = (key: string, protocols: string[]): string | null => {
    const raw = str(key)
    if (raw === null) return null
    try {
      const u = new URL(raw)
      if (!protocols.includes(u.protocol)) throw new Error('protocol')
      return raw
    } catch {
      problems.push(`${key} is not a valid ${protocols.join(' or ')} URL (got "${redactUrl(raw)}")`)
      return null
    }
  }

  const appEnvRaw =
    str('APP_ENV') ??
    (env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' || env.VITEST ? 'test' : 'development')
  let appEnv: AppEnv = 'development'
  if (appEnvRaw === 'development' || appEnvRaw === 'production' || appEnvRaw === 'test') appEnv = appEnvRaw
  else problems.push(`APP_ENV="${appEnvRaw}" must be development, production or test`)

  const port = int('APP_PORT', 3000, 0, 65535)
  const host = str('APP_HOST') ?? '127.0.0.1'
  const baseUrl = url('APP_BASE_URL', ['http:', 'https:'])
  if (appEnv === 'production' && !baseUrl)
    problems.push('APP_BASE_URL is required in production (the public https URL of this app, used for handler URLs)')

  const dbUrl = url('DATABASE_URL', ['postgres:', 'postgresql:'])
  const secret = str('APP_SECRET_KEY')
  if (appEnv === 'production' && (!secret || secret.length < 32))
    problems.push(
      'APP_SECRET_KEY is required in production and must be at least 32 characters (it encrypts refresh tokens at rest)',
    )
  else if (secret && secret.length < 32) problems.push('APP_SECRET_KEY must be at least 32 characters')

  const clientId = str('B24_CLIENT_ID')
  const clientSecret = str('B24_CLIENT_SECRET')
  if (Boolean(clientId) !== Boolean(clientSecret))
    problems.push('B24_CLIENT_ID and B24_CLIENT_SECRET must be set together')

  const metricsToken = str('APP_METRICS_TOKEN')
  if (metricsToken !== null && metricsToken.length < 16)
    problems.push('APP_METRICS_TOKEN must be at least 16 characters (it guards GET /metrics)')

  const level = str('LOG_LEVEL') ?? (appEnv === 'test' ? 'silent' : 'info')
  if (!LOG_LEVELS.includes(level)) problems.push(`LOG_LEVEL="${level}" must be one of ${LOG_LEVELS.join(', ')}`)

  const config: Config = {
    env: appEnv,
    http: { host, port, baseUrl: (baseUrl ?? `http://${host}:${port}`).replace(/\/+$/, '') },
    db: {
      url: dbUrl,
      dataDir: resolve(str('DB_DATA_DIR') ?? './data/pglite'),
      poolMax: int('DB_POOL_MAX', 10, 1, 200),
    },
    secretKey: secret ?? DEV_SECRET,
    b24: {
      clientId,
      clientSecret,
      oauthUrl: url('B24_OAUTH_URL', ['http:', 'https:']) ?? 'https://oauth.bitrix.info/oauth/token/',
      webhookUrl: url('B24_WEBHOOK_URL', ['http:', 'https:']),
      appVersion: str('B24_APP_VERSION') ?? '1',
      rateLimit: rateLimitOf(str('B24_RATE_LIMIT'), problems),
      uninstallGraceDays: int('B24_UNINSTALL_GRACE_DAYS', 7, 0, 365),
    },
    queue: {
      inProcessWorker: bool('QUEUE_IN_PROCESS_WORKER', true),
      concurrency: int('QUEUE_CONCURRENCY', 32, 1, 256),
      perPortalConcurrency: int('QUEUE_PORTAL_CONCURRENCY', 2, 1, 64),
      pollingSeconds: int('QUEUE_POLLING_SECONDS', 2, 1, 60),
      /** The longest wait before a failed job's next try (the backoff doubles up to it). */
      retryDelayMaxSeconds: int('QUEUE_RETRY_DELAY_MAX_SECONDS', 600, 1, 86_400),
    },
    log: { level, pretty: bool('LOG_PRETTY', false) },
    metrics: { token: metricsToken },
    telegram: {
      botToken: str('TELEGRAM_BOT_TOKEN'),
      webhookSecret: str('TELEGRAM_WEBHOOK_SECRET'),
      apiBase: url('TELEGRAM_API_BASE', ['http:', 'https:']) ?? 'https://api.telegram.org',
    },
    keyRates: {
      // off in tests unless a test names the service (nock answers it); "off" turns it off anywhere
      cbrUrl:
        str('APP_CBR_URL') === 'off'
          ? null
          : (url('APP_CBR_URL', ['http:', 'https:']) ??
            (appEnv === 'test' ? null : 'https://www.cbr.ru/DailyInfoWebServ/DailyInfo.asmx')),
    },
  }
  if (problems.length) throw new ConfigError(problems)
  return deepFreeze(config)
}

function rateLimitOf(raw: string | null, problems: string[]): { burst: number; drain: number } | null {
  if (raw === null) return null
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(raw)
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0) {
    problems.push(`B24_RATE_LIMIT="${raw}" must look like <burst>/<per second>, e.g. 46/1.96`)
    return null
  }
  return { burst: Number(m[1]), drain: Number(m[2]) }
}

function redactUrl(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@')
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}
