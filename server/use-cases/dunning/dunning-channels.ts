// The dunning channels, each write keyed (effects): CRM e-mail activity (TYPE_ID 4, outgoing,
// completed = sent and recorded in the card; ORIGIN_ID = key for the lookup), Telegram, portal
// notifications (TAG = key), timeline comments (found again by their exact text).
import { fullName, im, users } from '../../bitrix24/rest/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { Bitrix24Error } from '../../bitrix24/errors.ts'
import type { DunningPorts } from './dunning-ports.ts'
import { writeOnce } from './dunning-write-once.ts'
import { effectKeys } from '../effect-keys.ts'
import { toPortalDateTime } from '../../domain/calendar/index.ts'
import { CRM_OWNER_TYPE } from '../receivables/thank-you.ts'
import { emailSenderFields } from '../admin/email-sender-settings.ts'

export interface EmailTo {
  entityType: 'company' | 'contact'
  entityId: number
  email: string
  responsibleId: number
}

/** `since`: the start of the sending day; the lookup also accepts the same subject to the same owner since then. */
export async function sendDunningEmail(
  ports: Pick<DunningPorts, 'effects' | 'settings' | 'portalOf'>,
  client: PortalClient,
  memberId: string,
  key: string,
  to: EmailTo,
  subject: string,
  body: string,
  since: Date,
  /** Files of the e-mail (crm-activity-add.md FILES): the payment QR codes of a reminder. */
  files: { name: string; content: Buffer }[] = [],
) {
  const owner = { OWNER_TYPE_ID: CRM_OWNER_TYPE[to.entityType], OWNER_ID: to.entityId }
  return writeOnce<{ activityId: number }>(ports.effects, memberId, key, {
    lookup: async () => {
      const byOrigin = await client.call<{ ID: string }[]>('crm.activity.list', {
        filter: { ...owner, TYPE_ID: 4, ORIGIN_ID: key },
        select: ['ID'],
      })
      if (byOrigin?.length) return { activityId: Number(byOrigin[0].ID) }
      // portals (and emulators) that do not keep ORIGIN_ID: the same subject to the same owner that day
      const bySubject = await client.call<{ ID: string }[]>('crm.activity.list', {
        filter: {
          ...owner,
          TYPE_ID: 4,
          SUBJECT: subject,
          '>=CREATED': toPortalDateTime((await ports.portalOf(memberId))?.timezone ?? 'Europe/Moscow', since.getTime()),
        },
        select: ['ID'],
      })
      return bySubject?.length ? { activityId: Number(bySubject[0].ID) } : null
    },
    write: async () => ({
      activityId: Number(
        await client.call(
          'crm.activity.add',
          {
            fields: {
              ...owner,
              TYPE_ID: 4,
              DIRECTION: 2,
              COMPLETED: 'Y',
              SUBJECT: subject,
              DESCRIPTION: body,
              DESCRIPTION_TYPE: 1,
              RESPONSIBLE_ID: to.responsibleId,
              ORIGIN_ID: key,
              ...(await emailSenderFields(ports, memberId)),
              ...(files.length
                ? { FILES: files.map((f) => ({ fileData: [f.name, f.content.toString('base64')] })) }
                : {}),
              COMMUNICATIONS: [
                { VALUE: to.email, ENTITY_ID: to.entityId, ENTITY_TYPE_ID: CRM_OWNER_TYPE[to.entityType] },
              ],
            },
          },
          { idempotent: false },
        ),
      ),
    }),
  })
}

export async function sendDunningTelegram(
  ports: Pick<DunningPorts, 'effects' | 'telegram'>,
  memberId: string,
  key: string,
  chatId: string,
  text: string,
) {
  return writeOnce<{ messageId: number | null }>(ports.effects, memberId, key, {
    write: async () => {
      const r = await ports.telegram.sendMessage(chatId, text)
      if (!r.delivered) throw new TelegramNotDelivered(r.reason ?? 'not delivered')
      return { messageId: r.messageId }
    },
    notDone: (e) => e instanceof TelegramNotDelivered,
  })
}

export class TelegramNotDelivered extends Error {}

/** A photo (the payment QR code) to a counterparty's chat, once per key. */
export async function sendDunningTelegramPhoto(
  ports: Pick<DunningPorts, 'effects' | 'telegram'>,
  memberId: string,
  key: string,
  chatId: string,
  photo: { png: Buffer; fileName: string; caption: string },
) {
  return writeOnce<{ messageId: number | null }>(ports.effects, memberId, key, {
    write: async () => {
      if (!ports.telegram.sendPhoto) throw new TelegramNotDelivered('this Telegram client cannot send photos')
      const r = await ports.telegram.sendPhoto(chatId, photo.png, photo.fileName, photo.caption)
      if (!r.delivered) throw new TelegramNotDelivered(r.reason ?? 'not delivered')
      return { messageId: r.messageId }
    },
    notDone: (e) => e instanceof TelegramNotDelivered,
  })
}

export async function notifyDunningUser(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  key: string,
  userId: number,
  message: string,
) {
  // a notification with the same TAG replaces the older one, so repeating it cannot duplicate it
  return writeOnce<{ id: number }>(ports.effects, memberId, key, {
    lookup: async () => null,
    write: async () => ({ id: await im.notify(client, userId, message, key) }),
  })
}

export async function dunningTimelineComment(
  ports: Pick<DunningPorts, 'effects'>,
  client: PortalClient,
  memberId: string,
  key: string,
  entityTypeId: number,
  itemId: number,
  text: string,
) {
  const entity = { ENTITY_TYPE: `dynamic_${entityTypeId}`, ENTITY_ID: itemId }
  return writeOnce<{ commentId: number }>(ports.effects, memberId, key, {
    lookup: async () => {
      const list = await client.call<{ ID: string | number; COMMENT: string }[]>('crm.timeline.comment.list', {
        filter: entity,
        select: ['ID', 'COMMENT'],
      })
      const hit = (list ?? []).find((c) => c.COMMENT === text)
      return hit ? { commentId: Number(hit.ID) } : null
    },
    write: async () => ({
      commentId: Number(
        await client.call('crm.timeline.comment.add', { fields: { ...entity, COMMENT: text } }, { idempotent: false }),
      ),
    }),
  })
}

/** Several timeline lines (one per invoice of a consolidated reminder) in ONE batch, each once: keys
 * claimed here are written together; a key an earlier attempt left half-done goes the one-by-one
 * way, which looks the comment up before writing it. */
export async function dunningTimelineComments(
  ports: Pick<DunningPorts, 'effects'>,
  client: PortalClient,
  memberId: string,
  entityTypeId: number,
  lines: { key: string; itemId: number; text: string }[],
) {
  const fresh: typeof lines = []
  for (const l of lines) {
    const c = await ports.effects.claim(l.key, memberId)
    if (c.state === 'new') fresh.push(l)
    else if (c.state !== 'done')
      await dunningTimelineComment(ports, client, memberId, l.key, entityTypeId, l.itemId, l.text)
  }
  if (!fresh.length) return
  let res
  try {
    res = await client.batch(
      Object.fromEntries(
        fresh.map((l, i) => [
          `c${i}`,
          {
            method: 'crm.timeline.comment.add',
            params: { fields: { ENTITY_TYPE: `dynamic_${entityTypeId}`, ENTITY_ID: l.itemId, COMMENT: l.text } },
          },
        ]),
      ),
      { halt: false, idempotent: false },
    )
  } catch (e) {
    // an answer that certainly did not reach the portal frees the keys; otherwise the retry looks up first
    const status = (e as { status?: number }).status
    for (const l of fresh)
      await (status === 503 || status === 429 ? ports.effects.release(l.key) : ports.effects.abandon(l.key)).catch(
        () => {},
      )
    throw e
  }
  for (const [i, l] of fresh.entries()) {
    const error = res.errors[`c${i}`]
    await ports.effects.complete(l.key, error ? { error: error.error } : { commentId: Number(res.results[`c${i}`]) })
  }
}

/** A portal notification to an employee, plus a Telegram copy when the employee has linked a chat. */
export async function notifyEmployee(
  ports: DunningPorts,
  client: PortalClient,
  memberId: string,
  key: string,
  userId: number,
  message: string,
): Promise<void> {
  await notifyDunningUser(ports, client, memberId, key, userId, message)
  const chat = (await ports.repo.employeeChat(memberId, userId)) ?? (await ports.approvalChatOf(memberId, userId))
  if (!chat) return
  try {
    await sendDunningTelegram(
      ports,
      memberId,
      effectKeys.dunningEmployeeTelegram(memberId, key),
      String(chat),
      message.replace(/\[\/?[a-z]+[^\]]*\]/gi, ''),
    )
  } catch (e) {
    if (!(e instanceof TelegramNotDelivered) || /unreachable|Too Many|Bad Gateway|HTTP 5/i.test(e.message)) throw e
    ports.log.warn({ memberId, userId, reason: e.message }, 'dunning.employee-telegram-failed')
  }
}

/** The name of a portal user for templates ("manager"); empty when unknown. */
export async function userName(client: PortalClient, userId: number | null): Promise<string> {
  if (!userId) return ''
  const u = await users.get(client, userId).catch((e: unknown) => {
    if (e instanceof Bitrix24Error && !e.retryable) return null
    throw e
  })
  return fullName(u ?? undefined)
}
