// When a portal task counts as done, decided per flow. Bitrix24 statuses (api-reference/tasks/fields.md):
// 2 pending, 3 in progress, 4 awaiting control, 5 completed, 6 deferred. With "task control" on, a task the
// performer completes stops at 4 until its creator approves it (tasks.task.approve) or returns it
// (tasks.task.disapprove → back to work).
//
// - 'tranche' (the accountant's "pay out the tranche" task): 4 counts. Completing it is the accountant's
//   statement that the money went out, and the claim's totals follow the money; the creator is the app's
//   installer, who takes no part in the payout. A returned task (disapprove) reverts the tranche to Planned.
// - 'approval' (the accountant's tasks of a payment request): only 5 counts. Task control is the portal's own
//   four-eyes check on a payment, so the request is not Paid while the creator may still return the task.
// - 'dunning' (escalation tasks shown in the plan): 4 counts, the performer has done the step.
export type TaskFlow = 'tranche' | 'approval' | 'dunning'

export const TASK_AWAITING_CONTROL = 4
export const TASK_COMPLETED = 5

export function taskCountsDone(flow: TaskFlow, status: number | string | null | undefined): boolean {
  const s = Number(status)
  if (s === TASK_COMPLETED) return true
  return s === TASK_AWAITING_CONTROL && flow !== 'approval'
}
