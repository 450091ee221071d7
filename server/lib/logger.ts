import pino, { type Logger } from 'pino'
import type { Config } from '../config.ts'
import { REDACT_PATHS, redactUrl } from './redact.ts'

export type { Logger }

export function createLogger(config: Pick<Config, 'log'>): Logger {
  return pino({
    level: config.log.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id?: string }) => ({ method: req.method, url: redactUrl(req.url), id: req.id }),
    },
    ...(config.log.pretty ? { transport: { target: 'pino-pretty' } } : {}),
  })
}
