// Our three smart-process types: created with task binding (isUseInUserfieldEnabled +
// linkedUserFields), found again by the recorded id or our code, titles kept in the portal language.
import type { SmartProcessSpec } from '../manifest-types.ts'
import { operate, yn, type ReconcileCtx } from '../reconcile-context.ts'

type TypeRow = {
  id: number
  entityTypeId: number
  title: string
  code?: string
  isUseInUserfieldEnabled?: string
  linkedUserFields?: Record<string, string>
}

export const FLAGS = {
  isCategoriesEnabled: 'Y',
  isStagesEnabled: 'Y',
  isClientEnabled: 'Y',
  isUseInUserfieldEnabled: 'Y',
  isAutomationEnabled: 'Y',
  isBizProcEnabled: 'Y',
  isDocumentsEnabled: 'Y',
  isMycompanyEnabled: 'Y',
  isObserversEnabled: 'Y',
  isRecyclebinEnabled: 'Y',
}
const LINKS = { 'TASKS_TASK|UF_CRM_TASK': 'true', 'CALENDAR_EVENT|UF_CRM_CAL_EVENT': 'true' }

export async function reconcileSmartProcesses(rc: ReconcileCtx, specs: SmartProcessSpec[]): Promise<void> {
  const list = await rc.client.call<{ types: TypeRow[] }>('crm.type.list', {})
  for (const spec of specs) {
    const known = rc.state.processes[spec.key]
    const row = list.types.find((t) => (known && Number(t.id) === known.typeId) || t.code === spec.code)
    const title = spec.title[rc.lang]
    if (!row) {
      const created = await operate(
        rc,
        { kind: 'smart-process', action: 'create', target: spec.key, detail: title },
        () =>
          rc.client.call<{ type: TypeRow }>(
            'crm.type.add',
            { fields: { title, code: spec.code, ...FLAGS, linkedUserFields: LINKS } },
            { idempotent: false },
          ),
      )
      if (created)
        rc.state.processes[spec.key] = {
          typeId: Number(created.type.id),
          entityTypeId: Number(created.type.entityTypeId),
          pipelines: {},
          fields: {},
        }
      continue
    }
    rc.state.processes[spec.key] = {
      typeId: Number(row.id),
      entityTypeId: Number(row.entityTypeId),
      pipelines: known?.pipelines ?? {},
      fields: known?.fields ?? {},
    }
    const linked = yn(row.linkedUserFields?.['TASKS_TASK|UF_CRM_TASK'])
    if (row.title !== title || !yn(row.isUseInUserfieldEnabled) || !linked) {
      await operate(
        rc,
        { kind: 'smart-process', action: 'update', target: spec.key, detail: `${row.title} -> ${title}` },
        () =>
          rc.client.call('crm.type.update', {
            id: row.id,
            fields: { title, isUseInUserfieldEnabled: 'Y', linkedUserFields: LINKS },
          }),
      )
    }
  }
}
