// Runs npm scripts at once and fails if any fails: `tsx scripts/run-parallel.ts typecheck lint`.
// The type check and the linters each use about one core, so on 2 cores they take the time of the
// longer one. Each script's output is printed whole when it ends, so the two never interleave.
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
if (scripts.length === 0) {
  console.error('usage: tsx scripts/run-parallel.ts <npm script>...')
  process.exit(2)
}

const results = await Promise.all(
  scripts.map(
    (name) =>
      new Promise<{ name: string; code: number; seconds: number }>((resolve) => {
        const started = Date.now()
        const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
        const out: Buffer[] = []
        child.stdout.on('data', (b: Buffer) => out.push(b))
        child.stderr.on('data', (b: Buffer) => out.push(b))
        child.on('close', (code) => {
          const seconds = Math.round((Date.now() - started) / 100) / 10
          process.stdout.write(`== npm run ${name} (${seconds} s, exit ${code ?? 1})\n${Buffer.concat(out).toString()}`)
          resolve({ name, code: code ?? 1, seconds })
        })
      }),
  ),
)
const failed = results.filter((r) => r.code !== 0)
if (failed.length) {
  console.error(`failed: ${failed.map((r) => r.name).join(', ')}`)
  process.exit(1)
}
