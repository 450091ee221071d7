// Which stage the money implies. The automation moves a stage only on a money change or when the
// due date passes; a person's manual move is otherwise respected (negotiations and write-offs
// are never overridden by the clock).
export const STAGE_CODES = [
  'NEW',
  'SENT',
  'AWAITING',
  'CHECK',
  'REMINDER',
  'PARTIAL',
  'OVERDUE',
  'NEGOTIATION',
  'SUCCESS',
  'FAIL',
] as const
export type StageCode = (typeof STAGE_CODES)[number]

export function isStageCode(v: unknown): v is StageCode {
  return typeof v === 'string' && (STAGE_CODES as readonly string[]).includes(v)
}

export type StageTrigger = 'money' | 'due-passed'

export interface StageInput {
  current: StageCode
  /** The current stage was set by a person (or a business process), not by us. */
  manual: boolean
  paid: number
  remaining: number
  /** today > effective due date (art. 193) in the portal's time zone. */
  overdue: boolean
  trigger: StageTrigger
}

export interface StageDecision {
  stage: StageCode
  reason: string
}

const WAITING: ReadonlySet<StageCode> = new Set(['NEW', 'SENT', 'AWAITING', 'CHECK', 'REMINDER', 'PARTIAL'])

/** The new stage, or null when the stage stays as it is. */
export function decideStage(s: StageInput): StageDecision | null {
  if (s.current === 'FAIL') return null
  const to = s.trigger === 'money' ? onMoney(s) : onDuePassed(s)
  return to && to.stage !== s.current ? to : null
}

function onMoney(s: StageInput): StageDecision | null {
  if (s.remaining === 0) return { stage: 'SUCCESS', reason: 'paid in full' }
  if (s.current === 'NEGOTIATION' && s.manual) return null
  if (s.paid > 0) {
    return s.overdue
      ? { stage: 'OVERDUE', reason: 'partly paid, the rest is overdue' }
      : { stage: 'PARTIAL', reason: 'partly paid' }
  }
  // nothing paid any more (a reversal): leave the paid stages
  if (s.current === 'SUCCESS' || s.current === 'PARTIAL') {
    return s.overdue
      ? { stage: 'OVERDUE', reason: 'payment reversed, overdue' }
      : { stage: 'AWAITING', reason: 'payment reversed' }
  }
  if (s.current === 'OVERDUE' && !s.overdue) return { stage: 'AWAITING', reason: 'no longer overdue' }
  return null
}

function onDuePassed(s: StageInput): StageDecision | null {
  if (!s.overdue || s.remaining === 0) return null
  return WAITING.has(s.current) ? { stage: 'OVERDUE', reason: 'due date passed with a balance' } : null
}
