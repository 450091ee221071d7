// The project's CLI: `npm run cli -- <command> [...args]`. Each command lives in
// server/cli/commands/<command>.ts and exports run(args, io) returning an exit code.
import { pathToFileURL } from 'node:url'
import { existsSync } from 'node:fs'

export interface CliIo {
  out: (s: string) => void
  err: (s: string) => void
}

export interface CliCommand {
  run: (args: string[], io: CliIo) => Promise<number>
}

const commands = ['calendar', 'penalty', 'statement', 'install', 'doctor', 'state-duty', 'document'] as const

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === 'help') {
    io.out(`usage: npm run cli -- <command> ...\ncommands: ${commands.join(', ')}`)
    return name ? 0 : 2
  }
  if (!(commands as readonly string[]).includes(name)) {
    io.err(`unknown command "${name}"; known: ${commands.join(', ')}`)
    return 2
  }
  const file = new URL(`./commands/${name}.ts`, import.meta.url)
  if (!existsSync(file)) {
    io.err(`command "${name}" is not available in this build`)
    return 2
  }
  const mod = (await import(pathToFileURL(file.pathname).href)) as CliCommand
  return mod.run(rest, io)
}

const isEntry = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href
if (isEntry) {
  const io: CliIo = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      io.err(e instanceof Error ? e.message : String(e))
      process.exitCode = 1
    },
  )
}
