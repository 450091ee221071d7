import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env)
    return []
  } catch (e) {
    return (e as ConfigError).problems
  }
}

describe('config', () => {
  it('names every bad value at once, clearly', () => {
    const problems = problemsOf({
      APP_ENV: 'production',
      DATABASE_URL: 'mysql://x',
      APP_PORT: '99999',
      LOG_LEVEL: 'loud',
      B24_CLIENT_ID: 'only-id',
    })
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/APP_BASE_URL is required in production/),
        expect.stringMatching(/DATABASE_URL is not a valid postgres: or postgresql: URL/),
        expect.stringMatching(/APP_PORT="99999" must be an integer between 0 and 65535/),
        expect.stringMatching(/LOG_LEVEL="loud"/),
        expect.stringMatching(/B24_CLIENT_ID and B24_CLIENT_SECRET must be set together/),
        expect.stringMatching(/APP_SECRET_KEY is required in production/),
      ]),
    )
  })

  it('takes a metrics token only long enough to guard /metrics', () => {
    expect(problemsOf({ APP_METRICS_TOKEN: 'short' })).toEqual([
      'APP_METRICS_TOKEN must be at least 16 characters (it guards GET /metrics)',
    ])
    expect(loadConfig({ APP_METRICS_TOKEN: ' metrics-token-0123456789 ' }).metrics.token).toBe(
      'metrics-token-0123456789',
    )
    expect(loadConfig({}).metrics.token).toBeNull()
  })

  it('never echoes a password from a bad URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://user:hunter2@db/x' }).join('\n')).not.toContain('hunter2')
  })

  it('is typed, defaulted and frozen', () => {
    const c = loadConfig({
      APP_ENV: 'test',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      B24_RATE_LIMIT: '46/1.96',
    })
    expect(c.db.url).toBe('postgres://postgres@127.0.0.1:5432/x')
    expect(c.http.baseUrl).toBe('http://127.0.0.1:3000')
    expect(c.b24.rateLimit).toEqual({ burst: 46, drain: 1.96 })
    expect(Object.isFrozen(c) && Object.isFrozen(c.http)).toBe(true)
  })
})
