import pino, { type DestinationStream, type Logger } from 'pino'
import type { Config } from '../config.ts'
import { REDACT_PATHS, redactUrl } from './redact.ts'

export type { Logger }

/** The app's logger; `destination` (default stdout) lets a test read exactly what production would print. */
export function createLogger(config: Pick<Config, 'log'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.log.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        id: req.id,
      }),
    },
  }
  if (destination) return pino(options, destination)
  return pino({ ...options, ...(config.log.pretty ? { transport: { target: 'pino-pretty' } } : {}) })
}
