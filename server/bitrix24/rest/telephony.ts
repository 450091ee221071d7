// Telephony (scope telephony; docs under api-reference/telephony/voximplant/): the portal's default outgoing
// line (lines/voximplant-line-outgoing-get.md, a string), every outgoing line (lines/voximplant-line-get.md,
// an object LINE_ID -> name) and a callback between an employee and a client (voximplant-callback-start.md:
// FROM_LINE, TO_NUMBER, TEXT_TO_PRONOUNCE required; answers {RESULT, CALL_ID}).
import type { PortalClient } from '../client/portal-client.ts'

export const telephony = {
  /** The default outgoing line's id, or '' when the portal names none. */
  outgoingLine: async (c: PortalClient): Promise<string> => {
    const r = await c.call<unknown>('voximplant.line.outgoing.get', {})
    return typeof r === 'string' ? r : ''
  },
  /** The ids of the portal's outgoing lines, in the portal's order. */
  lines: async (c: PortalClient): Promise<string[]> => {
    const r = await c.call<unknown>('voximplant.line.get', {})
    return r && typeof r === 'object' && !Array.isArray(r) ? Object.keys(r) : []
  },
  /** Starts the callback; the call id. Not idempotent: the caller keys it (effects). */
  callback: async (c: PortalClient, o: { line: string; number: string; text: string }): Promise<string> => {
    const r = await c.call<{ RESULT?: boolean; CALL_ID?: string }>(
      'voximplant.callback.start',
      { FROM_LINE: o.line, TO_NUMBER: o.number, TEXT_TO_PRONOUNCE: o.text },
      { idempotent: false },
    )
    return String(r?.CALL_ID ?? '')
  },
}
