// Route guards from the portal's CRM permissions (use-cases/portal/crm-visibility.ts): 403 with a
// clear code when the user may not see what they asked for.
import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../context.ts'
import { ApiError } from '../error-handler.ts'
import { sessionOf, type Session } from './session.ts'
import {
  seesCompanyWide,
  seesCounterparty,
  seesReceivable,
  type VisibilityPorts,
} from '../../use-cases/portal/crm-visibility.ts'
import type { CrmPartyType } from '../../bitrix24/client/user-crm-access.ts'

const ports = (ctx: AppContext): VisibilityPorts => ({
  db: ctx.database.db,
  settings: ctx.repos.settings,
  crmAccess: ctx.userCrmAccess ?? null,
})

const viewer = (s: Session) => ({ ...s, accessToken: s.accessToken })

/** The portal could not be asked (down, token refused): a clear 503, never the data. */
async function asked<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check()
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError(503, 'access.check-failed', 'Could not check your CRM permissions with the portal; try again')
  }
}

export async function requireCompanyWide(ctx: AppContext, req: FastifyRequest): Promise<Session> {
  const s = sessionOf(req)
  if (!(await asked(() => seesCompanyWide(ports(ctx), viewer(s)))))
    throw new ApiError(
      403,
      'access.company-wide',
      'Company-wide views and reports are for portal administrators and the roles named in the admin page',
    )
  return s
}

export async function requireCounterparty(
  ctx: AppContext,
  req: FastifyRequest,
  type: CrmPartyType,
  entityId: number,
): Promise<Session> {
  const s = sessionOf(req)
  if (!(await asked(() => seesCounterparty(ports(ctx), viewer(s), type, entityId))))
    throw new ApiError(403, 'access.crm-denied', 'Your CRM permissions do not let you see this company or contact')
  return s
}

/** A receivable the user may not see answers 403; one that does not exist goes on to the route's 404. */
export async function requireReceivable(ctx: AppContext, req: FastifyRequest, receivableId: number): Promise<Session> {
  const s = sessionOf(req)
  if ((await asked(() => seesReceivable(ports(ctx), viewer(s), receivableId))) === false)
    throw new ApiError(403, 'access.crm-denied', 'Your CRM permissions do not let you see this company or contact')
  return s
}
