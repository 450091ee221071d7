// The test run of `npm test`: two Vitest runs at once.
// - The files that judge their own processes by the clock (`--project serial`: the multi-process day,
//   the sandbox's rate limits, the portal client's pace) at normal priority. They wait far more than
//   they compute: alone they would leave the machine idle for minutes.
// - Everything else (unit, ui, integration, browser) under `nice -n 10`, so that whenever the clock-judged
//   processes want a core they get it at once, and the rest of the time the busy files use both cores.
// Arguments go to both runs (filters, reporters); a JSON report file (`--outputFile.json=x.json`) is
// written as x.json by the main run and x-serial.json by the serial one. The serial run's output is
// printed whole when it ends, so the two never interleave. Fails if either run fails.
import { spawn } from 'node:child_process'

const args = process.argv.slice(2)
const serialArgs = args.map((a) =>
  a.startsWith('--outputFile.json=')
    ? a.replace(/(\.json)?$/, (_m, ext: string | undefined) => `-serial${ext ?? ''}`)
    : a,
)
const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--passWithNoTests']
const projects = ['unit', 'ui', 'integration', 'browser'].flatMap((p) => ['--project', p])

function run(command: string, argv: string[], buffered: boolean): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, {
      stdio: ['ignore', buffered ? 'pipe' : 'inherit', buffered ? 'pipe' : 'inherit'],
    })
    const out: Buffer[] = []
    child.stdout?.on('data', (b: Buffer) => out.push(b))
    child.stderr?.on('data', (b: Buffer) => out.push(b))
    child.on('close', (code, signal) => {
      if (buffered) process.stdout.write(`\n== the clock-judged files (vitest --project serial)\n${Buffer.concat(out)}`)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

const serial = run(process.execPath, [...vitest, '--project', 'serial', ...serialArgs], true)
const main = run('nice', ['-n', '10', process.execPath, ...vitest, ...projects, ...args], false)
const [mainCode, serialCode] = [await main, await serial]
if (mainCode !== 0 || serialCode !== 0) {
  console.error(`failed: ${[mainCode && 'main run', serialCode && 'serial run'].filter(Boolean).join(', ')}`)
  process.exit(1)
}
