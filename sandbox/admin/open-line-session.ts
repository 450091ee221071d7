// A client writes into an open-line chat (admin.connectOpenLine) and the open lines module starts a session:
// it records an activity of provider IMOPENLINES_SESSION on the chat's CRM object and fires ONCRMACTIVITYADD
// (api-reference/crm/timeline/activities/events/on-crm-activity-add.md). PROVIDER_ID is read-only in REST
// (api-reference/crm/timeline/activities/activity-base/crm-activity-fields.md: "Identifier of the provider |
// Read-only"), so such an activity cannot come from crm.activity.add; only the module makes it. It is a
// provider activity (TYPE_ID 6), DIRECTION 1 (incoming: the client wrote first), IS_INCOMING_CHANNEL Y (the
// same page: "created from an incoming channel"); the communication is the chat's IM user code.
import { emitEvent } from '../events/emit.ts'
import type { Runtime } from '../runtime.ts'
import type { PortalState } from '../state/portal-state.ts'

const OWNER_TYPE: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4 }

export function startOpenLineSession(
  rt: Runtime,
  ps: PortalState,
  chatId: number,
  o: { text?: string; responsibleId?: number } = {},
): number {
  const chat = ps.openLineChats.get(chatId)
  if (!chat) throw new Error(`open-line chat ${chatId} not found`)
  const ownerTypeId = OWNER_TYPE[String(chat.entityType)]
  const ownerId = Number(chat.entityId)
  const now = rt.world.clock.now()
  const users = (chat.users as number[] | undefined) ?? []
  const responsible = o.responsibleId ?? users[0] ?? 1
  const connector = String(chat.connectorId ?? 'livechat')
  const a = ps.activities.insert({
    OWNER_TYPE_ID: ownerTypeId,
    OWNER_ID: ownerId,
    TYPE_ID: 6,
    PROVIDER_ID: 'IMOPENLINES_SESSION',
    PROVIDER_TYPE_ID: '1',
    SUBJECT: `${String(chat.connectorTitle ?? 'Open line')}: ${o.text ?? ''}`.trim(),
    DESCRIPTION: o.text ?? '',
    DESCRIPTION_TYPE: 1,
    DIRECTION: 1,
    COMPLETED: 'N',
    IS_INCOMING_CHANNEL: 'Y',
    RESPONSIBLE_ID: responsible,
    ORIGINATOR_ID: '',
    ORIGIN_ID: '',
    AUTHOR_ID: responsible,
    CREATED: now,
    LAST_UPDATED: now,
    START_TIME: now,
    END_TIME: now,
    COMMUNICATIONS: [
      {
        ID: '1',
        TYPE: 'IM',
        VALUE: `imol|${connector}|1|${chatId}`,
        ENTITY_ID: String(ownerId),
        ENTITY_TYPE_ID: String(ownerTypeId),
      },
    ],
    SETTINGS: {},
    FILES: [],
    BINDINGS: [{ OWNER_TYPE_ID: ownerTypeId, OWNER_ID: ownerId }],
  })
  // made by the module, not by a user: the event carries no user's tokens (like automation's events)
  emitEvent(rt, ps, 'ONCRMACTIVITYADD', { FIELDS: { ID: String(a.id) } }, null)
  return a.id
}
