// Which of some companies or contacts a portal user may read, asked with the user's own token: the
// list methods return only the records the user's CRM role lets them read (reference: crm.item.list
// "elements will not be included ... if the user does not have read access", api-reference/crm/
// universal/crm-item-list.md; crm.company.list / crm.contact.list are callable by any user). Answers
// are cached for a minute per token and record, so a tab opened twice asks the portal once.
import { createHash } from 'node:crypto'
import type { PortalsRepository } from '../../storage/repositories/portals.ts'
import { fromSdkError } from './sdk-errors.ts'
import { userSdk } from './user-sdk.ts'
import type { TokenCallDeps } from './call-with-token.ts'

export type CrmPartyType = 'company' | 'contact'
/** The ids among `ids` the token's user may read. */
export type UserCrmAccess = (
  memberId: string,
  accessToken: string,
  type: CrmPartyType,
  ids: number[],
) => Promise<Set<number>>

const PAGE = 50

export function createUserCrmAccess(portals: PortalsRepository, creds: TokenCallDeps, ttlMs = 60_000): UserCrmAccess {
  const cache = new Map<string, { at: number; ok: boolean }>()
  return async (memberId, accessToken, type, ids) => {
    const user = createHash('sha256').update(`${memberId}|${accessToken}`).digest('hex')
    const key = (id: number) => `${user}|${type}|${id}`
    const out = new Set<number>()
    const ask: number[] = []
    for (const id of new Set(ids)) {
      const hit = cache.get(key(id))
      if (hit && Date.now() - hit.at < ttlMs) {
        if (hit.ok) out.add(id)
      } else ask.push(id)
    }
    if (!ask.length) return out
    const portal = await portals.get(memberId)
    if (!portal) throw new Error('unknown portal')
    const sdk = userSdk(portal, memberId, accessToken, creds)
    const method = type === 'company' ? 'crm.company.list' : 'crm.contact.list'
    for (let i = 0; i < ask.length; i += PAGE) {
      const part = ask.slice(i, i + PAGE)
      try {
        await creds.pace?.(memberId, portal.licenceFamily)
        const r = await sdk.actions.v2.call.make<{ ID: string | number }[]>({
          method,
          params: { filter: { '@ID': part }, select: ['ID'] },
        })
        if (!r.isSuccess) throw new Error(`${method} refused`)
        const seen = new Set((r.getData()?.result ?? []).map((row) => Number(row.ID)))
        for (const id of part) {
          cache.set(key(id), { at: Date.now(), ok: seen.has(id) })
          if (seen.has(id)) out.add(id)
        }
      } catch (e) {
        throw fromSdkError(e, method)
      }
    }
    while (cache.size > 20_000) cache.delete(cache.keys().next().value!)
    return out
  }
}
