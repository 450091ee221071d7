import type { FastifyInstance } from 'fastify'
import qs from 'qs'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'

export const FORM_LIMITS = { depth: 6, parameterLimit: 2_000, arrayLimit: 200 }

/** Parses Bitrix24's bracketed form bodies (`data[FIELDS][ID]=15`) into objects, with limits. */
export function parseBracketedForm(text: string) {
  const pairs = text.length === 0 ? 0 : text.split('&').length
  if (pairs > FORM_LIMITS.parameterLimit) throw new InboundError(413, 'inbound.too-many-fields', `form body has ${pairs} fields; the limit is ${FORM_LIMITS.parameterLimit}`)
  // NUL never belongs in a portal field, and PostgreSQL refuses it in text and jsonb: drop it.
  return qs.parse(text, {
    ...FORM_LIMITS, strictDepth: true, allowPrototypes: false, plainObjects: true, charset: 'utf-8',
    decoder: (str, defaultDecoder, charset) => String(defaultDecoder(str, defaultDecoder, charset)).replace(/\u0000/g, ''),
  })
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseBracketedForm(body as string))
    } catch (e) {
      if (e instanceof InboundError) return done(e, undefined)
      done(new InboundError(400, 'inbound.malformed-form', `malformed form body: ${(e as Error).message}`), undefined)
    }
  })
}
