// The app's processes: HTTP instances (server/main.ts, no in-process worker) and workers
// (server/worker-main.ts), spawned as a deployment would run them; killed with SIGKILL and started
// again by the chaos schedule. Each keeps its output in a log file for the report of a failure.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../../..')

export interface ProcessSpec {
  name: string
  kind: 'http' | 'worker'
  port?: number
  env: Record<string, string>
  /** Node's options before the script (default: tsx's loader; [] runs the .ts sources as the image does). */
  nodeArgs?: string[]
}

export class AppProcess {
  readonly spec: ProcessSpec
  readonly logFile: string
  child: ChildProcess | null = null
  starts = 0
  kills = 0
  /** Exits nobody asked for (a crash): code or signal, and the last lines of output. */
  readonly crashes: string[] = []
  #expectExit = false

  constructor(spec: ProcessSpec, logDir: string) {
    this.spec = spec
    this.logFile = join(logDir, `${spec.name}.log`)
  }

  get alive(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null)
  }

  async start(): Promise<void> {
    const script = this.spec.kind === 'http' ? 'server/main.ts' : 'server/worker-main.ts'
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env))
      if (v !== undefined && !/^(APP_|B24_|DB_|QUEUE_|LOG_|DATABASE_URL$)/.test(k)) env[k] = v
    const log = createWriteStream(this.logFile, { flags: 'a' })
    log.write(`--- start ${++this.starts} at ${new Date().toISOString()}\n`)
    const child = spawn(process.execPath, [...(this.spec.nodeArgs ?? ['--import', 'tsx']), script], {
      cwd: ROOT,
      env: { ...env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.pipe(log, { end: false })
    child.stderr!.pipe(log, { end: false })
    child.once('exit', (code, sig) => {
      if (!this.#expectExit)
        this.crashes.push(`${this.spec.name} exited (${code ?? sig}) at ${new Date().toISOString()}`)
      setTimeout(() => log.end(), 100)
    })
    this.#expectExit = false
    this.child = child
    await this.waitReady()
  }

  async waitReady(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs
    for (;;) {
      if (!this.alive)
        throw new Error(
          `${this.spec.name} exited during start (${this.child?.exitCode ?? this.child?.signalCode}):\n${this.tail()}`,
        )
      if (this.spec.kind === 'http') {
        const ok = await fetch(`http://127.0.0.1:${this.spec.port}/healthz`)
          .then((r) => r.status === 200)
          .catch(() => false)
        if (ok) return
      } else if (
        existsSync(this.logFile) &&
        readFileSync(this.logFile, 'utf8').split('--- start').at(-1)!.includes('worker.started')
      )
        return
      if (Date.now() > until)
        throw new Error(`${this.spec.name} did not become ready in ${timeoutMs} ms:\n${this.tail()}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const c = this.child
    if (!c || !this.alive) return
    if (signal === 'SIGKILL') this.kills++
    const exited = new Promise<void>((r) => c.once('exit', () => r()))
    this.#expectExit = true
    c.kill(signal)
    await exited
  }

  tail(lines = 30): string {
    if (!existsSync(this.logFile)) return '(no output)'
    return readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n')
  }
}

export interface ClusterEnv {
  databaseUrl: string
  baseUrl: string
  oauthUrl: string
  clientId: string
  clientSecret: string
}

export function appEnv(c: ClusterEnv, extra: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ENV: 'test',
    APP_HOST: '127.0.0.1',
    APP_BASE_URL: c.baseUrl,
    APP_SECRET_KEY: 'multi-process-secret-key-0000000000000',
    DATABASE_URL: c.databaseUrl,
    DB_POOL_MAX: '5',
    B24_CLIENT_ID: c.clientId,
    B24_CLIENT_SECRET: c.clientSecret,
    B24_OAUTH_URL: c.oauthUrl,
    QUEUE_IN_PROCESS_WORKER: 'false',
    QUEUE_CONCURRENCY: '6',
    LOG_LEVEL: 'info',
    ...extra,
  }
}
