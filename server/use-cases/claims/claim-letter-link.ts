// The signed, expiring link of a generated claim letter (served by http/files/claim-letter-route.ts).
import { signLink } from '../../lib/signed-link.ts'

export const CLAIM_LETTER_PATH = '/files/claim-letters'

/** Path only (for the tab, same origin) or absolute with baseUrl (for robots and messages). */
export function claimLetterLink(
  secretKey: string,
  memberId: string,
  letterId: number,
  ttlSeconds: number,
  baseUrl = '',
): string {
  return `${baseUrl}${signLink(secretKey, CLAIM_LETTER_PATH, memberId, letterId, ttlSeconds)}`
}
