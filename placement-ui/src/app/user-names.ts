// People's names through the portal's REST API from the frame (approval route, admin forms):
// one batch of user.get by ID. Without a frame or on any failure the tab keeps showing "User #id".
import type { PortalFrame } from './portal-frame/portal-frame.ts'

interface PortalUser {
  ID?: string | number
  NAME?: string
  LAST_NAME?: string
}

/** "Иван Петров" from a user.get row; null when the row has no name. */
export function displayName(u: PortalUser): string | null {
  const name = [u.NAME, u.LAST_NAME]
    .filter((x) => x && x.trim())
    .join(' ')
    .trim()
  return name || null
}

/** Users from one batch answer entry (user.get answers a list; a failed call has none). */
const usersOf = (entry: unknown): PortalUser[] => (Array.isArray(entry) ? (entry as PortalUser[]) : [])

export async function loadUserNames(
  frame: PortalFrame | undefined,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))].slice(0, 50)
  const out = new Map<number, string>()
  if (!frame || !unique.length) return out
  try {
    const entries = await frame.batch(unique.map((id) => ['user.get', { ID: id }]))
    for (const entry of entries)
      for (const u of usersOf(entry)) {
        const n = displayName(u)
        if (n && u.ID !== undefined) out.set(Number(u.ID), n)
      }
  } catch {
    // names are a nicety: the ids stay visible
  }
  return out
}

/** 'user:21' -> 21 (audit actors). */
export function actorUserId(actor: string): number | null {
  const m = /^user:(\d+)$/.exec(actor)
  return m ? Number(m[1]) : null
}
