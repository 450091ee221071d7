// The demo's command line: its flags (also printed by --help) and a clear line when a port is taken.
import { createServer } from 'node:net'

export const demoFlags = {
  'app-port': { type: 'string', default: '3000', help: 'port of the app (placements, API, events)' },
  'portal-port': { type: 'string', default: '3010', help: 'port of the sandbox portal page (first run only)' },
  'sandbox-port': { type: 'string', default: '3020', help: 'port of the sandbox root (OAuth server, Market)' },
  data: { type: 'string', default: './data/demo', help: 'data directory; kept between runs' },
  'log-level': { type: 'string', default: 'warn', help: 'app log level: debug, info, warn, error' },
  help: { type: 'boolean', default: false, help: 'print this help and exit' },
} as const

export function demoHelp(): string {
  const lines = Object.entries(demoFlags).map(([name, f]) => {
    const value = f.type === 'string' ? ` <${name === 'data' ? 'dir' : name === 'log-level' ? 'level' : 'port'}>` : ''
    const def = f.type === 'string' ? ` (default ${f.default})` : ''
    return `  --${name}${value}`.padEnd(28) + `${f.help}${def}`
  })
  return [
    'npm run demo -- [flags]',
    'The sandbox Bitrix24 portal with the app installed from its Market and demo data; prints the URL to open.',
    '',
    ...lines,
    '',
  ].join('\n')
}

/** Resolves when nothing listens on 127.0.0.1:port; otherwise rejects with one readable line. */
export function assertPortFree(port: number, flag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new Error(
          e.code === 'EADDRINUSE'
            ? `Port ${port} is already in use: stop what listens there or pick another with --${flag} <port>.`
            : `Port ${port} cannot be used (${e.code ?? e.message}): pick another with --${flag} <port>.`,
        ),
      ),
    )
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()))
  })
}
