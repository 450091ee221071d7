// A sandbox portal with the Receivables smart process set up like the install would (stages by
// our codes, fields by our keys) and the InstallState read back from the portal itself.
import { startSandbox, type Sandbox } from '../../../sandbox/index.ts'
import type { InstallState, InstalledField } from '../../../server/bitrix24/install-state.ts'
import { receivablesProcess } from '../../../install/processes/receivables.ts'
import { SandboxHttpClient } from './sandbox-http-client.ts'

const UF_TYPE: Record<string, string> = { string: 'string', date: 'date', money: 'money', integer: 'integer', boolean: 'boolean', file: 'file', enumeration: 'enumeration' }

export interface SandboxWorld { sb: Sandbox; portalId: number; memberId: string; client: SandboxHttpClient; installState: InstallState; entityTypeId: number; companyId: number; managerId: number }

export async function startReceivablesSandbox(): Promise<SandboxWorld> {
  const sb = await startSandbox()
  const portal = await sb.admin.createPortal({ title: 'Receivables', timezone: 'Europe/Moscow' })
  sb.admin.setLimits(portal.id, { burst: 100_000, drain: 100_000 })
  const call = async <T = any>(method: string, params: Record<string, unknown>) => (await sb.admin.call<T>(portal.id, method, params, { events: false })).result
  const { type } = await call('crm.type.add', { fields: { title: 'Receivables', isCategoriesEnabled: 'Y', isStagesEnabled: 'Y', isClientEnabled: 'Y', isUseInUserfieldEnabled: 'Y' } })
  const { categories } = await call('crm.category.list', { entityTypeId: type.entityTypeId })
  const categoryId = Number(categories[0].id)
  const stageEntity = `DYNAMIC_${type.entityTypeId}_STAGE_${categoryId}`
  const stages: Record<string, string> = {}
  for (const [i, s] of receivablesProcess.pipelines[0].stages.entries()) {
    if (!['NEW', 'SUCCESS', 'FAIL'].includes(s.code)) await call('crm.status.add', { fields: { ENTITY_ID: stageEntity, STATUS_ID: s.code, NAME: s.name.en, SORT: 10 + i * 10 } })
    stages[s.code] = `DT${type.entityTypeId}_${categoryId}:${s.code}`
  }
  for (const f of receivablesProcess.fields.filter((x) => UF_TYPE[x.type])) {
    await call('userfieldconfig.add', { moduleId: 'crm', field: { entityId: `CRM_${type.id}`, fieldName: `UF_CRM_${type.id}_RC_${f.suffix}`, userTypeId: UF_TYPE[f.type], editFormLabel: { en: f.label.en },
      ...(f.options ? { enum: f.options.map((o) => ({ value: o.label.en, xmlId: o.xmlId })) } : {}) } })
  }
  const { fields } = await call('crm.item.fields', { entityTypeId: type.entityTypeId })
  const byUpper = new Map(Object.entries(fields as Record<string, { upperName: string }>).map(([rest, d]) => [d.upperName, rest]))
  const installed: Record<string, InstalledField> = {}
  for (const f of receivablesProcess.fields) {
    const upperName = `UF_CRM_${type.id}_RC_${f.suffix}`
    const restName = byUpper.get(upperName)
    if (restName) installed[f.key] = { upperName, restName, id: 0 }
  }
  const managerId = sb.admin.addUser(portal.id, { name: 'Мария', lastName: 'Менеджер', email: 'maria@portal.test' }).id
  const companyId = sb.admin.seedCompany(portal.id, { TITLE: 'ООО Ромашка', EMAIL: [{ VALUE: 'buh@romashka.test', VALUE_TYPE: 'WORK' }] })
  const hook = sb.admin.addWebhook(portal.id, 1)
  const info = sb.admin.info(portal.id)
  return {
    sb, portalId: portal.id, memberId: info.memberId, client: new SandboxHttpClient(info.memberId, hook.url), entityTypeId: type.entityTypeId, companyId, managerId,
    installState: {
      appVersion: '1', baseUrl: 'http://app.test', eventHandlers: [], robots: [], placements: [], finishedAt: null,
      processes: { receivables: { typeId: type.id, entityTypeId: type.entityTypeId, pipelines: { main: { categoryId, stages } }, fields: installed } },
    },
  }
}
