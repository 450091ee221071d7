import type { FastifyInstance } from 'fastify'
import qs from 'qs'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'

export const FORM_LIMITS = { depth: 6, parameterLimit: 2_000, arrayLimit: 200 }

/** Parses Bitrix24's bracketed form bodies (`data[FIELDS][ID]=15`) into objects, with limits. */
export function parseBracketedForm(text: string) {
  const pairs = text.length === 0 ? 0 : text.split('&').length
  if (pairs > FORM_LIMITS.parameterLimit)
    throw new InboundError(
      413,
      'inbound.too-many-fields',
      `form body has ${pairs} fields; the limit is ${FORM_LIMITS.parameterLimit}`,
    )
  // NUL never belongs in a portal field, and PostgreSQL refuses it in text and jsonb: drop it.
  return qs.parse(text, {
    ...FORM_LIMITS,
    strictDepth: true,
    allowPrototypes: false,
    plainObjects: true,
    charset: 'utf-8',
    decoder: (str) => decodeFormPart(str).replace(/\u0000/g, ''),
  })
}

/** One percent-encoded part as UTF-8; an ill-formed sequence (a lone surrogate's bytes, a cut character) is refused. */
function decodeFormPart(str: string): string {
  const text = str.replace(/\+/g, ' ')
  if (!text.includes('%')) return text
  try {
    return decodeURIComponent(text)
  } catch {
    throw new InboundError(400, 'request.ill-formed-unicode', 'the form body holds an ill-formed UTF-8 sequence')
  }
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one: not Unicode text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const JSON_LIMITS = { depth: 32 }

/**
 * Why a parsed JSON body must be refused, or null: NUL in a string or a key (PostgreSQL refuses it in
 * text and jsonb, so it would fail deep inside a write) and nesting deeper than any body of ours
 * (recursive validators and JSON.stringify would overflow the stack). Walks without recursion.
 */
export function jsonBodyProblem(value: unknown): string | null {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return 'a text value contains a NUL character'
      if (LONE_SURROGATE.test(v)) return 'a text value contains ill-formed Unicode (a lone surrogate)'
      continue
    }
    if (!v || typeof v !== 'object') continue
    if (depth >= JSON_LIMITS.depth) return `the JSON body is nested deeper than ${JSON_LIMITS.depth} levels`
    for (const [k, child] of Object.entries(v)) {
      if (k.includes('\u0000')) return 'a key contains a NUL character'
      if (LONE_SURROGATE.test(k)) return 'a key contains ill-formed Unicode (a lone surrogate)'
      stack.push([child, depth + 1])
    }
  }
  return null
}

export function registerBodyParsers(app: FastifyInstance): void {
  // Fastify's own JSON parser (prototype-poisoning checks, its error codes), then our limits
  const json = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    json(req, body as string, (err, value) => {
      if (err) return done(err, undefined)
      const problem = jsonBodyProblem(value)
      if (problem)
        return done(
          new InboundError(
            400,
            problem.includes('Unicode') ? 'request.ill-formed-unicode' : 'request.malformed-json',
            problem,
          ),
          undefined,
        )
      done(null, value)
    })
  })
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseBracketedForm(body as string))
    } catch (e) {
      if (e instanceof InboundError) return done(e, undefined)
      done(new InboundError(400, 'inbound.malformed-form', `malformed form body: ${(e as Error).message}`), undefined)
    }
  })
}
