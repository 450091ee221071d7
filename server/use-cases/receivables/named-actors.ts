// People are shown by name: `user:<id>` actors become the portal user's name (one users call);
// 'system' stays for the UI to word; a name the portal does not give back leaves the id.
import { fullName, users } from '../../bitrix24/rest/index.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'

export async function namedActors<T extends { actor: string }>(
  ports: ReceivablesPorts,
  memberId: string,
  rows: T[],
): Promise<T[]> {
  const ids = [...new Set(rows.map((r) => /^user:(\d+)$/.exec(r.actor)?.[1]).filter(Boolean))].map(Number)
  if (!ids.length || !ports.clients) return rows
  try {
    const client = await ports.clients.forPortal(memberId)
    const names = new Map((await users.many(client, ids)).map((u) => [`user:${u.ID}`, fullName(u)]))
    return rows.map((r) => ({ ...r, actor: names.get(r.actor) || r.actor }))
  } catch (e) {
    ports.log.warn({ memberId, err: (e as Error).message }, 'contract-status.names-failed')
    return rows
  }
}
