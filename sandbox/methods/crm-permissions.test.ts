// The sandbox's per-user CRM read permission (api-reference/crm/universal/crm-item-list.md: records
// the user may not read are left out of the selection): administrators read every record, a role
// reads all, its own (the user is responsible) or none; a user without a level set reads all.
import { describe, expect, it } from 'vitest'
import { assertReadParty, canReadParty } from './crm-permissions.ts'
import type { Ctx } from '../rest/context.ts'
import type { CrmReadLevel, User } from '../state/types.ts'

const ctxOf = (u: Partial<User> & { crmRead?: CrmReadLevel }) =>
  ({ user: { id: 5, isAdmin: false, ...u } }) as unknown as Ctx
const mine = { id: 1, ASSIGNED_BY_ID: 5 }
const theirs = { id: 2, ASSIGNED_BY_ID: 9 }

describe('CRM read permission in the sandbox', () => {
  it('own: only the records the user is responsible for', () => {
    const ctx = ctxOf({ crmRead: 'own' })
    expect([canReadParty(ctx, mine), canReadParty(ctx, theirs)]).toEqual([true, false])
    expect(() => assertReadParty(ctx, theirs)).toThrow(/Access denied/)
  })
  it('none reads nothing, all and an unset level read everything', () => {
    expect([canReadParty(ctxOf({ crmRead: 'none' }), mine)]).toEqual([false])
    expect([canReadParty(ctxOf({ crmRead: 'all' }), theirs), canReadParty(ctxOf({}), theirs)]).toEqual([true, true])
  })
  it('an administrator reads everything whatever the role says', () => {
    expect(canReadParty(ctxOf({ isAdmin: true, crmRead: 'none' }), theirs)).toBe(true)
  })
})
