// Public API of the dunning domain: ladders, rule selection, the planner, templates, validation.
export * from './types.ts'
export { DunningError } from './dunning-error.ts'
export type { DunningErrorCode } from './dunning-error.ts'
export { applyDayOffRule, offsetDate } from './step-date.ts'
export { isWithinSendWindow, sendWindowOn, windowMinutes } from './send-window.ts'
export { DEFAULT_LADDER, SOFT_LADDER, defaultDunningRules, escalationTimers } from './default-rules.ts'
export { DEFAULT_TEMPLATES } from './default-templates.ts'
export { selectRule } from './select-rule.ts'
export type { AppliedRule } from './select-rule.ts'
export { daysOverdueOf, escalationKey, planDunning, promiseStatus, reminderKey } from './plan-dunning.ts'
export type {
  Block,
  DunningPlan,
  PlannedEscalation,
  PlannedReminder,
  PromiseStatus,
  StepStatus,
  StepWhen,
} from './plan-dunning.ts'
export {
  TEMPLATE_VARIABLES,
  formatDay,
  invoiceVariables,
  renderTemplate,
  renderText,
  unknownVariables,
} from './render-template.ts'
export type { InvoiceFacts, PartyFacts, TemplateVariable, TemplateVars } from './render-template.ts'
export { composeReminder, groupByCounterparty, templateFor } from './compose-reminder.ts'
export type { DueReminderEntry } from './compose-reminder.ts'
export { validateDunningRules } from './validate-rules.ts'
export { planTaskSteps, taskStepDate, taskStepKey } from './plan-task-steps.ts'
export type { PlannedTaskStep, TaskStepStatus } from './plan-task-steps.ts'
export { canonicalTaskTitle, taskTitleIn, withTaskTitles } from './task-titles.ts'
export { callTaskText, channelSkipNote, channelWord } from './channel-texts.ts'
export type { CallInvoice, ChannelSkip } from './channel-texts.ts'
export { callbackFallbackNote, callbackSpeech } from './callback-texts.ts'
export type { CallbackFallback } from './callback-texts.ts'
export { validateReviewSettings } from './review-settings.ts'
export type { ReviewSettings } from './review-settings.ts'
