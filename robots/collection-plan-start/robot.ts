// Starts (or restarts) the reminder ladder of the current receivable with a chosen risk segment:
// clears a pause, a "do not dun" mark and a stale promise, then returns the first step's date.
import { defineRobot } from '../kit/define-robot.ts'
import { currentReceivableId } from '../kit/current-item.ts'
import { planDunning, RISK_SEGMENTS, type RiskSegment } from '../../server/domain/dunning/index.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { openReceivable } from '../../server/use-cases/dunning/dunning-actions.ts'
import { dunningInput } from '../../server/use-cases/dunning/dunning-input.ts'
import { loadDunningRules } from '../../server/use-cases/dunning/dunning-settings.ts'
import { portalDay } from '../../server/use-cases/receivables/receivable-calendar.ts'

const SEGMENT_LABELS: Record<RiskSegment, { ru: string; en: string }> = {
  low: { ru: 'Низкий риск', en: 'Low risk' },
  normal: { ru: 'Обычный', en: 'Normal' },
  high: { ru: 'Высокий риск', en: 'High risk' },
}

export default defineRobot({
  code: 'collection-plan-start',
  name: { ru: 'Запустить план взыскания', en: 'Start the collection plan' },
  description: {
    ru: 'Запускает или перезапускает лестницу напоминаний по текущей дебиторке с выбранным сегментом риска; возвращает дату первого шага',
    en: 'Starts or restarts the reminder ladder of the current receivable with the chosen risk segment; returns the first step date',
  },
  documents: ['receivables'],
  properties: {
    segment: {
      name: { ru: 'Сегмент риска', en: 'Risk segment' },
      type: 'select',
      required: true,
      default: 'normal',
      options: SEGMENT_LABELS,
    },
  },
  returnProperties: {
    firstStepDate: { name: { ru: 'Дата первого шага', en: 'First step date' }, type: 'date' },
    firstStep: { name: { ru: 'Первый шаг', en: 'First step' }, type: 'string' },
  },
  async run(input) {
    const segment = String(input.properties.segment) as RiskSegment
    if (!RISK_SEGMENTS.includes(segment)) throw new Error(`unknown segment ${segment}`)
    const receivableId = await currentReceivableId(input)
    const ports = dunningPorts(input.ctx)
    await openReceivable(ports, input.memberId, receivableId)
    await ports.repo.patchState(input.memberId, receivableId, {
      risk_segment: segment,
      do_not_dun: false,
      paused_until: null,
      pause_reason: null,
      promised_date: null,
      promised_amount: null,
      promise_recorded_on: null,
      remaining_at_promise: null,
    })
    await ports.audit.record({
      memberId: input.memberId,
      actor: `robot:${input.workflowId}`,
      source: 'robot',
      action: 'dunning.plan-started',
      entity: 'receivable',
      entityId: String(receivableId),
      details: { segment },
    })
    const row = await openReceivable(ports, input.memberId, receivableId)
    const logs = await ports.repo.log(input.memberId, [receivableId])
    const { calendar, today } = await portalDay(ports, input.memberId)
    const plan = planDunning(
      dunningInput(row, logs, row.remaining),
      await loadDunningRules(ports, input.memberId),
      calendar,
      today,
    )
    const next = plan.reminders.find((r) => r.date && ['due', 'waiting', 'missed'].includes(r.status))
    return {
      values: { firstStepDate: next?.date ?? '', firstStep: next?.stepId ?? '' },
      log: next
        ? `Ladder ${plan.ladderId} (${segment}): next step ${next.stepId} on ${next.date}`
        : `Ladder ${plan.ladderId} (${segment}): no step left`,
    }
  },
})
