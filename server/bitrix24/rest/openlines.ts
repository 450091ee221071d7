// Open lines (scope imopenlines): the chats of a CRM object (imopenlines.crm.chat.get), adding an employee to
// one (imopenlines.crm.chat.user.add) and a message in it on the employee's behalf (imopenlines.crm.message.add,
// the chat must belong to the CRM object and the sender be in it). Docs: api-reference/imopenlines/openlines/.
import type { PortalClient } from '../client/portal-client.ts'

export type OpenLineEntity = { type: 'lead' | 'deal' | 'company' | 'contact'; id: number }
export interface OpenLineChat {
  chatId: number
  connectorId: string
  connectorTitle: string
}

export const openLines = {
  /** Every chat of the object, active or not (ACTIVE_ONLY 'N'); the newest first. */
  chats: async (c: PortalClient, e: OpenLineEntity): Promise<OpenLineChat[]> => {
    const rows = await c.call<{ CHAT_ID: string | number; CONNECTOR_ID?: string; CONNECTOR_TITLE?: string }[]>(
      'imopenlines.crm.chat.get',
      { CRM_ENTITY_TYPE: e.type, CRM_ENTITY: e.id, ACTIVE_ONLY: 'N' },
    )
    return (Array.isArray(rows) ? rows : [])
      .map((r) => ({
        chatId: Number(r.CHAT_ID),
        connectorId: String(r.CONNECTOR_ID ?? ''),
        connectorTitle: String(r.CONNECTOR_TITLE ?? ''),
      }))
      .filter((r) => Number.isSafeInteger(r.chatId) && r.chatId > 0)
      .sort((a, b) => b.chatId - a.chatId)
  },
  /** Makes the employee a participant (a participant already in it stays one); answers the chat id. */
  addUser: async (c: PortalClient, e: OpenLineEntity, chatId: number, userId: number): Promise<number> =>
    Number(
      await c.call('imopenlines.crm.chat.user.add', {
        CRM_ENTITY_TYPE: e.type,
        CRM_ENTITY: e.id,
        CHAT_ID: chatId,
        USER_ID: userId,
      }),
    ),
  /** The message id. Not idempotent: the caller keys it (effects). */
  send: async (c: PortalClient, e: OpenLineEntity, chatId: number, userId: number, message: string) =>
    Number(
      await c.call(
        'imopenlines.crm.message.add',
        { CRM_ENTITY_TYPE: e.type, CRM_ENTITY: e.id, USER_ID: userId, CHAT_ID: chatId, MESSAGE: message },
        { idempotent: false },
      ),
    ),
}
