import type { FastifyRequest } from 'fastify'
import { InboundError } from '../bitrix24/inbound/inbound-error.ts'

/** The portal sends form-encoded bodies (and some tools JSON); anything else is refused with 415. */
export function requireFormOrJson(req: FastifyRequest): void {
  if (req.method !== 'POST') return
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded' || type === 'application/json') return
  if (type === '' && (req.headers['content-length'] === '0' || req.headers['content-length'] === undefined)) return
  throw new InboundError(
    415,
    'request.unsupported-media-type',
    `Unsupported content type "${type.slice(0, 64)}": send application/x-www-form-urlencoded or application/json`,
  )
}
