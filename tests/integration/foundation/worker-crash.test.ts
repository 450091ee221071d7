import { afterAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabaseUrl } from '../../helpers/db.ts'

const script = join(import.meta.dirname, '../../helpers/crash-worker.ts')
const dir = mkdtempSync(join(tmpdir(), 'rc-crash-'))
const children: ChildProcess[] = []

function run(mode: string, target: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode, target, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return child
}
const exited = (c: ChildProcess) =>
  new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())))

async function waitFor(cond: () => boolean, ms: number) {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}
const lines = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8').trim().split('\n') : [])

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('a worker killed with SIGKILL mid-job', () => {
  it('loses no job: it runs again after restart', async () => {
    const { url, drop } = await createTestDatabaseUrl()
    const target = url ?? join(dir, 'pglite')
    try {
      await exited(run('send', target))
      const hang = run('hang', target)
      await waitFor(() => lines('hang.log').length === 1, 30_000)
      hang.kill('SIGKILL')
      await exited(hang)
      const finish = run('finish', target)
      await waitFor(() => lines('finish.log').length === 1, 60_000)
      expect(lines('hang.log')).toEqual(['42'])
      expect(lines('finish.log')).toEqual(['42'])
      finish.kill('SIGTERM')
      await exited(finish)
    } finally {
      await drop()
    }
  }, 90_000)
})
