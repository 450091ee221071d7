// Starts the app as its own process (so the load generator does not share its event loop).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The .ts sources run by Node itself, as the image runs them (Dockerfile: `node server/main.ts`), when this
// Node strips types (>= 22.18); else through tsx like `npm start` (tsx's loader adds ~40 MB of RSS).
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
export const IMAGE_NODE_ARGS = major > 22 || (major === 22 && minor >= 18) ? [] : ['--import', 'tsx']
/** The image's environment for the allocator (Dockerfile ENV, the systemd units). */
export const IMAGE_ENV = { MALLOC_ARENA_MAX: '2' }

export interface AppProcess {
  url: string
  pid: number
  stop: () => Promise<void>
  rssMb: () => number
}

export async function startAppProcess(
  env: Record<string, string>,
  port: number,
  /** Each line the app logs on stdout (the app's log level comes from env LOG_LEVEL, 'warn' by default). */
  onLine?: (line: string) => void,
): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [...IMAGE_NODE_ARGS, 'server/main.ts'], {
    env: {
      ...process.env,
      ...IMAGE_ENV,
      APP_PORT: String(port),
      APP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      APP_SECRET_KEY: 'bench-secret-key-bench-secret-key-00',
      ...env,
    },
    stdio: ['ignore', onLine ? 'pipe' : 'ignore', 'inherit'],
  })
  if (onLine) {
    let rest = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      for (const l of lines) onLine(l)
    })
  }
  const url = `http://127.0.0.1:${port}`
  const until = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch {
      /* not yet */
    }
    if (Date.now() > until) {
      child.kill('SIGKILL')
      throw new Error('app did not start in 180 s')
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    pid: child.pid!,
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      return m ? Number(m[1]) / 1024 : NaN
    },
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r())
        child.kill('SIGTERM')
      }),
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
