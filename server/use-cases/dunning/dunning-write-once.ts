// A portal write that must happen once (effects table). On a retry after a crash ("pending") the
// lookup finds what the lost attempt did; without a lookup the write is not repeated (at most once).
import type { EffectsRepository } from '../../storage/repositories/effects.ts'

export interface WriteOnce<T> {
  write: () => Promise<T>
  /** Finds the result of an earlier attempt in the portal (by xmlId / ORIGIN_ID / TAG / text). */
  lookup?: () => Promise<T | null>
  /** The write failed in a way that certainly did not reach the world: free the key for a retry. */
  notDone?: (e: unknown) => boolean
}

/** A "pending" younger than this is another attempt still at work (two paths, e.g. a robot and the
 * dunning job, opening the same claim): wait for it instead of looking up half-done work. */
export const EFFECT_LEASE_MS = 10_000

export async function writeOnce<T>(
  effects: EffectsRepository,
  memberId: string,
  key: string,
  o: WriteOnce<T>,
): Promise<{ result: T | null; fresh: boolean }> {
  let c = await effects.claim<T>(key, memberId)
  // a lapsed lease is taken over by exactly one of the jobs that find it (the others keep waiting)
  while (
    c.state === 'pending' &&
    (c.ageMs < EFFECT_LEASE_MS || (o.lookup && !(await effects.takeOver(key, EFFECT_LEASE_MS))))
  ) {
    await new Promise((r) => setTimeout(r, 200))
    c = await effects.claim<T>(key, memberId)
  }
  if (c.state === 'done') return { result: c.result, fresh: false }
  if (c.state === 'pending') {
    if (!o.lookup) return { result: null, fresh: false }
    const found = await o.lookup()
    if (found !== null) {
      await effects.complete(key, found)
      return { result: found, fresh: false }
    }
  }
  // renew the lease while the write is in flight, so a slow portal is not mistaken for a crash
  const renew = setInterval(() => {
    effects.touch(key).catch(() => {})
  }, EFFECT_LEASE_MS / 3)
  try {
    const result = await o.write()
    await effects.complete(key, result)
    return { result, fresh: true }
  } catch (e) {
    // with a lookup the next attempt checks the portal first, so keeping "pending" is safe
    if (o.notDone?.(e)) await effects.release(key)
    else await effects.abandon(key).catch(() => {})
    throw e
  } finally {
    clearInterval(renew)
  }
}
