// The default routes (seed 004) as data. Settings may override the SLA ladders and the CFO rule;
// the steps and stages are the same machinery for payment requests and contracts.
import type { PipelineKey, RouteDefinition, SlaPolicy, StepCondition } from './types.ts'

export const HEAD_SLA: SlaPolicy = {
  checkEveryHours: 4,
  remindAfter: { days: 2, hours: 0 },
  escalateAfter: { days: 2, hours: 1 },
  untilTaken: true,
}
export const REVIEW_SLA: SlaPolicy = {
  checkEveryHours: null,
  remindAfter: null,
  escalateAfter: { days: 2, hours: 0 },
  untilTaken: false,
}
export const NO_SLA: SlaPolicy = { checkEveryHours: null, remindAfter: null, escalateAfter: null, untilTaken: false }

export interface RouteSettings {
  /** SLA ladders by step id ('head', 'finance', 'cfo', 'legal', 'signing'). */
  sla?: Record<string, SlaPolicy>
  /** When the CFO approves too (absent: never). */
  cfoRule?: StepCondition | null
}

export function defaultRoute(pipeline: PipelineKey, settings: RouteSettings = {}): RouteDefinition {
  const sla = (id: string, fallback: SlaPolicy) => settings.sla?.[id] ?? fallback
  if (pipeline === 'contracts') {
    return {
      pipeline,
      pauseStages: [],
      doneStage: 'SUCCESS',
      rejectedStage: 'FAIL',
      steps: [
        { id: 'legal', stage: 'LEGAL_REVIEW', role: 'lawyer', kind: 'approval', sla: sla('legal', REVIEW_SLA) },
        { id: 'head', stage: 'HEAD_APPROVAL', role: 'department-head', kind: 'approval', sla: sla('head', HEAD_SLA) },
        { id: 'signing', stage: 'SIGNING', role: 'signatory', kind: 'approval', sla: sla('signing', REVIEW_SLA) },
      ],
    }
  }
  const cfo = settings.cfoRule
  return {
    pipeline,
    pauseStages: ['FROZEN', 'DOCS_REQUEST'],
    doneStage: 'SUCCESS',
    rejectedStage: 'FAIL',
    steps: [
      { id: 'head', stage: 'HEAD_APPROVAL', role: 'department-head', kind: 'approval', sla: sla('head', HEAD_SLA) },
      ...(cfo
        ? [
            {
              id: 'cfo',
              stage: 'HEAD_APPROVAL',
              role: 'cfo' as const,
              kind: 'approval' as const,
              sla: sla('cfo', REVIEW_SLA),
              when: cfo,
            },
          ]
        : []),
      {
        id: 'finance',
        stage: 'FINANCE_REVIEW',
        role: 'finance-manager',
        kind: 'approval',
        sla: sla('finance', REVIEW_SLA),
      },
      { id: 'accounting', stage: 'ACCOUNTING', role: 'chief-accountant', kind: 'accounting', sla: NO_SLA },
    ],
  }
}

export function conditionHolds(c: StepCondition | undefined, amount: number | null, costItem: string | null): boolean {
  if (!c) return true
  const byAmount = c.minAmount !== undefined && amount !== null && amount >= c.minAmount
  const byItem = !!c.costItems?.length && costItem !== null && c.costItems.includes(costItem)
  return byAmount || byItem
}
