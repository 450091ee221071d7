// npm run cli -- install plan|apply|uninstall --portal <member_id|webhook> [--purge] [--json]
// Opens the app's database (stop the app first when it runs on embedded PGlite: one process only).
// `--portal webhook` is the portal of B24_WEBHOOK_URL (incoming-webhook mode).
import { parseArgs } from 'node:util'
import type { CliIo } from '../main.ts'
import { loadConfig } from '../../config.ts'
import { createLogger } from '../../lib/logger.ts'
import { createContext } from '../../create-context.ts'
import { wire } from '../../wiring.ts'
import { installPortal } from '../../use-cases/portal/install-portal.ts'
import { uninstallPortal } from '../../use-cases/portal/uninstall-portal.ts'
import { connectWebhookPortal, WEBHOOK_LIMITS } from '../../use-cases/portal/connect-webhook-portal.ts'
import { formatPlan } from '../../../install/reconcile.ts'

const USAGE =
  'usage: install plan|apply|uninstall --portal <member_id|webhook> [--apply] [--purge] [--json]\n' +
  '  plan       what apply would change\n  apply      make the portal match the manifest\n' +
  '  uninstall  list (or with --apply remove) our events, placements and robots; --purge also deletes our smart processes and their items'

export async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      portal: { type: 'string' },
      json: { type: 'boolean' },
      purge: { type: 'boolean' },
      apply: { type: 'boolean' },
    },
  })
  const verb = positionals[0]
  if (!['plan', 'apply', 'uninstall'].includes(verb ?? '') || !values.portal) {
    io.err(USAGE)
    return 2
  }
  const config = loadConfig()
  const ctx = wire(await createContext(config, createLogger({ log: { level: 'warn', pretty: false } })))
  try {
    let portal = values.portal
    if (portal === 'webhook') {
      const id = await connectWebhookPortal(ctx)
      if (!id) {
        io.err('--portal webhook needs B24_WEBHOOK_URL')
        return 2
      }
      portal = id
      if (verb !== 'uninstall') io.err(`Incoming-webhook mode: skipping ${WEBHOOK_LIMITS.join('; ')}.`)
    }
    if (!(await ctx.repos.portals.get(portal))) {
      io.err(`unknown portal ${portal}`)
      return 1
    }
    if (verb === 'uninstall') {
      const ops = await uninstallPortal(ctx, portal, values.apply === true, values.purge === true)
      io.out(
        values.json
          ? JSON.stringify({ operations: ops, applied: values.apply === true }, null, 2)
          : `${values.apply ? 'Removed' : 'Uninstall plan'} for ${portal}:\n${formatPlan(ops)}${values.apply ? '' : '\n(run again with --apply to remove)'}`,
      )
      return 0
    }
    const ops = await installPortal(ctx, portal, verb === 'apply')
    io.out(
      values.json
        ? JSON.stringify({ operations: ops }, null, 2)
        : `${verb === 'apply' ? 'Applied' : 'Plan'} for ${portal}:\n${formatPlan(ops)}`,
    )
    return 0
  } finally {
    await ctx.close()
  }
}
