// Typed callers by area over PortalClient: method names, parameter shapes and result unwrapping in
// one place. Writes that must not repeat are marked non-idempotent (no automatic network retry).
export { items, type CrmItem } from './items.ts'
export { stages, stageEntityId, type Category, type Stage } from './stages.ts'
export { fields, type ItemFieldInfo, type UserFieldConfig } from './fields.ts'
export { tasks, TASK_DONE, type Task, type TaskFields } from './tasks.ts'
export { timeline, timelineTarget, type TimelineComment, type TimelineTarget } from './timeline.ts'
export { activities, OWNER_TYPE, type Activity } from './activities.ts'
export { bizproc } from './bizproc.ts'
export { im } from './im.ts'
export { users, fullName, type PortalUser, type PortalDepartment } from './users.ts'
export { openLines } from './openlines.ts'
export { telephony } from './telephony.ts'
