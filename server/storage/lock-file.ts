import { openSync, closeSync, writeSync, readFileSync, unlinkSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export class LockHeldError extends Error {
  constructor(path: string, pid: number) {
    super(
      `The embedded database is in use by another process (pid ${pid}, lock ${path}). ` +
        'PGlite allows one process per data directory; stop the other process or set DATABASE_URL to use PostgreSQL for several instances.',
    )
    this.name = 'LockHeldError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes an exclusive lock file (O_EXCL); a stale lock of a dead process is taken over. */
export function acquireLockFile(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          unlinkSync(path)
        } catch {
          /* already gone */
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(readFileSync(path, 'utf8').trim())
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new LockHeldError(path, pid)
      unlinkSync(path)
    }
  }
  throw new Error(`could not take the lock file ${path}`)
}
