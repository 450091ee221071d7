// Body and query parsing as PHP does it: bracketed form keys (qs), JSON, tolerant of empty bodies.
import qs from 'qs'
import type { FastifyInstance } from 'fastify'

export const QS_OPTS = { depth: 20, arrayLimit: 10_000, parameterLimit: 1_000_000, allowDots: false } as const

export function parseQs(s: string): Record<string, unknown> {
  return qs.parse(s, QS_OPTS) as Record<string, unknown>
}

export function queryOf(url: string | undefined): Record<string, unknown> {
  const i = (url ?? '').indexOf('?')
  return i < 0 ? {} : parseQs((url ?? '').slice(i + 1))
}

export function pathOf(url: string | undefined): string {
  const u = url ?? '/'
  const i = u.indexOf('?')
  return i < 0 ? u : u.slice(0, i)
}

export function installBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 },
    (_req, body, done) => {
      const s = String(body).trim()
      if (s === '') return done(null, {})
      try {
        done(null, JSON.parse(s))
      } catch {
        const err = Object.assign(new Error('Invalid JSON'), { statusCode: 400 })
        done(err, undefined)
      }
    },
  )
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => {
    done(null, parseQs(String(body)))
  })
}
