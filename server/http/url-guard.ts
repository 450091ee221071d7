import type { FastifyRequest } from 'fastify'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'

/**
 * A NUL character never belongs in a path or a query value, and PostgreSQL refuses it in text:
 * `?q=a%00b` reached a search as a 500. Refused before routing (form bodies drop it, JSON refuses it).
 */
export function rejectNulInUrl(req: FastifyRequest): void {
  if (/%00/i.test(req.url) || req.url.includes('\u0000'))
    throw new InboundError(400, 'request.nul-character', 'The address contains a NUL character (%00)')
}
