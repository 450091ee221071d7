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
import { openLineMethods } from './openlines.ts'
import { telephonyMethods } from './telephony.ts'
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
  ...openLineMethods,
  ...telephonyMethods,
  ...eventMethods,
  ...placementMethods,
  ...bizprocMethods,
  ...crmEnumMethods,
}

// method.get (api-reference/common/system/method-get.md): whether a method exists on the portal and whether the
// caller may call it (its scope granted); an empty name answers false/false.
registry['method.get'] = {
  scope: null,
  handler: (ctx, p) => {
    const def = registry[String(p.name ?? '').toLowerCase()]
    const granted = !!def && (def.scope === null || ctx.scopes === null || ctx.scopes.has(def.scope))
    return { result: { isExisting: !!def, isAvailable: granted } }
  },
}
