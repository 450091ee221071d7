// The ONLY place job keys and side-effect keys are built: `<job>:<member_id>:<natural ids>`. It lives with the
// use-cases (they build most keys); http/, jobs/ and robots/ import it from here, and nothing here imports jobs/.
// A key names one effect in the world; the same key must never describe two different effects.
const part = (v: string | number) => String(v).replace(/:/g, '_')
const build = (job: string, memberId: string, ...ids: (string | number)[]) =>
  [job, part(memberId), ...ids.map(part)].join(':')

export const jobKeys = {
  /** Portal events of one entity: collapsed only while one waits to start (SendOptions.collapse). */
  eventHandle: (memberId: string, event: string, entityId: string) => build('event-handle', memberId, event, entityId),
  robotRun: (memberId: string, eventToken: string) => build('robot-run', memberId, eventToken),
  portalInstall: (memberId: string, version: string) => build('portal-install', memberId, version),
  /** Deleting an uninstalled portal's data at the end of its grace period (the date names the uninstall). */
  portalPurge: (memberId: string, purgeAfter: string) => build('portal-purge', memberId, purgeAfter),
  telegramUpdate: (updateId: number) => build('telegram-update', 'bot', updateId),
  scheduleFanOut: (job: string, memberId: string, slot: string) => build(job, memberId, slot),
  /** Mirror of one ledger state (version) of a receivable to its portal item. */
  receivableMirror: (memberId: string, receivableId: number, version: number, trigger: string) =>
    build('receivable-mirror', memberId, receivableId, version, trigger),
  /** Applies one committed approval transition (outbox row) to the portal. */
  approvalApply: (memberId: string, outboxId: number, recovery?: string) =>
    build('approval-apply', memberId, outboxId, ...(recovery ? ['recover', recovery] : [])),
  /** One SLA moment of one step of one round of an approval (re-checked when it fires). */
  approvalSla: (memberId: string, approvalId: number, round: number, step: number, at: string) =>
    build('approval-sla', memberId, approvalId, round, step, at),
  /** The consolidated reminder of one counterparty on one day (its receivable steps are in the data). */
  dunningRemind: (memberId: string, counterpartyId: number, day: string) =>
    build('dunning-remind', memberId, counterpartyId, day),
  /** A counterparty's reminder of one day put on the review list (segments that wait for review). */
  dunningReviewQueue: (memberId: string, counterpartyId: number, day: string) =>
    build('dunning-review-queue', memberId, counterpartyId, day),
  /** The release of a day's unreviewed reminders at the admin's hour: planned by the scan ('scan') or by
   * a save of the setting (its instant), so an hour set again after its job ran is planned anew. */
  dunningReviewRelease: (memberId: string, day: string, hour: number, by: string) =>
    build('dunning-review-release', memberId, day, hour, by),
  /** One escalation step of one receivable, enqueued on the day it became due. */
  dunningEscalate: (memberId: string, receivableId: number, stepKey: string, day: string) =>
    build('dunning-escalate', memberId, receivableId, stepKey, day),
  /** One ladder task step (t.<id>) of one receivable on its day. */
  dunningStepTask: (memberId: string, receivableId: number, stepKey: string, day: string) =>
    build('dunning-task-step', memberId, receivableId, stepKey, day),
  /** Matching the incoming lines of one statement import. */
  statementMatch: (memberId: string, importId: number) => build('statement-match', memberId, importId),
}

export const effectKeys = {
  /** The admin told once that the Bank of Russia key rate has not been fetched since `since`. */
  keyRateStale: (memberId: string, since: string) => build('key-rate-stale', memberId, since),
  /** The "lines wait for review" notification of one statement import to one accountant. */
  statementReviewNotify: (memberId: string, importId: number, userId: number) =>
    build('statement-review-notify', memberId, importId, userId),
  /** The digest of the payments one statement import recorded on one person's invoices. */
  statementPaymentsDigest: (memberId: string, importId: number, userId: number) =>
    build('statement-payments-digest', memberId, importId, userId),
  /** "Payments API lines wait for review" to one accountant: once per UTC hour (slot YYYY-MM-DDTHH), or for the line that refilled an empty queue. */
  apiPaymentReviewNotify: (memberId: string, hourSlot: string, userId: number, lineId?: number) =>
    build('api-payment-review-notify', memberId, hourSlot, userId, ...(lineId ? [`L${lineId}`] : [])),
  bizprocEventSend: (memberId: string, eventToken: string) => build('bizproc-event-send', memberId, eventToken),
  /** The portal item of a receivable created from the tab (crm.item.add once). */
  receivableItemAdd: (memberId: string, receivableId: number) => build('receivable-item-add', memberId, receivableId),
  /** The timeline note on a deal that it did not become an invoice (or its new amount was not followed). */
  sourceProblem: (memberId: string, sourceType: number, sourceId: number, code: string, detail: string | number) =>
    build('source-problem', memberId, sourceType, sourceId, code, detail),
  /** The timeline totals comment (created once, then updated in place); result {commentId}. */
  totalsComment: (memberId: string, kind: 'receivable' | 'counterparty' | 'claim', id: number) =>
    build('totals-comment', memberId, kind, id),
  paymentNotify: (memberId: string, paymentId: number) => build('payment-notify', memberId, paymentId),
  invoiceDeliver: (memberId: string, itemId: number) => build('invoice-deliver', memberId, itemId),
  /** The timeline note that an invoice was not sent for the missing requisite `field`. */
  invoiceRefused: (memberId: string, itemId: number, field: string) =>
    build('invoice-refused', memberId, itemId, field),
  invoiceDeliverTelegram: (memberId: string, itemId: number, what: 'send' | 'photo' | 'comment') =>
    build('invoice-deliver-telegram', memberId, itemId, what),
  thankYou: (memberId: string, receivableId: number) => build('thank-you', memberId, receivableId),
  /** One portal write of one approval transition (outbox row, event index, what). */
  approvalEffect: (memberId: string, outboxId: number, eventIndex: number, what: string) =>
    build('approval-effect', memberId, outboxId, eventIndex, what),
  /** "The request is incomplete" notice for one item and one set of missing fields. */
  approvalIncomplete: (memberId: string, itemId: number, missing: string) =>
    build('approval-incomplete', memberId, itemId, missing),
  /** One channel of the reminder message of a counterparty on a day (e-mail activity, Telegram, notification). */
  dunningSend: (memberId: string, counterpartyId: number, day: string, channel: string) =>
    build('dunning-send', memberId, counterpartyId, day, channel),
  /** The payment QR code of one invoice of a reminder, as a Telegram photo. */
  dunningSendQr: (memberId: string, counterpartyId: number, day: string, receivableId: number) =>
    build('dunning-send-qr', memberId, counterpartyId, day, receivableId),
  /** A manual "send now" from the collection plan tab (request id from the UI). */
  dunningManualSend: (memberId: string, receivableId: number, requestId: string, channel: string) =>
    build('dunning-manual-send', memberId, receivableId, requestId, channel),
  /** The timeline comment of one dunning step of one receivable. */
  dunningTimeline: (memberId: string, receivableId: number, stepKey: string) =>
    build('dunning-timeline', memberId, receivableId, stepKey),
  /** Task number `index` of one escalation step (tasks.task.add, XML_ID = this key). */
  dunningTask: (memberId: string, receivableId: number, stepKey: string, index: number) =>
    build('dunning-task', memberId, receivableId, stepKey, index),
  /** The task of one ladder task step (t.<id>) of one receivable (tasks.task.add, XML_ID = this key). */
  dunningStepTask: (memberId: string, receivableId: number, stepKey: string) =>
    build('dunning-step-task', memberId, receivableId, stepKey),
  /** The app's comment on a task step's task when it closes or skips it (paid / paused). */
  dunningStepTaskClose: (memberId: string, receivableId: number, stepKey: string, reason: string) =>
    build('dunning-step-task-close', memberId, receivableId, stepKey, reason),
  /** A notification of one escalation step to one user. */
  dunningNotify: (memberId: string, receivableId: number, stepKey: string, userId: number) =>
    build('dunning-notify', memberId, receivableId, stepKey, userId),
  /** The Telegram copy of an employee notification (the notification's own key inside). */
  dunningEmployeeTelegram: (memberId: string, notificationKey: string) =>
    build('dunning-employee-tg', memberId, notificationKey),
  /** The Claim Work item of a receivable (crm.item.add once, xmlId = this key). */
  claimOpen: (memberId: string, receivableId: number) => build('claim-open', memberId, receivableId),
  /** Effects around the opened claim: notifications and the lawyer's task. */
  claimOpenEffect: (memberId: string, receivableId: number, what: string) =>
    build('claim-open-effect', memberId, receivableId, what),
  /** One side effect of one robot call (its event_token), e.g. the Telegram message of telegram-send. */
  robotEffect: (memberId: string, eventToken: string, what: string) =>
    build('robot-effect', memberId, eventToken, what),
  /** A "hand over" task of one receivable from the card tab (request id from the UI). */
  handOver: (memberId: string, receivableId: number, requestId: string) =>
    build('hand-over', memberId, receivableId, requestId),
  /** A "ping" notification about one task or activity (request id from the UI). */
  ping: (memberId: string, what: string, id: number, requestId: string) => build('ping', memberId, what, id, requestId),
  /** The accountant's task of one payout tranche (tasks.task.add, XML_ID = this key). */
  claimTrancheTask: (memberId: string, trancheId: number) => build('claim-tranche-task', memberId, trancheId),
  /** "Complete the work on the claim" once all tranches are paid (XML_ID = this key). */
  claimCompleteTask: (memberId: string, caseId: number) => build('claim-complete-task', memberId, caseId),
  /** One action of a recovery case entering a stage (claim sent, court preparation, first notice). */
  claimStageEffect: (memberId: string, caseId: number, stage: string, what: string) =>
    build('claim-stage', memberId, caseId, stage, what),
  /** The "answer the debtor" task of one counterparty on one day (its first incoming e-mail / open-line message). */
  incomingTask: (memberId: string, counterpartyId: number, day: string) =>
    build('incoming-task', memberId, counterpartyId, day),
  /** A later message of that day joined to the task as a comment (one per activity). */
  incomingTaskComment: (memberId: string, counterpartyId: number, activityId: number) =>
    build('incoming-task-comment', memberId, counterpartyId, activityId),
  /** The limitation warning of a case at one threshold (90, 30 days, expired). */
  claimLimitationWarning: (memberId: string, caseId: number, threshold: number, userId: number) =>
    build('claim-limitation', memberId, caseId, threshold, userId),
}
