// The catalog's robots: added when missing, updated when their registration changed
// (a hash per robot in install-state, since bizproc.robot.list returns codes only).
import { createHash } from 'node:crypto'
import type { RobotCatalog } from '../robot-catalog.ts'
import { operate, type ReconcileCtx } from '../reconcile-context.ts'
import { bizproc } from '../../server/bitrix24/rest/index.ts'

export async function reconcileRobots(rc: ReconcileCtx, robots: RobotCatalog, authUserId: number): Promise<void> {
  const have = new Set(await bizproc.robotCodes(rc.client))
  const entityTypeIds = Object.fromEntries(Object.entries(rc.state.processes).map(([k, p]) => [k, p!.entityTypeId]))
  const hashes = (rc.state as unknown as { robotHashes?: Record<string, string> }).robotHashes ?? {}
  const next: Record<string, string> = {}
  for (const def of robots) {
    const fields = def.registration({ handlerBase: rc.baseUrl, authUserId, entityTypeIds })
    const hash = createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 16)
    next[def.code] = hash
    if (!have.has(def.code)) {
      await operate(rc, { kind: 'robot', action: 'create', target: def.code, detail: def.name[rc.lang] }, () =>
        bizproc.addRobot(rc.client, fields),
      )
    } else if (hashes[def.code] !== hash) {
      const { CODE, ...rest } = fields
      await operate(rc, { kind: 'robot', action: 'update', target: def.code }, () =>
        bizproc.updateRobot(rc.client, CODE, rest),
      )
    }
  }
  for (const code of have) {
    if (!robots.some((r) => r.code === code))
      await operate(rc, { kind: 'robot', action: 'delete', target: code }, () => bizproc.deleteRobot(rc.client, code))
  }
  rc.state.robots = robots.map((r) => r.code)
  Object.assign(rc.state, { robotHashes: next })
}
