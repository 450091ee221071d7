// Moving a receivable to Sent to client delivers the invoice to the counterparty by the CRM e-mail
// activity (TYPE_ID 4, outgoing, completed = sent and recorded in the card) exactly once, and then
// moves it on to Awaiting payment, in one batch that halts if the e-mail fails. Where the
// counterparty has a Telegram chat, the invoice goes there too (once), recorded in the timeline;
// where it has none, the e-mail offers the one-time link to join (invoice-telegram-invite.ts).
// With our legal entity set up, the invoice PDF with the payment QR code (invoice-document.ts) is
// attached to the e-mail and kept in the item's file field; a missing requisite sends nothing and
// says in the timeline which one.
import { effectKeys } from '../effect-keys.ts'
import { formatAmount } from '../../domain/money/index.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../../bitrix24/install-state.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import { withEmail } from './counterparty-email.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { inLedgerTx, ledgerRepos } from './ledger-tx.ts'
import { stageIdOf } from './receivable-item-fields.ts'
import { CRM_OWNER_TYPE } from './thank-you.ts'
import {
  dunningTimelineComment,
  sendDunningTelegram,
  sendDunningTelegramPhoto,
  TelegramNotDelivered,
} from '../dunning/dunning-channels.ts'
import { qrPng } from '../../documents/payment-qr.ts'
import { formatDate } from '../../documents/format.ts'
import { emailSenderFields } from '../admin/email-sender-settings.ts'
import { buildInvoiceDocument } from './invoice-document.ts'
import { telegramInviteLine } from './invoice-telegram-invite.ts'

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'no-email' | 'failed' | 'telegram-only' | 'refused'

export async function deliverInvoice(
  ports: ReceivablesPorts,
  client: PortalClient,
  p: InstalledProcess,
  rec: Receivable,
  fileUrl: string | null,
  lang: 'ru' | 'en',
): Promise<DeliveryOutcome> {
  if (!rec.itemId) return 'failed'
  const repos = ledgerRepos(ports.db)
  let cp = (await repos.counterparties.get(rec.memberId, rec.counterpartyId))!
  const key = effectKeys.invoiceDeliver(rec.memberId, rec.itemId)
  const subject = lang === 'ru' ? `Счёт № ${rec.invoiceNumber}` : `Invoice ${rec.invoiceNumber}`
  const claim = await ports.effects.claim(key, rec.memberId)
  if (claim.state === 'done') return 'already-delivered'
  if (claim.state === 'pending') {
    const found = await client.call<{ ID: string }[]>('crm.activity.list', {
      filter: { OWNER_TYPE_ID: p.entityTypeId, OWNER_ID: rec.itemId, TYPE_ID: 4, SUBJECT: subject },
      select: ['ID'],
    })
    if (found?.length) {
      await ports.effects.complete(key, { activityId: Number(found[0].ID) })
      return 'already-delivered'
    }
  }
  // the invoice PDF with the payment QR code, made before anything is sent; a missing requisite stops it all
  const doc = await buildInvoiceDocument(ports, client, rec, lang)
  if (doc.state === 'missing') {
    await ports.effects.release(key)
    await refuseDelivery(ports, client, p, rec, doc.field, doc.message)
    return 'refused'
  }
  const pdf = doc.state === 'ready' ? doc : null
  const money = `${formatAmount(rec.amount, lang)} ${rec.currency}`
  const body =
    lang === 'ru'
      ? `Здравствуйте! Направляем счёт № ${rec.invoiceNumber} от ${formatDate(rec.invoiceDate, lang)} на сумму ${money}, срок оплаты ${formatDate(rec.dueDate, lang)}.`
      : `Hello! Please find invoice ${rec.invoiceNumber} of ${formatDate(rec.invoiceDate, lang)} for ${money}, due ${formatDate(rec.dueDate, lang)}.`
  // without our PDF, the link to the file a person put into the item (the older way)
  const text = !pdf && fileUrl ? `${body}\n${fileUrl}` : body
  const attached =
    lang === 'ru' ? ' Счёт с QR-кодом для оплаты — во вложении.' : ' The invoice with a payment QR code is attached.'
  // in Telegram, the payment QR code follows the text as a photo
  const photo = pdf
    ? {
        png: await qrPng(pdf.qrPayload),
        fileName: `qr-${pdf.fileName.replace(/\.pdf$/, '')}.png`,
        caption: lang === 'ru' ? 'QR-код для оплаты в приложении банка' : 'Payment QR code for a banking app',
      }
    : null
  const telegram = await deliverByTelegram(ports, client, p, rec, text, photo, lang)
  const awaiting = stageIdOf(p, 'AWAITING')
  cp = await withEmail(ports, client, cp)
  if (!cp.email) {
    await ports.effects.release(key)
    await repos.audit.record({
      memberId: rec.memberId,
      actor: 'system',
      source: 'automation',
      action: 'invoice.delivery-skipped',
      entity: 'receivable',
      entityId: String(rec.id),
      details: { reason: 'the counterparty has no e-mail', telegram },
    })
    if (telegram !== 'sent' || !awaiting) return 'no-email'
    // delivered by Telegram alone: the invoice is with the client, so it awaits payment
    await client.call('crm.item.update', {
      entityTypeId: p.entityTypeId,
      id: rec.itemId,
      fields: { stageId: awaiting },
    })
    await inLedgerTx(ports.db, (r) =>
      r.receivables.setStage(rec.memberId, rec.id, 'AWAITING', false, { at: ports.now() }),
    )
    return 'telegram-only'
  }
  const invite = telegram === 'no-chat' ? await telegramInviteLine(ports, rec, lang) : ''
  const res = await client.batch(
    {
      send: {
        method: 'crm.activity.add',
        params: {
          fields: {
            OWNER_TYPE_ID: p.entityTypeId,
            OWNER_ID: rec.itemId,
            TYPE_ID: 4,
            DIRECTION: 2,
            COMPLETED: 'Y',
            SUBJECT: subject,
            DESCRIPTION: `${text}${pdf ? attached : ''}${invite}`,
            DESCRIPTION_TYPE: 1,
            RESPONSIBLE_ID: rec.responsibleId ?? 1,
            COMMUNICATIONS: [
              { VALUE: cp.email, ENTITY_ID: cp.entityId, ENTITY_TYPE_ID: CRM_OWNER_TYPE[cp.entityType] },
            ],
            ...(await emailSenderFields(ports, rec.memberId)),
            // crm-activity-add.md: FILES [{ fileData: [name, base64] }], the client receives the PDF itself
            ...(pdf ? { FILES: [{ fileData: [pdf.fileName, pdf.pdf.toString('base64')] }] } : {}),
          },
        },
      },
      ...(awaiting || (pdf && !fileUrl)
        ? {
            move: {
              method: 'crm.item.update',
              params: {
                entityTypeId: p.entityTypeId,
                id: rec.itemId,
                fields: {
                  ...(awaiting ? { stageId: awaiting } : {}),
                  // the invoice sent is kept in the item's file field unless a person put a file there
                  ...(pdf && !fileUrl ? invoiceFileField(p, pdf) : {}),
                },
              },
            },
          }
        : {}),
    },
    { halt: true, idempotent: false },
  )
  if (res.errors.send) {
    // the portal may have created the activity before the mail failed; never send it twice on our own
    await ports.effects.complete(key, { error: res.errors.send.error })
    await repos.audit.record({
      memberId: rec.memberId,
      actor: 'system',
      source: 'automation',
      action: 'invoice.delivery-failed',
      entity: 'receivable',
      entityId: String(rec.id),
      details: res.errors.send,
    })
    return 'failed'
  }
  await ports.effects.complete(key, { activityId: Number(res.results.send) || null })
  await inLedgerTx(ports.db, async (r) => {
    if (awaiting && !res.errors.move)
      await r.receivables.setStage(rec.memberId, rec.id, 'AWAITING', false, { at: ports.now() })
    await r.audit.record({
      memberId: rec.memberId,
      actor: 'system',
      source: 'automation',
      action: 'invoice.delivered',
      entity: 'receivable',
      entityId: String(rec.id),
      details: {
        to: cp.email,
        activityId: res.results.send ?? null,
        movedTo: awaiting ? 'AWAITING' : null,
        attached: pdf ? pdf.fileName : null,
      },
    })
  })
  return 'delivered'
}

function invoiceFileField(p: InstalledProcess, doc: { fileName: string; pdf: Buffer }): Record<string, unknown> {
  const f = p.fields.invoiceFile
  // api-reference/files/how-to-upload-files.md: a file field of crm.item.* takes [name, base64]
  return f ? { [f.restName]: [doc.fileName, doc.pdf.toString('base64')] } : {}
}

/** Nothing is sent: the audit and the item's timeline (once per missing field) say which requisite is missing. */
async function refuseDelivery(
  ports: ReceivablesPorts,
  client: PortalClient,
  p: InstalledProcess,
  rec: Receivable,
  field: string,
  message: string,
) {
  await ledgerRepos(ports.db).audit.record({
    memberId: rec.memberId,
    actor: 'system',
    source: 'automation',
    action: 'invoice.delivery-refused',
    entity: 'receivable',
    entityId: String(rec.id),
    details: { field, message },
  })
  await dunningTimelineComment(
    ports,
    client,
    rec.memberId,
    effectKeys.invoiceRefused(rec.memberId, rec.itemId!, field),
    p.entityTypeId,
    rec.itemId!,
    message,
  )
}

/** The invoice to the counterparty's Telegram chat (dunning settings), once; a refusal is audited, not retried. */
async function deliverByTelegram(
  ports: ReceivablesPorts,
  client: PortalClient,
  p: InstalledProcess,
  rec: Receivable,
  text: string,
  photo: { png: Buffer; fileName: string; caption: string } | null,
  lang: 'ru' | 'en',
): Promise<'sent' | 'no-chat' | 'failed'> {
  const row = await ports.db
    .selectFrom('dunning_counterparties')
    .select('telegram_chat_id')
    .where('member_id', '=', rec.memberId)
    .where('counterparty_id', '=', rec.counterpartyId)
    .executeTakeFirst()
  const chatId = row?.telegram_chat_id
  if (!chatId || !rec.itemId) return 'no-chat'
  try {
    await sendDunningTelegram(
      ports,
      rec.memberId,
      effectKeys.invoiceDeliverTelegram(rec.memberId, rec.itemId, 'send'),
      chatId,
      text,
    )
  } catch (e) {
    if (!(e instanceof TelegramNotDelivered)) throw e
    await ledgerRepos(ports.db).audit.record({
      memberId: rec.memberId,
      actor: 'system',
      source: 'automation',
      action: 'invoice.telegram-failed',
      entity: 'receivable',
      entityId: String(rec.id),
      details: { reason: e.message },
    })
    return 'failed'
  }
  // the QR code after the text; a refused photo does not take back the invoice that went
  if (photo)
    await sendDunningTelegramPhoto(
      ports,
      rec.memberId,
      effectKeys.invoiceDeliverTelegram(rec.memberId, rec.itemId, 'photo'),
      chatId,
      photo,
    ).catch((e: unknown) => {
      if (!(e instanceof TelegramNotDelivered)) throw e
      ports.log.warn({ memberId: rec.memberId, receivableId: rec.id, reason: e.message }, 'invoice.qr-photo-failed')
    })
  await dunningTimelineComment(
    ports,
    client,
    rec.memberId,
    effectKeys.invoiceDeliverTelegram(rec.memberId, rec.itemId, 'comment'),
    p.entityTypeId,
    rec.itemId,
    lang === 'ru'
      ? `Счёт № ${rec.invoiceNumber} отправлен клиенту в Telegram.`
      : `Invoice ${rec.invoiceNumber} was sent to the client by Telegram.`,
  )
  return 'sent'
}
