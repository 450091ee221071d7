// Moving a receivable to Sent to client delivers the invoice to the counterparty by the CRM e-mail
// activity (TYPE_ID 4, outgoing, completed = sent and recorded in the card) exactly once, and then
// moves it on to Awaiting payment, in one batch that halts if the e-mail fails. Where the
// counterparty has a Telegram chat, the invoice goes there too (once), recorded in the timeline.
import { effectKeys } from '../jobs/keys.ts'
import { formatAmount } from '../domain/money/index.ts'
import type { PortalClient } from '../bitrix24/client/portal-client.ts'
import type { InstalledProcess } from '../bitrix24/install-state.ts'
import type { Receivable } from '../storage/repositories/receivables.ts'
import { withEmail } from './counterparty-email.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { inLedgerTx, ledgerRepos } from './ledger-tx.ts'
import { stageIdOf } from './receivable-item-fields.ts'
import { CRM_OWNER_TYPE } from './thank-you.ts'
import { dunningTimelineComment, sendDunningTelegram, TelegramNotDelivered } from './dunning-channels.ts'
import { formatDate } from '../documents/format.ts'
import { emailSenderFields } from './email-sender-settings.ts'

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'no-email' | 'failed' | 'telegram-only'

export async function deliverInvoice(ports: ReceivablesPorts, client: PortalClient, p: InstalledProcess, rec: Receivable, fileUrl: string | null, lang: 'ru' | 'en'): Promise<DeliveryOutcome> {
  if (!rec.itemId) return 'failed'
  const repos = ledgerRepos(ports.db)
  let cp = (await repos.counterparties.get(rec.memberId, rec.counterpartyId))!
  const key = effectKeys.invoiceDeliver(rec.memberId, rec.itemId)
  const subject = lang === 'ru' ? `Счёт № ${rec.invoiceNumber}` : `Invoice ${rec.invoiceNumber}`
  const claim = await ports.effects.claim(key, rec.memberId)
  if (claim.state === 'done') return 'already-delivered'
  if (claim.state === 'pending') {
    const found = await client.call<{ ID: string }[]>('crm.activity.list', { filter: { OWNER_TYPE_ID: p.entityTypeId, OWNER_ID: rec.itemId, TYPE_ID: 4, SUBJECT: subject }, select: ['ID'] })
    if (found?.length) {
      await ports.effects.complete(key, { activityId: Number(found[0].ID) })
      return 'already-delivered'
    }
  }
  const money = `${formatAmount(rec.amount, lang)} ${rec.currency}`
  const body = lang === 'ru'
    ? `Здравствуйте! Направляем счёт № ${rec.invoiceNumber} от ${formatDate(rec.invoiceDate, lang)} на сумму ${money}, срок оплаты ${formatDate(rec.dueDate, lang)}.`
    : `Hello! Please find invoice ${rec.invoiceNumber} of ${formatDate(rec.invoiceDate, lang)} for ${money}, due ${formatDate(rec.dueDate, lang)}.`
  const telegram = await deliverByTelegram(ports, client, p, rec, fileUrl ? `${body}\n${fileUrl}` : body, lang)
  const awaiting = stageIdOf(p, 'AWAITING')
  cp = await withEmail(ports, client, cp)
  if (!cp.email) {
    await ports.effects.release(key)
    await repos.audit.record({ memberId: rec.memberId, actor: 'system', source: 'automation', action: 'invoice.delivery-skipped', entity: 'receivable', entityId: String(rec.id), details: { reason: 'the counterparty has no e-mail', telegram } })
    if (telegram !== 'sent' || !awaiting) return 'no-email'
    // delivered by Telegram alone: the invoice is with the client, so it awaits payment
    await client.call('crm.item.update', { entityTypeId: p.entityTypeId, id: rec.itemId, fields: { stageId: awaiting } })
    await inLedgerTx(ports.db, (r) => r.receivables.setStage(rec.memberId, rec.id, 'AWAITING', false))
    return 'telegram-only'
  }
  const res = await client.batch({
    send: { method: 'crm.activity.add', params: { fields: {
      OWNER_TYPE_ID: p.entityTypeId, OWNER_ID: rec.itemId, TYPE_ID: 4, DIRECTION: 2, COMPLETED: 'Y', SUBJECT: subject,
      DESCRIPTION: fileUrl ? `${body}\n${fileUrl}` : body, DESCRIPTION_TYPE: 1, RESPONSIBLE_ID: rec.responsibleId ?? 1,
      COMMUNICATIONS: [{ VALUE: cp.email, ENTITY_ID: cp.entityId, ENTITY_TYPE_ID: CRM_OWNER_TYPE[cp.entityType] }], ...(await emailSenderFields(ports, rec.memberId)),
    } } },
    ...(awaiting ? { move: { method: 'crm.item.update', params: { entityTypeId: p.entityTypeId, id: rec.itemId, fields: { stageId: awaiting } } } } : {}),
  }, { halt: true, idempotent: false })
  if (res.errors.send) {
    // the portal may have created the activity before the mail failed; never send it twice on our own
    await ports.effects.complete(key, { error: res.errors.send.error })
    await repos.audit.record({ memberId: rec.memberId, actor: 'system', source: 'automation', action: 'invoice.delivery-failed', entity: 'receivable', entityId: String(rec.id), details: res.errors.send })
    return 'failed'
  }
  await ports.effects.complete(key, { activityId: Number(res.results.send) || null })
  await inLedgerTx(ports.db, async (r) => {
    if (awaiting && !res.errors.move) await r.receivables.setStage(rec.memberId, rec.id, 'AWAITING', false)
    await r.audit.record({ memberId: rec.memberId, actor: 'system', source: 'automation', action: 'invoice.delivered', entity: 'receivable', entityId: String(rec.id), details: { to: cp.email, activityId: res.results.send ?? null, movedTo: awaiting ? 'AWAITING' : null } })
  })
  return 'delivered'
}

/** The invoice to the counterparty's Telegram chat (dunning settings), once; a refusal is audited, not retried. */
async function deliverByTelegram(ports: ReceivablesPorts, client: PortalClient, p: InstalledProcess, rec: Receivable, text: string, lang: 'ru' | 'en'): Promise<'sent' | 'no-chat' | 'failed'> {
  const row = await ports.db.selectFrom('dunning_counterparties').select('telegram_chat_id').where('member_id', '=', rec.memberId).where('counterparty_id', '=', rec.counterpartyId).executeTakeFirst()
  const chatId = row?.telegram_chat_id
  if (!chatId || !rec.itemId) return 'no-chat'
  try {
    await sendDunningTelegram(ports, rec.memberId, effectKeys.invoiceDeliverTelegram(rec.memberId, rec.itemId, 'send'), chatId, text)
  } catch (e) {
    if (!(e instanceof TelegramNotDelivered)) throw e
    await ledgerRepos(ports.db).audit.record({ memberId: rec.memberId, actor: 'system', source: 'automation', action: 'invoice.telegram-failed', entity: 'receivable', entityId: String(rec.id), details: { reason: e.message } })
    return 'failed'
  }
  await dunningTimelineComment(ports, client, rec.memberId, effectKeys.invoiceDeliverTelegram(rec.memberId, rec.itemId, 'comment'), p.entityTypeId, rec.itemId,
    lang === 'ru' ? `Счёт № ${rec.invoiceNumber} отправлен клиенту в Telegram.` : `Invoice ${rec.invoiceNumber} was sent to the client by Telegram.`)
  return 'sent'
}
