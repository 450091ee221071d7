// Records a payment on the current receivable (once per reference), mirrors it to the item and
// returns the new remaining sum and stage.
import { defineRobot } from '../kit/define-robot.ts'
import { currentReceivableId } from '../kit/current-item.ts'
import { portalCalendar } from '../kit/portal-calendar.ts'
import { kopecksOf, rublesValue } from '../kit/money.ts'
import { recordPayment } from '../../server/use-cases/receivables/record-payment.ts'
import { mirrorReceivable } from '../../server/use-cases/receivables/mirror-receivable.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { receivablesRepository } from '../../server/storage/repositories/receivables.ts'

export default defineRobot({
  code: 'payment-record',
  name: { ru: 'Записать оплату', en: 'Record a payment' },
  description: {
    ru: 'Проводит оплату по текущей дебиторке (повтор с той же ссылкой не проводится второй раз) и возвращает остаток и стадию',
    en: 'Records a payment on the current receivable (a repeat with the same reference is not recorded twice); returns the remaining sum and stage',
  },
  documents: ['receivables'],
  properties: {
    amount: { name: { ru: 'Сумма, руб.', en: 'Amount, RUB' }, type: 'double', required: true },
    paidOn: { name: { ru: 'Дата оплаты (по умолчанию сегодня)', en: 'Payment date (default today)' }, type: 'date' },
    reference: {
      name: { ru: 'Номер платёжного документа', en: 'Payment reference' },
      description: { ru: 'Одна ссылка = одна оплата', en: 'One reference = one payment' },
      type: 'string',
    },
    comment: { name: { ru: 'Комментарий', en: 'Comment' }, type: 'string' },
  },
  returnProperties: {
    remaining: { name: { ru: 'Остаток, руб.', en: 'Remaining, RUB' }, type: 'double' },
    paid: { name: { ru: 'Оплачено всего, руб.', en: 'Paid in total, RUB' }, type: 'double' },
    stage: { name: { ru: 'Стадия', en: 'Stage' }, type: 'string' },
    duplicate: { name: { ru: 'Уже была записана', en: 'Already recorded' }, type: 'bool' },
  },
  async run(input) {
    const p = input.properties
    const receivableId = await currentReceivableId(input)
    const ports = receivablesPorts(input.ctx)
    const paidOn = p.paidOn === null ? (await portalCalendar(input)).today : String(p.paidOn)
    const out = await recordPayment(
      ports,
      { memberId: input.memberId, actor: `robot:${input.workflowId}`, source: 'robot' },
      {
        receivableId,
        amount: kopecksOf(p.amount, 'amount'),
        paidOn,
        source: 'robot',
        sourceRef: p.reference === null ? input.eventToken : String(p.reference),
        comment: p.comment ?? undefined,
      },
    )
    // mirror now, so the stage this robot returns is the one the item shows (the queued mirror finds it done)
    if (!out.duplicate)
      await mirrorReceivable(ports, {
        memberId: input.memberId,
        receivableId,
        trigger: 'money',
        paymentId: out.payment.id,
      })
    const rec = (await receivablesRepository(input.ctx.database.db).get(input.memberId, receivableId))!
    return {
      values: {
        remaining: rublesValue(rec.remaining),
        paid: rublesValue(rec.paid),
        stage: rec.stage,
        duplicate: out.duplicate,
      },
      log: out.duplicate
        ? `Payment ${String(p.reference ?? '')} was already recorded`
        : `Recorded ${rublesValue(out.payment.amount)} RUB; remaining ${rublesValue(rec.remaining)} RUB`,
    }
  },
})
