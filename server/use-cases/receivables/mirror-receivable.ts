// Mirrors one receivable's ledger state to the portal in ONE write batch: the item's paid,
// remaining, days overdue and (when the money or the clock implies it) stage, together with the
// totals comments on the receivable and the counterparty, and the manager's payment notification.
import { PermanentJobError } from '../job-queue.ts'
import { effectKeys } from '../effect-keys.ts'
import {
  decideStage,
  daysOverdue,
  isOverdue,
  isStageCode,
  renderTotalsComment,
  type StageDecision,
} from '../../domain/receivables/index.ts'
import { formatAmount } from '../../domain/money/index.ts'
import type { BatchCommand } from '../../bitrix24/client/portal-client.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { receivablesProcessOf } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { ledgerRepos, inLedgerTx } from './ledger-tx.ts'
import type { Receivable } from '../../storage/repositories/receivables.ts'
import { fieldName, moneyValue, stageIdOf } from './receivable-item-fields.ts'
import {
  planTotalsComment,
  releaseFresh,
  sendWithComments,
  settleTotalsComment,
  type PlannedComment,
} from './totals-comments.ts'
import { ensurePortalItem } from './ensure-portal-item.ts'
import { planThankYou } from './thank-you.ts'
import type { MirrorJobData } from './enqueue-mirror.ts'
import { refreshContractStatuses } from './refresh-contract-statuses.ts'
import { STATEMENT_AUTO_ACTOR } from '../statements/statement-payments-digest.ts'

export interface MirrorOutcome {
  stage: StageDecision | null
  commands: string[]
}

/** What a mirror writes of a receivable: a newer state than the one written is mirrored again. */
const mirrored = (r: Receivable, stage: string) =>
  [r.amount, r.paid, r.remaining, r.currency, r.effectiveDueDate, r.lastPaymentOn, r.lastPaymentAmount, stage].join('/')

export async function mirrorReceivable(ports: ReceivablesPorts, d: MirrorJobData, round = 1): Promise<MirrorOutcome> {
  const repos = ledgerRepos(ports.db)
  const rec = await repos.receivables.get(d.memberId, d.receivableId)
  if (!rec) throw new PermanentJobError('receivable.not-found', `receivable ${d.receivableId} is gone`)
  const cp = (await repos.counterparties.get(d.memberId, rec.counterpartyId))!
  const process = await receivablesProcessOf(ports, d.memberId)
  if (!process)
    throw new PermanentJobError(
      'install.receivables-missing',
      'the Receivables smart process is not installed in this portal',
    )
  if (!ports.clients) throw new Error('portal clients are not wired')
  const client = await ports.clients.forPortal(d.memberId)
  const itemId = await ensurePortalItem(ports, client, process, rec, cp)
  const { today, lang } = await portalDay(ports, d.memberId)

  const overdue = isOverdue(rec.effectiveDueDate, today, rec.remaining)
  const current = isStageCode(rec.stage) ? rec.stage : 'NEW'
  const stage =
    d.trigger === 'refresh'
      ? null
      : decideStage({
          current,
          manual: rec.manualStage,
          paid: rec.paid,
          remaining: rec.remaining,
          overdue,
          trigger: d.trigger,
        })
  const fields: Record<string, unknown> = {}
  const set = (k: string, v: unknown) => {
    const n = fieldName(process, k)
    if (n) fields[n] = v
  }
  set('paid', moneyValue(rec.paid, rec.currency))
  set('remaining', moneyValue(rec.remaining, rec.currency))
  set('daysOverdue', daysOverdue(rec.effectiveDueDate, today, rec.remaining))
  // the day the money is due (a due date on a day off moved on, art. 193 of the Civil Code); empty once paid
  set('nextDueDate', rec.remaining > 0 ? rec.effectiveDueDate : '')
  const stageId = stage ? stageIdOf(process, stage.stage) : null
  if (stageId) fields.stageId = stageId

  const balanceView = {
    total: rec.amount,
    paid: rec.paid,
    remaining: rec.remaining,
    advance: Math.max(rec.paid - rec.amount, 0),
    currency: rec.currency,
    lastPayment:
      rec.lastPaymentOn && rec.lastPaymentAmount ? { paidOn: rec.lastPaymentOn, amount: rec.lastPaymentAmount } : null,
  }
  const totals = await repos.receivables.counterpartyTotals(d.memberId, cp.id)
  let rc: PlannedComment | null = null
  let cc: PlannedComment | null = null
  try {
    rc = await planTotalsComment(
      ports,
      client,
      d.memberId,
      { kind: 'receivable', id: rec.id, entityType: `dynamic_${process.entityTypeId}`, entityId: itemId },
      renderTotalsComment('receivable', balanceView, lang),
    )
    cc = await planTotalsComment(
      ports,
      client,
      d.memberId,
      { kind: 'counterparty', id: cp.id, entityType: cp.entityType, entityId: cp.entityId },
      renderTotalsComment('counterparty', { ...totals, currency: rec.currency }, lang),
    )
  } catch (e) {
    await releaseFresh(ports, [rc, cc])
    throw e
  }
  const commands: Record<string, BatchCommand> = {
    item: { method: 'crm.item.update', params: { entityTypeId: process.entityTypeId, id: itemId, fields } },
    rc: rc.command,
    cc: cc.command,
  }
  const payment = d.paymentId && rec.responsibleId ? await repos.payments.get(d.memberId, d.paymentId) : null
  // payments the statement matcher recorded are told once per import and person (statement-payments-digest.ts)
  const notifyKey =
    payment && payment.actor !== STATEMENT_AUTO_ACTOR ? effectKeys.paymentNotify(d.memberId, d.paymentId!) : null
  if (notifyKey && (await ports.effects.claim(notifyKey, d.memberId)).state !== 'done') {
    const money = (k: number) => `${formatAmount(k, lang)} ${rec.currency}`
    const message =
      lang === 'ru'
        ? `Оплата ${money(payment?.amount ?? 0)} по счёту ${rec.invoiceNumber}; остаток ${money(rec.remaining)}`
        : `Payment ${money(payment?.amount ?? 0)} on invoice ${rec.invoiceNumber}; remaining ${money(rec.remaining)}`
    // the TAG makes a repeated notification replace the earlier one instead of adding a second
    commands.notify = {
      method: 'im.notify.system.add',
      params: { USER_ID: rec.responsibleId, MESSAGE: message, TAG: `rc-payment-${d.memberId}-${d.paymentId}` },
    }
  }
  const thanks = stage?.stage === 'SUCCESS' ? await planThankYou(ports, client, rec, cp, process, itemId, lang) : null
  if (thanks) commands.thanks = thanks.command

  const res = await sendWithComments(ports, client, commands, [rc, cc])
  await settleTotalsComment(ports, rc, 'rc', res)
  await settleTotalsComment(ports, cc, 'cc', res)
  if (notifyKey && commands.notify && !res.errors.notify) await ports.effects.complete(notifyKey, { notified: true })
  if (thanks)
    await (res.errors.thanks
      ? ports.effects.release(thanks.key)
      : ports.effects.complete(thanks.key, { activityId: res.results.thanks ?? null }))
  const itemError = res.errors.item
  if (itemError) {
    if (itemError.error === 'NOT_FOUND')
      throw new PermanentJobError('portal.item-not-found', `item ${itemId}: ${itemError.error_description}`)
    throw new Error(`crm.item.update failed: ${itemError.error} ${itemError.error_description}`)
  }
  if (stage || d.trigger === 'due-passed') {
    await inLedgerTx(ports.db, async (r) => {
      if (stage) {
        await r.receivables.setStage(
          d.memberId,
          rec.id,
          stage.stage,
          false,
          d.trigger === 'due-passed' ? { overdueApplied: true, at: ports.now() } : { at: ports.now() },
        )
        await r.audit.record({
          memberId: d.memberId,
          actor: 'system',
          source: 'automation',
          action: 'receivable.stage-moved',
          entity: 'receivable',
          entityId: String(rec.id),
          details: { from: rec.stage, to: stage.stage, reason: stage.reason },
        })
      } else {
        await r.receivables.markOverdueApplied(d.memberId, rec.id)
      }
    })
  }
  for (const [name, e] of Object.entries(res.errors))
    if (name !== 'item')
      ports.log.warn({ memberId: d.memberId, command: name, code: e.error }, 'receivable.mirror.partial-failure')
  // another payment's mirror (on another worker) read a newer state and may have written it before ours
  // landed: the last writer mirrors the newer state again, so the card and both comments end on it
  const after = await repos.receivables.get(d.memberId, rec.id)
  const cpAfter = await repos.receivables.counterpartyTotals(d.memberId, cp.id)
  if (
    round < 3 &&
    after &&
    (mirrored(after, after.stage) !== mirrored(rec, stage?.stage ?? rec.stage) ||
      JSON.stringify(cpAfter) !== JSON.stringify(totals))
  )
    return mirrorReceivable(ports, d, round + 1)
  // the money moved: the counterparty's contracts and the company card follow
  await refreshContractStatuses(ports, d.memberId, today, { counterpartyId: cp.id, client })
  return { stage, commands: Object.keys(commands) }
}
