// The stage a card should stand in for a route's state: the active step's stage while it runs, Paid or
// Rejected at the end, and none while paused (a person put it in Frozen / Documents request).
import { currentStepIndex } from './engine.ts'
import { defaultRoute } from './routes.ts'
import type { ApprovalState, PipelineKey } from './types.ts'

export function expectedStage(s: ApprovalState, pipeline: PipelineKey): string | null {
  const route = defaultRoute(pipeline)
  if (s.status === 'rejected') return route.rejectedStage
  if (s.status === 'done') return route.doneStage
  if (s.paused) return null
  const i = currentStepIndex(s)
  return i < 0 ? null : s.steps[i].stage
}
