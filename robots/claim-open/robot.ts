// Opens the debt-recovery claim of the current receivable (once: a second run returns the same claim).
import { defineRobot } from '../kit/define-robot.ts'
import { RobotError } from '../kit/types.ts'
import { currentReceivableId } from '../kit/current-item.ts'
import { dunningPorts } from '../../server/use-cases/dunning-ports.ts'
import { openReceivable } from '../../server/use-cases/dunning-actions.ts'
import { loadDunningRules } from '../../server/use-cases/dunning-settings.ts'
import { portalDay } from '../../server/use-cases/receivable-calendar.ts'
import { openClaim } from '../../server/use-cases/open-claim.ts'

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
    const row = await openReceivable(ports, input.memberId, receivableId)
    const [rules, day, state] = await Promise.all([loadDunningRules(ports, input.memberId), portalDay(ports, input.memberId), input.ctx.repos.installState.get(input.memberId)])
    const reason = String(input.properties.reason ?? '').trim() || (day.lang === 'ru' ? 'Открыто роботом бизнес-процесса.' : 'Opened by a business-process robot.')
    const claimId = await openClaim(ports, input.client, state, { memberId: input.memberId, row, rules, calendar: day.calendar, lang: day.lang, reason })
    if (claimId === null) throw new RobotError('robot.claims-missing', 'The Claim Work smart process is not installed in this portal; open the app to finish the install')
    return { values: { claimId }, log: `Claim ${claimId} for receivable ${receivableId}` }
  },
})
