// Connects the parts that server/context.ts must not import directly (robots, portal clients,
// install lifecycle). Called by every process entry and by the test context, so tests run the
// same composition as production.
import type { AppContext } from './context.ts'
import { setRobotRunner } from './jobs/tasks/robot-run.ts'
import { createRobotRunner } from '../robots/kit/run-robot.ts'
import { robots } from '../robots/index.ts'
import { robotCatalog } from '../robots/kit/registration.ts'
import { createPortalClients } from './bitrix24/client/portal-clients.ts'
import { connectFromEvent, connectFromFrame } from './use-cases/portal/connect-portal.ts'
import { createUserTokenVerifier } from './bitrix24/client/verify-user-token.ts'
import { createUserCrmAccess } from './bitrix24/client/user-crm-access.ts'

export function wire(ctx: AppContext): AppContext {
  setRobotRunner(createRobotRunner(robots))
  ctx.robotCatalog ??= robotCatalog(robots)
  if (!ctx.b24) ctx.b24 = createPortalClients(ctx)
  ctx.onAppInstall ??= connectFromEvent(ctx)
  ctx.onInstallFrame ??= connectFromFrame(ctx)
  const userCalls = { ...ctx.config.b24, pace: ctx.b24.pace }
  ctx.verifyUserToken ??= createUserTokenVerifier(ctx.repos.portals, userCalls)
  ctx.userCrmAccess ??= createUserCrmAccess(ctx.repos.portals, userCalls)
  return ctx
}
