// The "call" channel with the "callback" call mode (issue 24 item 7): the portal's telephony calls the manager,
// says whom and about what (TEXT_TO_PRONOUNCE), then connects the client (voximplant.callback.start from the
// default outgoing line, else the first line, to the client's PHONE). No documented way finds a started callback
// again, so a lost answer is not repeated (at most once per key). Where the portal lacks it (no `telephony`
// scope, no line, no client phone, a refusal) the call task is set instead and the reason is kept for a note.
import { telephony } from '../../bitrix24/rest/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import {
  callbackSpeech,
  type CallbackFallback,
  type CallInvoice,
  type CallMode,
  type Lang,
} from '../../domain/dunning/index.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { writeOnce } from './dunning-write-once.ts'
import { createCallTask } from './dunning-openline-call.ts'
import { partyCardValues } from './party-card-values.ts'

export type CallbackOutcome = { callId: string } | { fallback: CallbackFallback }

type Party = { entityType: 'company' | 'contact'; entityId: number }

/** Why a portal error means "no callback here" (the task goes instead); null = a real failure. */
function fallbackOf(e: unknown): CallbackFallback | null {
  if (!(e instanceof Bitrix24Error)) return null
  if (e.code === 'insufficient_scope') return 'no-scope'
  // voximplant-callback-start.md: ERROR_CORE (unknown line, no config, wrong number), ACCESS_DENIED (no right)
  if (e.code === 'ERROR_CORE' || e.code === 'ACCESS_DENIED') return 'refused'
  return null
}

/** Starts the callback once per key; an answer lost before (the key pending) counts as started (callId ''). */
export async function startDunningCallback(
  ports: Pick<DunningPorts, 'effects'>,
  client: PortalClient,
  memberId: string,
  key: string,
  o: { party: Party; text: string },
): Promise<CallbackOutcome> {
  let sending = false
  const r = await writeOnce<CallbackOutcome>(ports.effects, memberId, key, {
    write: async () => {
      let line: string
      try {
        line = (await telephony.outgoingLine(client)) || ((await telephony.lines(client))[0] ?? '')
      } catch (e) {
        const why = fallbackOf(e)
        if (why) return { fallback: why }
        throw e
      }
      if (!line) return { fallback: 'no-line' }
      const number = (await partyCardValues(client, o.party, 'PHONE')).map((v) => v.trim()).find(Boolean) ?? null
      if (!number) return { fallback: 'no-phone' }
      sending = true
      try {
        return { callId: await telephony.callback(client, { line, number, text: o.text }) }
      } catch (e) {
        const why = fallbackOf(e)
        if (why) return { fallback: why }
        throw e
      }
    },
    // before the callback was asked for, or refused for the rate limit, nothing rang: a retry may start it
    notDone: (e) =>
      !sending
        ? !(e instanceof Bitrix24Error && !e.retryable)
        : e instanceof Bitrix24Error && (e.status === 503 || e.status === 429),
  })
  return r.result ?? { callId: '' }
}

export interface CallDelivery {
  calendar: Parameters<typeof createCallTask>[4]['calendar']
  today: string
  lang: Lang
  /** the manager hears the callback's words in the portal's language */
  portalLang: Lang
  mode: CallMode
  counterparty: string
  party: Party
  responsibleId: number
  invoices: CallInvoice[]
  itemBindings: string[]
  reminder: { subject: string; body: string }
}

/** The call step: the callback where chosen and possible, else the manager's call task (its own key). Answers
 * the callback's outcome (none in the "task" mode). */
export async function deliverCall(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  keys: { task: string; callback: string },
  o: CallDelivery,
): Promise<CallbackOutcome | null> {
  let outcome: CallbackOutcome | null = null
  if (o.mode === 'callback') {
    outcome = await startDunningCallback(ports, client, memberId, keys.callback, {
      party: o.party,
      text: callbackSpeech(o.counterparty, o.invoices, o.portalLang),
    })
    if ('callId' in outcome) return outcome
  }
  await createCallTask(ports, client, memberId, keys.task, o)
  return outcome
}
