// Per-user CRM read permissions on companies and contacts. A call made with a user's token sees only
// the records that user's CRM role lets them read: "CRM entity elements will not be included in the
// final selection if the user does not have 'read' access permission for these elements"
// (api-reference/crm/universal/crm-item-list.md); the legacy list methods are callable by any user
// and return what that user may read (api-reference/crm/companies/crm-company-list.md, "Who can
// execute the method: any user"); reading one record without the permission is ACCESS_DENIED (400,
// reference 6: crm.item.* reuse ACCESS_DENIED with 400 for permission failures). A portal
// administrator reads everything; a role's levels are all, own (the user is responsible:
// ASSIGNED_BY_ID) or none.
import { RestError } from '../rest/errors.ts'
import type { Ctx } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

export function canReadParty(ctx: Ctx, row: Rec): boolean {
  if (ctx.user.isAdmin) return true
  const level = ctx.user.crmRead ?? 'all'
  if (level === 'all') return true
  if (level === 'none') return false
  return Number(row.ASSIGNED_BY_ID) === ctx.user.id
}

export function assertReadParty(ctx: Ctx, row: Rec): Rec {
  if (!canReadParty(ctx, row)) throw new RestError('ACCESS_DENIED', 'Access denied.', 400)
  return row
}
