// npm run cli -- install plan|apply --portal <member_id> [--json]
// Opens the app's database (stop the app first when it runs on embedded PGlite: one process only).
import { parseArgs } from 'node:util'
import type { CliIo } from '../main.ts'
import { loadConfig } from '../../config.ts'
import { createLogger } from '../../lib/logger.ts'
import { createContext } from '../../context.ts'
import { wire } from '../../wiring.ts'
import { installPortal } from '../../use-cases/install-portal.ts'
import { formatPlan } from '../../../install/reconcile.ts'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { portal: { type: 'string' }, json: { type: 'boolean' } } })
  const verb = positionals[0]
  if ((verb !== 'plan' && verb !== 'apply') || !values.portal) {
    io.err('usage: install plan|apply --portal <member_id> [--json]')
    return 2
  }
  const config = loadConfig()
  const ctx = wire(await createContext(config, createLogger({ log: { level: 'warn', pretty: false } })))
  try {
    if (!(await ctx.repos.portals.get(values.portal))) { io.err(`unknown portal ${values.portal}`); return 1 }
    const ops = await installPortal(ctx, values.portal, verb === 'apply')
    io.out(values.json ? JSON.stringify({ operations: ops }, null, 2) : `${verb === 'apply' ? 'Applied' : 'Plan'} for ${values.portal}:\n${formatPlan(ops)}`)
    return 0
  } finally {
    await ctx.close()
  }
}
