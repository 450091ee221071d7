// The app's own logger (server/lib/logger.ts, redaction and all) writing into memory, so a test can
// check what production would print: every line is kept as text.
import { Writable } from 'node:stream'
import { createLogger } from '../../server/lib/logger.ts'

export function captureLog(level = 'debug') {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  const log = createLogger({ log: { level, pretty: false } }, stream)
  return {
    log,
    lines,
    /** The lines that contain any of the secrets (none of length < 8, which would match by chance). */
    leaks(secrets: (string | null | undefined)[]) {
      const s = secrets.filter((x): x is string => typeof x === 'string' && x.length >= 8)
      return lines.filter((l) => s.some((x) => l.includes(x)))
    },
  }
}
