// Open-line chats of CRM objects (scope imopenlines; docs under api-reference/imopenlines/openlines/):
// imopenlines.crm.chat.get (chats/imopenlines-crm-chat-get.md), imopenlines.crm.chat.user.add
// (chats/imopenlines-crm-chat-user-add.md) and imopenlines.crm.message.add (messages/imopenlines-crm-message-add.md).
// Chats exist only where a client wrote through a connected open line: seed them with admin.connectOpenLine.
import { RestError } from '../rest/errors.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'
import { canReadParty } from './crm-permissions.ts'

const TYPES = ['lead', 'deal', 'company', 'contact']
const empty = (v: unknown) => v === undefined || v === null || v === ''
// the methods' pages: "Argument X is null or empty" (ERROR_ARGUMENT, 400) for a missing required parameter
const nullArg = (name: string) => new RestError('ERROR_ARGUMENT', `Argument ${name} is null or empty`, 400)
const badType = (name: string) =>
  new RestError('ERROR_ARGUMENT', `The value of an argument ${name} has an invalid type`, 400)

function positiveInt(p: Params, name: string, required = true): number | null {
  const v = p[name]
  if (empty(v)) {
    if (required) throw nullArg(name)
    return null
  }
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n <= 0) throw badType(name)
  return n
}

/** CRM_ENTITY_TYPE (lead, deal, company, contact) and CRM_ENTITY; a company or contact the caller may not
 * read is ACCESS_DENIED ("User doesn't have access to this entity", crm-message-add.md). */
function crmObject(ctx: Ctx, p: Params): { type: string; id: number } {
  if (empty(p.CRM_ENTITY_TYPE)) throw nullArg('CRM_ENTITY_TYPE')
  const type = String(p.CRM_ENTITY_TYPE).toLowerCase()
  if (!TYPES.includes(type)) throw new RestError('ERROR_ARGUMENT', 'One of the arguments is missing or incorrect', 400)
  const id = positiveInt(p, 'CRM_ENTITY')!
  const party = type === 'company' ? ctx.ps.companies.get(id) : type === 'contact' ? ctx.ps.contacts.get(id) : null
  if (party && !canReadParty(ctx, party))
    throw new RestError('ACCESS_DENIED', "Access denied! User doesn't have access to this entity", 403)
  return { type, id }
}

const chatsOf = (ctx: Ctx, o: { type: string; id: number }): Rec[] =>
  ctx.ps.openLineChats.filter((c) => c.entityType === o.type && Number(c.entityId) === o.id)

/** The chat CHAT_ID of that object; "Chat does not belong to the CRM object being checked" otherwise. */
function chatOf(ctx: Ctx, o: { type: string; id: number }, chatId: number): Rec {
  const chat = chatsOf(ctx, o).find((c) => c.id === chatId)
  if (!chat) throw new RestError('CHAT_NOT_IN_CRM', 'Chat does not belong to the CRM object being checked', 400)
  return chat
}

export const openLineMethods: MethodTable = {
  // ACTIVE_ONLY: Y (default) only the active chats; the answer: [{CHAT_ID (string), CONNECTOR_ID, CONNECTOR_TITLE}]
  'imopenlines.crm.chat.get': {
    scope: 'imopenlines',
    handler: (ctx, p) => {
      const o = crmObject(ctx, p)
      const activeOnly = empty(p.ACTIVE_ONLY) || String(p.ACTIVE_ONLY).toUpperCase() !== 'N'
      return {
        result: chatsOf(ctx, o)
          .filter((c) => !activeOnly || c.active)
          .map((c) => ({ CHAT_ID: String(c.id), CONNECTOR_ID: c.connectorId, CONNECTOR_TITLE: c.connectorTitle })),
      }
    },
  },
  // CHAT_ID optional: the object's last chat (result 0 when it has none); answers the chat id
  'imopenlines.crm.chat.user.add': {
    scope: 'imopenlines',
    write: true,
    handler: (ctx, p) => {
      const o = crmObject(ctx, p)
      if (empty(p.USER_ID)) throw new RestError('ERROR_ARGUMENT', 'Argument Empty USER_ID is null or empty', 400)
      const userId = positiveInt(p, 'USER_ID')!
      const user = ctx.ps.users.get(userId)
      if (!user || user.active === false)
        throw new RestError(
          'ACCESS_DENIED',
          'Access denied! This user does not have access to the chat because he does not have access ' +
            'to this CRM object',
          403,
        )
      const chatId = positiveInt(p, 'CHAT_ID', false)
      const chat = chatId === null ? chatsOf(ctx, o).sort((a, b) => b.id - a.id)[0] : chatOf(ctx, o, chatId)
      if (!chat) return { result: 0 }
      const users = (chat.users as number[] | undefined) ?? []
      if (!users.includes(userId)) ctx.ps.openLineChats.save({ ...chat, users: [...users, userId] })
      return { result: chat.id }
    },
  },
  // all five parameters required; the sender (USER_ID) must be a participant of the chat, else CANCELED;
  // answers the new message's id
  'imopenlines.crm.message.add': {
    scope: 'imopenlines',
    write: true,
    handler: (ctx, p) => {
      const o = crmObject(ctx, p)
      const userId = positiveInt(p, 'USER_ID')!
      const chatId = positiveInt(p, 'CHAT_ID')!
      if (empty(p.MESSAGE) || !String(p.MESSAGE).trim()) throw nullArg('MESSAGE')
      const chat = chatOf(ctx, o, chatId)
      if (!((chat.users as number[] | undefined) ?? []).includes(userId))
        throw new RestError('CANCELED', 'You cannot send messages to the specified chat', 400)
      const row = ctx.ps.openLineMessages.insert({
        chatId,
        userId,
        entityType: o.type,
        entityId: o.id,
        message: String(p.MESSAGE),
        appId: ctx.app?.id ?? null,
        at: ctx.now,
      })
      return { result: row.id }
    },
  },
}
