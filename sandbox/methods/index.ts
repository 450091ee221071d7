// The one registry of REST methods the sandbox answers. Names are lower case.
import { userMethods } from './users.ts'
import { batchMethods } from './batch.ts'
import { crmTypeMethods } from './crm-types.ts'
import { crmStageMethods } from './crm-stages.ts'
import { userfieldMethods } from './userfields.ts'
import { crmItemMethods } from './crm-items.ts'
import { crmPartyMethods } from './crm-parties.ts'
import { timelineMethods } from './timeline.ts'
import { taskMethods } from './tasks.ts'
import { imMethods } from './im.ts'
import { eventMethods } from './events.ts'
import { placementMethods } from './placements.ts'
import { bizprocMethods } from './bizproc.ts'
import { crmEnumMethods } from './crm-enums.ts'
import type { MethodTable } from '../rest/registry-types.ts'

export const registry: MethodTable = {
  ...userMethods,
  ...batchMethods,
  ...crmTypeMethods,
  ...crmStageMethods,
  ...userfieldMethods,
  ...crmItemMethods,
  ...crmPartyMethods,
  ...timelineMethods,
  ...taskMethods,
  ...imMethods,
  ...eventMethods,
  ...placementMethods,
  ...bizprocMethods,
  ...crmEnumMethods,
}
