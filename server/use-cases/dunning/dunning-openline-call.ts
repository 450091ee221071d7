// Two more reminder channels, each keyed (effects). "openline": the reminder in the client's chat through the
// portal's open lines (WhatsApp and others connected there): the counterparty's newest chat
// (imopenlines.crm.chat.get), the manager joined to it, the message on the manager's behalf
// (imopenlines.crm.message.add). No documented way finds a sent message again, so a lost answer is not
// repeated (at most once). A client without a chat or a portal that did not grant `imopenlines` is a skip,
// not a failure. "call": a call task for the responsible manager, due at the end of the working day, naming
// the counterparty, the invoices and the sum, created once (tasks.task.add with XML_ID = key).
import { openLines } from '../../bitrix24/rest/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import { addWorkingDays, endOfWorkingDay, type LocalDate, type WorkingCalendar } from '../../domain/calendar/index.ts'
import { callTaskText, type CallInvoice, type ChannelSkip, type Lang } from '../../domain/dunning/index.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { writeOnce } from './dunning-write-once.ts'
import { createDunningTask } from './dunning-tasks.ts'

export class ChannelSkipped extends Error {
  readonly why: ChannelSkip
  constructor(why: ChannelSkip) {
    super(why)
    this.why = why
  }
}

const noScope = (e: unknown) => e instanceof Bitrix24Error && e.code === 'insufficient_scope'

export async function sendDunningOpenLine(
  ports: Pick<DunningPorts, 'effects'>,
  client: PortalClient,
  memberId: string,
  key: string,
  to: { entityType: 'company' | 'contact'; entityId: number; userId: number },
  text: string,
) {
  const entity = { type: to.entityType, id: to.entityId }
  let sending = false
  return writeOnce<{ messageId: number; chatId: number }>(ports.effects, memberId, key, {
    write: async () => {
      const chats = await openLines.chats(client, entity).catch((e: unknown) => {
        throw noScope(e) ? new ChannelSkipped('no-scope') : e
      })
      if (!chats.length) throw new ChannelSkipped('no-open-line')
      const chatId = chats[0].chatId
      // the sender must be in the chat (imopenlines-crm-message-add.md); joining twice keeps one participant
      await openLines.addUser(client, entity, chatId, to.userId)
      sending = true
      return { messageId: await openLines.send(client, entity, chatId, to.userId, text), chatId }
    },
    // before the message was asked for, or refused for the rate limit, nothing reached the chat: a retry sends
    notDone: (e) =>
      !(e instanceof ChannelSkipped) &&
      (!sending
        ? !(e instanceof Bitrix24Error && !e.retryable)
        : e instanceof Bitrix24Error && (e.status === 503 || e.status === 429)),
  })
}

export async function createCallTask(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  key: string,
  o: {
    calendar: WorkingCalendar
    today: LocalDate
    lang: Lang
    counterparty: string
    party: { entityType: 'company' | 'contact'; entityId: number }
    responsibleId: number
    invoices: CallInvoice[]
    /** smart-process item bindings (T<hex>_<id>) of the receivables */
    itemBindings: string[]
    reminder: { subject: string; body: string }
  },
) {
  const text = callTaskText(o.counterparty, o.invoices, o.lang, o.reminder)
  const workday = addWorkingDays(o.calendar, o.today, 0, 'next')
  // a portal that did not grant `task` (an app registered before it was needed): a skip with its note
  return createDunningTask(ports, client, memberId, key, {
    title: text.title,
    description: text.description,
    responsibleId: o.responsibleId,
    deadline: endOfWorkingDay(o.calendar, workday),
    bindings: [`${o.party.entityType === 'company' ? 'CO' : 'C'}_${o.party.entityId}`, ...o.itemBindings],
  }).catch((e: unknown) => {
    throw noScope(e) ? new ChannelSkipped('no-scope') : e
  })
}
