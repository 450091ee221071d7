// The rules a portal starts with: 5 working days before due, on the due day, then 1, 3 and 10 days
// after, then every 7 days; escalation at 3, 10 and 30 days overdue (high risk: 1, 5, 15).
import type { DunningRules, EscalationStep, Ladder, LadderStep } from './types.ts'
import { DEFAULT_TEMPLATES } from './default-templates.ts'

const step = (
  id: string,
  anchor: LadderStep['anchor'],
  offset: number,
  template: string,
  channels: LadderStep['channels'] = ['email', 'telegram'],
): LadderStep => ({ id, anchor, offset, unit: 'working', dayOff: 'next', channels, template })

export const DEFAULT_LADDER: Ladder = {
  id: 'standard',
  steps: [
    step('before-5', 'due', -5, 'before-due'),
    step('due-day', 'due', 0, 'due-day'),
    step('after-1', 'due', 1, 'overdue'),
    step('after-3', 'due', 3, 'overdue'),
    step('after-10', 'due', 10, 'overdue-final'),
  ],
  tail: { everyDays: 7, unit: 'working', maxRepeats: 8, channels: ['email'], template: 'overdue' },
  window: { from: '10:00', to: '17:00' },
}

export const SOFT_LADDER: Ladder = {
  id: 'soft',
  steps: [
    step('before-3', 'due', -3, 'before-due'),
    step('after-3', 'due', 3, 'overdue'),
    step('after-10', 'due', 10, 'overdue-final'),
  ],
  tail: { everyDays: 14, unit: 'working', maxRepeats: 4, channels: ['email'], template: 'overdue' },
  window: { from: '10:00', to: '17:00' },
}

const tasks = (...titles: string[]) => titles.map((title) => ({ title, hours: 8 }))

export function escalationTimers(days: [number, number, number]): EscalationStep[] {
  return [
    {
      id: 'esc-1',
      daysOverdue: days[0],
      moveToOverdue: true,
      tasks: tasks('Call the client', 'Find out the reason'),
      notifyHead: false,
      openClaim: false,
    },
    {
      id: 'esc-2',
      daysOverdue: days[1],
      moveToOverdue: true,
      tasks: tasks('Send a reminder', 'Call the client'),
      notifyHead: true,
      openClaim: false,
    },
    { id: 'esc-3', daysOverdue: days[2], moveToOverdue: true, tasks: [], notifyHead: true, openClaim: true },
  ]
}

export function defaultDunningRules(): DunningRules {
  return {
    // copies: a caller that edits its rules (a settings merge, a test) must never change the defaults
    ladders: structuredClone([DEFAULT_LADDER, SOFT_LADDER]),
    rules: [
      { id: 'low', riskSegment: 'low', ladder: 'soft', escalation: escalationTimers([5, 15, 45]) },
      { id: 'normal', riskSegment: 'normal', ladder: 'standard', escalation: escalationTimers([3, 10, 30]) },
      { id: 'high', riskSegment: 'high', ladder: 'standard', escalation: escalationTimers([1, 5, 15]) },
    ],
    templates: structuredClone(DEFAULT_TEMPLATES),
    headOfSalesId: null,
    lawyerId: null,
    legalNotifyIds: [],
    paymentDetails: '',
    catchUpDays: 3,
    incomingTask: true,
    callMode: 'task',
  }
}
