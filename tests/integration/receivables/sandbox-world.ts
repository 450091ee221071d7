// The app installed into a sandbox portal by the real install (its Receivables smart process,
// stages and fields), talking to it through the production portal client (the Bitrix24 SDK over
// HTTP, OAuth tokens, rate limiter, retries). No workers run: each test drives the handlers and the
// mirror jobs itself, so the sandbox's request counters see only what the step under test costs.
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import type { InstallState } from '../../../server/bitrix24/install-state.ts'
import type { PortalClients } from '../../../server/bitrix24/client/portal-client.ts'

export type SandboxWorld = Awaited<ReturnType<typeof connectSandboxApp>> & {
  client: PortalClients
  installState: InstallState
  entityTypeId: number
  companyId: number
  managerId: number
}

export async function startReceivablesSandbox(): Promise<SandboxWorld> {
  const w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
  const installState = (await w.ctx.repos.installState.get(w.memberId)) as InstallState
  const managerId = w.sb.admin.addUser(w.portalId, {
    name: 'Мария',
    lastName: 'Менеджер',
    email: 'maria@portal.test',
  }).id
  const companyId = w.sb.admin.seedCompany(w.portalId, {
    TITLE: 'ООО Ромашка',
    EMAIL: [{ VALUE: 'buh@romashka.test', VALUE_TYPE: 'WORK' }],
  })
  return {
    ...w,
    client: w.ctx.b24!,
    installState,
    entityTypeId: installState.processes.receivables!.entityTypeId,
    companyId,
    managerId,
  }
}
