// Telephony (scope telephony; docs under api-reference/telephony/voximplant/): the outgoing lines
// (lines/voximplant-line-get.md), the default one (lines/voximplant-line-outgoing-get.md) and a callback between an
// employee and a client (voximplant-callback-start.md). Lines exist only where a test seeded them
// (admin.seedTelephony); started callbacks are kept in the portal state (admin.callbacks).
import { randomHex } from '../util/ids.ts'
import { RestError } from '../rest/errors.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx } from '../rest/context.ts'

const empty = (v: unknown) => v === undefined || v === null || String(v).trim() === ''

/** The line pages: a user without "Management of numbers" gets 403 ACCESS_DENIED "Access denied!";
 * voximplant-callback-start.md: without "Outgoing call — execute" 403 ACCESS_DENIED "Access denied". */
function allowed(ctx: Ctx, description: string) {
  if (ctx.user.telephony === false) throw new RestError('ACCESS_DENIED', description, 403)
}

const lineIds = (ctx: Ctx) => ctx.ps.voxLines.values().map((l) => String(l.lineId))

export const telephonyMethods: MethodTable = {
  // no parameters; result: an object LINE_ID -> LINE_NAME (voximplant-line-get.md)
  'voximplant.line.get': {
    scope: 'telephony',
    handler: (ctx) => {
      allowed(ctx, 'Access denied!')
      return { result: Object.fromEntries(ctx.ps.voxLines.values().map((l) => [String(l.lineId), String(l.name)])) }
    },
  },
  // no parameters; result: the id of the current default outgoing line, a string (voximplant-line-outgoing-get.md).
  // The page does not say what a portal without one answers: the sandbox answers '' then.
  'voximplant.line.outgoing.get': {
    scope: 'telephony',
    handler: (ctx) => {
      allowed(ctx, 'Access denied!')
      const line = ctx.ps.voxLines.values().find((l) => l.outgoing === true)
      return { result: line ? String(line.lineId) : '' }
    },
  },
  // FROM_LINE, TO_NUMBER, TEXT_TO_PRONOUNCE required (VOICE optional); an unknown line is ERROR_CORE "Could not find
  // line <LINE_ID>", a wrong number ERROR_CORE "Phone number is not correct" (400); result {RESULT: true, CALL_ID}
  // (voximplant-callback-start.md). The page lists no text for a missing parameter: the sandbox answers the
  // portal-wide ERROR_ARGUMENT "Argument <NAME> is null or empty" (400), as the other modules' pages show it.
  'voximplant.callback.start': {
    scope: 'telephony',
    write: true,
    handler: (ctx, p) => {
      allowed(ctx, 'Access denied')
      for (const name of ['FROM_LINE', 'TO_NUMBER', 'TEXT_TO_PRONOUNCE'])
        if (empty(p[name])) throw new RestError('ERROR_ARGUMENT', `Argument ${name} is null or empty`, 400)
      const line = String(p.FROM_LINE)
      if (!lineIds(ctx).includes(line)) throw new RestError('ERROR_CORE', `Could not find line ${line}`, 400)
      // a number is digits with an optional leading + and the usual separators (spaces, dashes, brackets), 3-15
      // digits (E.164 allows at most 15); anything else is "not correct"
      const number = String(p.TO_NUMBER)
      const digits = number.replace(/[\s()-]/g, '')
      if (!/^\+?\d{3,15}$/.test(digits)) throw new RestError('ERROR_CORE', 'Phone number is not correct', 400)
      const callId = `callback.${randomHex(16)}.${Math.floor(ctx.now / 1000)}`
      ctx.ps.voxCallbacks.insert({
        callId,
        fromLine: line,
        toNumber: number,
        text: String(p.TEXT_TO_PRONOUNCE),
        voice: empty(p.VOICE) ? null : String(p.VOICE),
        userId: ctx.user.id,
        appId: ctx.app?.id ?? null,
        at: ctx.now,
      })
      return { result: { RESULT: true, CALL_ID: callId } }
    },
  },
}
