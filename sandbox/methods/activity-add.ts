// crm.activity.add (api-reference/crm/timeline/activities/activity-base/crm-activity-add.md): TYPE_ID,
// RESPONSIBLE_ID (an existing user) and COMMUNICATIONS are required (one only for e-mail, TYPE_ID 4), the owner
// must exist; refusals answer HTTP 400 with the documented texts. ORIGINATOR_ID / ORIGIN_ID are stored (and
// filterable in crm.activity.list). E-mail with DIRECTION 2 + COMPLETED Y is "sent" into the outbox (reference 13.1).
import { RestError } from '../rest/errors.ts'
import { list, obj } from './common.ts'
import type { Ctx, Params } from '../rest/context.ts'
import { ownerExists, typeNameOf } from './timeline-owners.ts'

/** The method page shows its refusals as `error: ""` with the text in error_description, HTTP 400. */
const refused = (text: string) => new RestError('', text, 400)

export function activityAdd(ctx: Ctx, p: Params) {
  const f = obj(p.fields)
  const typeId = Number(f.TYPE_ID)
  if (!f.TYPE_ID || !Number.isFinite(typeId)) throw refused('The field TYPE_ID is not defined or invalid')
  if (!f.OWNER_TYPE_ID || !f.OWNER_ID)
    throw refused('Could not build binding. Please ensure that owner info and communications are defined correctly')
  if (!f.SUBJECT && typeId === 4) throw refused('The field SUBJECT is not defined or empty')
  if (!(Number(f.RESPONSIBLE_ID) > 0)) throw refused('The field RESPONSIBLE_ID is not defined or invalid')
  if (!ctx.ps.users.get(Number(f.RESPONSIBLE_ID))) throw refused('The field RESPONSIBLE_ID is not defined or invalid')
  const comms = list(f.COMMUNICATIONS).map(obj)
  if (!comms.length || comms.some((c) => !c.VALUE)) throw refused('The field COMMUNICATIONS is not defined or invalid')
  if (typeId === 4 && comms.length !== 1)
    throw refused('The only one communication is allowed for activity of specified type')
  const ownerType = typeNameOf(Number(f.OWNER_TYPE_ID))
  if (ownerExists(ctx, ownerType, Number(f.OWNER_ID)) !== 'ok')
    throw refused('Could not build binding. Please ensure that owner info and communications are defined correctly')
  const sends = typeId === 4 && Number(f.DIRECTION) === 2 && String(f.COMPLETED) === 'Y'
  const settings = obj(f.SETTINGS)
  const from = String(
    settings.MESSAGE_FROM ?? (ctx.user.email ? `${ctx.user.name} ${ctx.user.lastName} <${ctx.user.email}>`.trim() : ''),
  )
  const a = ctx.ps.activities.insert({
    OWNER_TYPE_ID: Number(f.OWNER_TYPE_ID),
    OWNER_ID: Number(f.OWNER_ID),
    TYPE_ID: typeId,
    PROVIDER_ID: typeId === 4 ? 'CRM_EMAIL' : 'CRM_ACTIVITY',
    SUBJECT: String(f.SUBJECT ?? ''),
    DESCRIPTION: String(f.DESCRIPTION ?? ''),
    DESCRIPTION_TYPE: Number(f.DESCRIPTION_TYPE ?? 1),
    DIRECTION: Number(f.DIRECTION ?? 0),
    COMPLETED: String(f.COMPLETED ?? 'N'),
    RESPONSIBLE_ID: Number(f.RESPONSIBLE_ID),
    ORIGINATOR_ID: f.ORIGINATOR_ID === undefined ? '' : String(f.ORIGINATOR_ID),
    ORIGIN_ID: f.ORIGIN_ID === undefined ? '' : String(f.ORIGIN_ID),
    AUTHOR_ID: ctx.user.id,
    CREATED: ctx.now,
    LAST_UPDATED: ctx.now,
    START_TIME: ctx.now,
    END_TIME: ctx.now,
    COMMUNICATIONS: comms.map((c, i) => ({
      ID: String(i + 1),
      TYPE: typeId === 4 ? 'EMAIL' : String(c.TYPE ?? ''),
      VALUE: String(c.VALUE ?? ''),
      ENTITY_ID: String(c.ENTITY_ID ?? ''),
      ENTITY_TYPE_ID: String(c.ENTITY_TYPE_ID ?? ''),
    })),
    SETTINGS: settings,
    FILES: f.FILES ?? [],
    BINDINGS: [{ OWNER_TYPE_ID: Number(f.OWNER_TYPE_ID), OWNER_ID: Number(f.OWNER_ID) }],
  })
  if (sends) {
    if (!from) throw new RestError('ERROR_CORE', 'Email send error. "From" is not found', 400)
    ctx.ps.outbox.insert({
      activityId: a.id,
      at: ctx.now,
      from,
      to: String(comms[0].VALUE ?? ''),
      subject: a.SUBJECT,
      body: a.DESCRIPTION,
      bodyType: a.DESCRIPTION_TYPE,
      files: a.FILES,
      ownerTypeId: a.OWNER_TYPE_ID,
      ownerId: a.OWNER_ID,
      userId: ctx.user.id,
    })
  }
  ctx.hooks.emit(ctx, 'ONCRMACTIVITYADD', { FIELDS: { ID: String(a.id) } })
  return { result: a.id }
}
