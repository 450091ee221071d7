// Opens the debt-recovery claim of the current receivable (once: a second run returns the same claim).
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError } from '../kit/types.ts'
import { currentReceivableId } from '../kit/current-item.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { openClaimForReceivable } from '../../server/use-cases/claims/open-claim-for-receivable.ts'

export default defineRobot({
  code: 'claim-open',
  name: { ru: 'Открыть претензионную работу', en: 'Open claim work' },
  description: {
    ru: 'Создаёт элемент «Претензионная работа» (взыскание) по текущей дебиторке, уведомляет юриста и продажи; повторный запуск вернёт ту же претензию',
    en: 'Creates the Claim Work item (debt recovery) for the current receivable and notifies legal and sales; a repeat returns the same claim',
  },
  documents: ['receivables'],
  properties: {
    reason: { name: { ru: 'Основание', en: 'Reason' }, type: 'text', default: '' },
  },
  returnProperties: {
    claimId: { name: { ru: 'ID претензии', en: 'Claim id' }, type: 'int' },
  },
  async run(input) {
    const receivableId = await currentReceivableId(input)
    const ports = dunningPorts(input.ctx)
    const given = String(input.properties.reason ?? '').trim()
    const state = await input.ctx.repos.installState.get(input.memberId)
    const opened = await openClaimForReceivable(
      ports,
      input.client,
      state,
      input.memberId,
      receivableId,
      (lang) => given || (lang === 'ru' ? 'Открыто роботом бизнес-процесса.' : 'Opened by a business-process robot.'),
    )
    const claimId = opened?.claimItemId ?? null
    if (claimId === null)
      throw new RobotError(
        'robot.claims-missing',
        'The Claim Work smart process is not installed in this portal; open the app to finish the install',
      )
    return { values: { claimId }, log: `Claim ${claimId} for receivable ${receivableId}` }
  },
})
