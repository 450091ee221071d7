import { safeEqual } from '../../lib/safe-equal.ts'
import { InboundError } from './inbound-error.ts'

export interface KnownPortal {
  memberId: string
  applicationToken: string | null
  status: 'active' | 'disconnected' | 'uninstalled'
}

export type PortalLookup = (memberId: string) => Promise<KnownPortal | null>

/** Checks a call's application_token against the stored one in constant time. */
export async function verifyApplicationToken(
  lookup: PortalLookup,
  memberId: string,
  token: string,
): Promise<KnownPortal> {
  const portal = await lookup(memberId)
  if (!portal || portal.status === 'uninstalled' || !portal.applicationToken) {
    // Compare anyway so unknown and known portals take the same time.
    safeEqual(token, 'x'.repeat(32))
    throw new InboundError(401, 'inbound.unknown-portal', 'Unknown portal: the app is not installed there')
  }
  if (!safeEqual(token, portal.applicationToken))
    throw new InboundError(401, 'inbound.bad-application-token', 'application_token does not match this portal')
  return portal
}

/** A short-lived cache of portal lookups so event acknowledgement never waits on the database twice. */
export function cachedLookup(
  load: PortalLookup,
  ttlMs = 5_000,
  now: () => number = Date.now,
): PortalLookup & { invalidate: (m: string) => void } {
  const cache = new Map<string, { at: number; value: Promise<KnownPortal | null> }>()
  const fn = async (memberId: string) => {
    const hit = cache.get(memberId)
    if (hit && now() - hit.at < ttlMs) return hit.value
    const value = load(memberId)
    cache.set(memberId, { at: now(), value })
    if (cache.size > 10_000) cache.delete(cache.keys().next().value!)
    value.catch(() => cache.delete(memberId))
    return value
  }
  return Object.assign(fn, { invalidate: (m: string) => void cache.delete(m) })
}
