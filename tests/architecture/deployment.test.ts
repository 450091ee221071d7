// The deployable artifact, checked without Docker (these machines pull no images): compose.yaml
// against the Compose file's structure and what the app needs, the Dockerfile against lint rules of
// the hadolint kind (no Debian package offers hadolint), and the production code against its
// dependencies. scripts/ci/production-install.sh then runs the image's commands for real.
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { join } from 'node:path'
import { isTest, listSources, ROOT } from './source-files.ts'
import { IMAGE_ENV } from '../../bench/lib/app-process.ts'

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8')
const exists = (f: string) => existsSync(join(ROOT, f))
type Service = Record<string, unknown> & {
  image?: string
  build?: unknown
  command?: string[]
  env_file?: string | string[]
  environment?: Record<string, unknown>
  depends_on?: Record<string, { condition: string }>
  deploy?: { replicas?: number }
  volumes?: string[]
  ports?: string[]
  healthcheck?: { test?: unknown; disable?: boolean }
}
const compose = parse(read('compose.yaml'), { merge: true }) as {
  name?: string
  services: Record<string, Service>
  volumes?: Record<string, unknown>
}
const envExample = new Set([...read('.env.example').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]))

// the Compose specification's keys (top level and service level) that this file may use
const TOP_KEYS = ['name', 'services', 'volumes', 'networks', 'configs', 'secrets']
const SERVICE_KEYS = [
  'image',
  'build',
  'command',
  'entrypoint',
  'restart',
  'env_file',
  'environment',
  'ports',
  'volumes',
  'depends_on',
  'deploy',
  'healthcheck',
  'user',
  'working_dir',
  'networks',
  'stop_grace_period',
  'stop_signal',
  'labels',
  'logging',
]
const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully']

describe('compose.yaml', () => {
  it('uses only Compose keys, well-formed', () => {
    for (const k of Object.keys(compose)) expect(k.startsWith('x-') || TOP_KEYS.includes(k), k).toBe(true)
    for (const [name, s] of Object.entries(compose.services)) {
      expect(name).toMatch(/^[a-z0-9][a-z0-9_.-]*$/)
      for (const k of Object.keys(s)) expect(SERVICE_KEYS, `${name}.${k}`).toContain(k)
      expect(s.image || s.build, `${name} has an image or a build`).toBeTruthy()
      // environment values must be strings or numbers (a bare YAML true/false is refused by Compose)
      for (const [k, v] of Object.entries(s.environment ?? {}))
        expect(['string', 'number'], `${name}.environment.${k}`).toContain(typeof v)
      for (const [dep, d] of Object.entries(s.depends_on ?? {})) {
        expect(Object.keys(compose.services), `${name} depends on ${dep}`).toContain(dep)
        expect(CONDITIONS).toContain(d.condition)
      }
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0]
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect(Object.keys(compose.volumes ?? {}), `volume ${source}`).toContain(source)
      }
      if (s.command) expect(Array.isArray(s.command), `${name}.command in exec form`).toBe(true)
    }
  })

  it('runs PostgreSQL 16, the app and two workers from one image, configured from .env', () => {
    const { postgres, app, worker } = compose.services
    expect(postgres.image).toMatch(/^postgres:16(\b|$)/)
    expect(postgres.healthcheck?.test).toBeTruthy()
    expect(postgres.volumes?.some((v) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true)
    expect(app.build).toBe('.')
    expect(exists('Dockerfile')).toBe(true)
    expect(worker.image).toBe(app.image)
    expect(worker.deploy?.replicas).toBe(2)
    expect(worker.command).toEqual(['node', 'server/worker-main.ts'])
    expect(exists(worker.command![1])).toBe(true)
    expect(worker.healthcheck?.disable).toBe(true) // no HTTP port in a worker
    for (const s of [app, worker]) {
      expect(s.env_file).toBe('.env')
      expect(String(s.environment?.DATABASE_URL)).toMatch(/^postgres:\/\/.+@postgres:5432\//)
      expect(s.environment?.QUEUE_IN_PROCESS_WORKER).toBe('false')
      expect(s.depends_on?.postgres.condition).toBe('service_healthy')
    }
    expect(app.environment?.APP_HOST).toBe('0.0.0.0')
    expect(app.ports).toEqual([`\${APP_PORT:-3000}:${app.environment?.APP_PORT}`])
  })

  it('takes every setting it interpolates from .env (named in .env.example)', () => {
    const vars = [...read('compose.yaml').matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1])
    expect(vars.length).toBeGreaterThan(0)
    for (const v of new Set(vars)) expect(envExample, v).toContain(v)
    // and every app setting compose sets is one the app reads
    for (const k of Object.keys(compose.services.app.environment ?? {})) expect(envExample, k).toContain(k)
  })
})

interface Instruction {
  op: string
  args: string
  line: number
}
function dockerInstructions(text: string): Instruction[] {
  const out: Instruction[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(#|$)/.test(lines[i])) continue
    const start = i
    let full = lines[i]
    while (full.endsWith('\\')) full = full.slice(0, -1) + ' ' + lines[++i].trim()
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(full)
    if (!m) throw new Error(`Dockerfile line ${start + 1} is not an instruction: ${full}`)
    out.push({ op: m[1], args: m[2].trim(), line: start + 1 })
  }
  return out
}

describe('Dockerfile', () => {
  const all = dockerInstructions(read('Dockerfile'))
  const finalStage = all.slice(all.map((x) => x.op).lastIndexOf('FROM'))
  const args = Object.fromEntries(
    all.filter((x) => x.op === 'ARG').map((x) => x.args.split('=') as [string, string]),
  ) as Record<string, string>

  it('passes the lint rules (hadolint kind)', () => {
    const OPS = ['FROM', 'ARG', 'ENV', 'WORKDIR', 'COPY', 'RUN', 'USER', 'EXPOSE', 'HEALTHCHECK', 'CMD', 'VOLUME']
    expect(['FROM', 'ARG']).toContain(all[0].op)
    for (const x of all) {
      expect(OPS, `line ${x.line}: ${x.op}`).toContain(x.op)
      if (x.op === 'FROM') {
        const image = x.args.split(/\s+/)[0].replace(/^\$\{(\w+)\}$/, (_, a: string) => args[a])
        expect(image, `line ${x.line}: a pinned tag, never latest`).toMatch(/^[a-z0-9./-]+:[\w.-]+$/)
        expect(image).not.toMatch(/:latest$/)
        expect(x.args, `line ${x.line}: the stage is named`).toMatch(/\sAS\s+[a-z][a-z0-9-]*$/)
      }
      if (x.op === 'WORKDIR') expect(x.args, `line ${x.line}: absolute WORKDIR`).toMatch(/^\//)
      if (x.op === 'RUN') {
        expect(x.args, `line ${x.line}`).not.toMatch(/\bsudo\b|\bnpm install\b|apt-get upgrade|\bcd\s/)
        if (/apt-get install/.test(x.args)) expect(x.args).toMatch(/--no-install-recommends/)
      }
      if (x.op === 'COPY' && !x.args.startsWith('--from')) {
        const sources = x.args
          .split(/\s+/)
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1)
        for (const s of sources) expect(exists(s), `line ${x.line}: ${s} exists`).toBe(true)
      }
    }
    for (const op of ['CMD', 'HEALTHCHECK', 'USER']) expect(all.filter((x) => x.op === op).length, op).toBe(1)
  })

  it('runs Node 22 as a non-root user, checks /healthz, ships the built UI and no dev dependencies', () => {
    expect(args.NODE_IMAGE).toMatch(/^node:22[-.]/)
    const op = (o: string) => finalStage.filter((x) => x.op === o)
    expect(op('USER')[0].args).not.toMatch(/^(root|0)(:|$)/)
    expect(op('HEALTHCHECK')[0].args).toMatch(/\/healthz/)
    const cmd = JSON.parse(op('CMD')[0].args) as string[]
    expect(cmd).toEqual(['node', 'server/main.ts']) // no tsx: Node 22 strips the types itself
    const copies = op('COPY').map((x) => x.args)
    expect(copies).toContain('--from=ui /src/dist/ui ./dist/ui')
    expect(copies).toContain('--from=deps /app/node_modules ./node_modules')
    const deps = all.slice(all.findIndex((x) => /AS deps$/.test(x.args)))
    expect(deps.find((x) => x.op === 'RUN')?.args).toMatch(/npm ci --omit=dev/)
    const exposed = op('EXPOSE')[0].args
    expect(op('ENV')[0].args).toContain(`APP_PORT=${exposed}`)
  })

  it('copies what scripts/ci/production-install.sh proves, and systemd starts the same commands', () => {
    const copied = finalStage
      .filter((x) => x.op === 'COPY' && !x.args.startsWith('--from'))
      .flatMap((x) => x.args.split(/\s+/).slice(0, -1))
    const script = read('scripts/ci/production-install.sh')
    const listed = /git ls-files -co --exclude-standard -- ([^|]+)\|/.exec(script)![1].trim().split(/\s+/)
    expect(listed.sort()).toEqual(copied.sort())
    expect(read('deploy/receivables-control.service')).toMatch(/^ExecStart=\/usr\/bin\/node server\/main\.ts$/m)
    expect(read('deploy/receivables-control-worker@.service')).toMatch(
      /^ExecStart=\/usr\/bin\/node server\/worker-main\.ts$/m,
    )
  })

  it('sets the allocator as the benches measured it, in the image, the units and the production check', () => {
    const image = finalStage.filter((x) => x.op === 'ENV').map((x) => x.args)
    for (const [k, v] of Object.entries(IMAGE_ENV)) {
      expect(image.join(' ')).toMatch(new RegExp(`\\b${k}=${v}\\b`))
      for (const unit of ['deploy/receivables-control.service', 'deploy/receivables-control-worker@.service'])
        expect(read(unit)).toMatch(new RegExp(`^Environment=.*\\b${k}=${v}\\b`, 'm'))
      expect(read('scripts/ci/production-install.sh')).toMatch(new RegExp(`^export .*\\b${k}=${v}\\b`, 'm'))
    }
  })
})

describe('production code', () => {
  it('imports only production dependencies (npm ci --omit=dev leaves the rest out)', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> }
    const allowed = new Set([...Object.keys(pkg.dependencies), ...builtinModules])
    const shipped = ['server', 'robots', 'install', 'contracts']
      .flatMap((d) => listSources(d, ['.ts']))
      .filter((f) => !isTest(f))
    expect(shipped.length).toBeGreaterThan(50)
    const wrong: string[] = []
    for (const f of shipped) {
      for (const m of read(f).matchAll(/^\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/gm)) {
        const spec = m[1]
        if (spec.startsWith('.') || spec.startsWith('node:')) continue
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
        if (!allowed.has(name) && !m[0].includes('import type')) wrong.push(`${f}: ${spec}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
