// Recomputes total / paid / remaining of the current receivable or claim (payout tranches of a
// compensation, the invoices of a debt-recovery case) and updates its timeline totals comment in
// place (never a second comment).
import { defineRobot } from '../kit/define-robot.ts'
import { currentReceivableId, installStateOf } from '../kit/current-item.ts'
import { rublesValue } from '../kit/money.ts'
import { mirrorReceivable } from '../../server/use-cases/receivables/mirror-receivable.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { receivablesRepository } from '../../server/storage/repositories/receivables.ts'
import { postClaimTotals } from '../../server/use-cases/claims/post-claim-totals.ts'

export default defineRobot({
  code: 'payment-totals-post',
  name: { ru: 'Обновить итоги оплат', en: 'Update the payment totals' },
  description: {
    ru: 'Для дебиторки или претензии: пересчитывает сумму, оплачено и остаток и обновляет комментарий с итогами в таймлайне (без дублей)',
    en: 'For a receivable or a claim: recomputes total, paid and remaining and updates the totals comment in the timeline (never a duplicate)',
  },
  documents: ['receivables', 'claims'],
  properties: {},
  returnProperties: {
    total: { name: { ru: 'Сумма, руб.', en: 'Total, RUB' }, type: 'double' },
    paid: { name: { ru: 'Оплачено, руб.', en: 'Paid, RUB' }, type: 'double' },
    remaining: { name: { ru: 'Остаток, руб.', en: 'Remaining, RUB' }, type: 'double' },
  },
  async run(input) {
    const claims = (await installStateOf(input)).processes.claims
    if (claims && input.document.kind === 'dynamic' && input.document.entityTypeId === claims.entityTypeId) {
      const t = await postClaimTotals(receivablesPorts(input.ctx), input.client, input.memberId, input.document.id)
      const values = { total: rublesValue(t.total), paid: rublesValue(t.paid), remaining: rublesValue(t.remaining) }
      return { values, log: `claim (${t.kind}): ${values.total} / ${values.paid} / ${values.remaining}` }
    }
    const receivableId = await currentReceivableId(input)
    await mirrorReceivable(receivablesPorts(input.ctx), { memberId: input.memberId, receivableId, trigger: 'refresh' })
    const rec = (await receivablesRepository(input.ctx.database.db).get(input.memberId, receivableId))!
    const values = {
      total: rublesValue(rec.amount),
      paid: rublesValue(rec.paid),
      remaining: rublesValue(rec.remaining),
    }
    return { values, log: `${values.total} / ${values.paid} / ${values.remaining}` }
  },
})
