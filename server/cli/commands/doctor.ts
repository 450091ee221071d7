// npm run cli -- doctor --portal <member_id|webhook> [--json]
// Checks a connected portal without changing it: scopes granted vs needed, each method the app uses reachable,
// our smart processes' type settings and fields as the portal reports them, the plan's rate limit.
// Exit code 0 when everything the app needs is there, 1 when a problem was found, 2 on bad arguments.
import { parseArgs } from 'node:util'
import type { CliIo } from '../main.ts'
import { loadConfig } from '../../config.ts'
import { createLogger } from '../../lib/logger.ts'
import { createContext } from '../../create-context.ts'
import { wire } from '../../wiring.ts'
import type { AppContext } from '../../context.ts'
import { connectWebhookPortal } from '../../use-cases/portal/connect-webhook-portal.ts'
import { doctorPortal, formatDoctor } from '../../use-cases/portal/doctor-portal.ts'

const USAGE = 'usage: doctor --portal <member_id|webhook> [--json]'

export async function run(args: string[], io: CliIo): Promise<number> {
  const ctx = wire(await createContext(loadConfig(), createLogger({ log: { level: 'warn', pretty: false } })))
  try {
    return await doctorCommand(ctx, args, io)
  } finally {
    await ctx.close()
  }
}

/** The command on an open context (tests run it on their own app context against the sandbox). */
export async function doctorCommand(ctx: AppContext, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: { portal: { type: 'string' }, json: { type: 'boolean' } },
  })
  if (!values.portal) {
    io.err(USAGE)
    return 2
  }
  let portal = values.portal
  if (portal === 'webhook') {
    const id = await connectWebhookPortal(ctx)
    if (!id) {
      io.err('--portal webhook needs B24_WEBHOOK_URL')
      return 2
    }
    portal = id
  }
  if (!(await ctx.repos.portals.get(portal))) {
    io.err(`unknown portal ${portal}`)
    return 1
  }
  const report = await doctorPortal(ctx, portal)
  io.out(values.json ? JSON.stringify(report, null, 2) : formatDoctor(report))
  return report.ok ? 0 : 1
}
