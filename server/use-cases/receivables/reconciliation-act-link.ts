// Signed, expiring links of a generated reconciliation act's files (served by
// http/files/reconciliation-act-route.ts): a browser or a business process opens them without a token.
import { signLink } from '../../lib/signed-link.ts'
import type { ActFileKind } from '../../storage/repositories/reconciliation-acts.ts'

export const RECONCILIATION_ACT_PATH = '/files/reconciliation-acts'

/** Path only (for the tab, same origin) or absolute with baseUrl (for robots and messages). */
export function reconciliationActLink(
  secretKey: string,
  memberId: string,
  actId: number,
  kind: ActFileKind,
  ttlSeconds: number,
  now: number,
  baseUrl = '',
): string {
  return `${baseUrl}${signLink(secretKey, `${RECONCILIATION_ACT_PATH}/${kind}`, memberId, actId, ttlSeconds, now)}`
}
