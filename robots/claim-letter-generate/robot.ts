// Builds the claim letter PDF of the current debt-recovery claim (art. 395 interest table), attaches
// it to the claim's file field and timeline, and returns a link to it.
import { defineRobot } from '../kit/define-robot.ts'
import { processItemOf } from '../kit/current-item.ts'
import { rublesValue } from '../kit/money.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { generateClaimLetter } from '../../server/use-cases/claims/generate-claim-letter.ts'
import { claimLetterLink } from '../../server/use-cases/claims/claim-letter-link.ts'

export default defineRobot({
  code: 'claim-letter-generate',
  name: { ru: 'Сформировать претензию', en: 'Generate the claim letter' },
  description: {
    ru: 'PDF-претензия по текущей претензионной работе: счета, долг, проценты по ст. 395 с таблицей, реквизиты; прикрепляется к элементу',
    en: 'The claim letter PDF of the current claim: invoices, debt, art. 395 interest with its table, bank details; attached to the item',
  },
  documents: ['claims'],
  properties: {
    linkDays: { name: { ru: 'Ссылка действует, дней', en: 'Link valid for, days' }, type: 'int', default: 7 },
  },
  returnProperties: {
    fileLink: { name: { ru: 'Ссылка на файл', en: 'File link' }, type: 'string' },
    total: { name: { ru: 'Сумма требования, руб.', en: 'Amount claimed, RUB' }, type: 'double' },
  },
  async run(input) {
    const { itemId } = await processItemOf(input, 'claims')
    const days = Math.min(30, Math.max(1, Number(input.properties.linkDays ?? 7)))
    const out = await generateClaimLetter(
      dunningPorts(input.ctx),
      input.client,
      input.memberId,
      itemId,
      `robot:${input.workflowId}`,
    )
    const link = claimLetterLink(
      input.ctx.config.secretKey,
      input.memberId,
      out.letter.id,
      days * 86_400,
      input.ctx.config.http.baseUrl,
    )
    return {
      values: { fileLink: link, total: rublesValue(out.total) },
      log: `Claim letter ${out.letter.fileName}: ${rublesValue(out.total)} RUB`,
    }
  },
})
