// Custom fields of our types (userfieldconfig.*): UF_CRM_<typeId>_RC_<suffix>, and of the company card
// (entityId CRM_COMPANY, UF_CRM_RC_<suffix>); labels in ru/en, enumeration options by xmlId; only
// fields with our RC_ prefix are ever touched.
import type { FieldSpec, SmartProcessSpec } from '../manifest-types.ts'
import { ufFieldName, ufRestName } from '../manifest.ts'
import { operate, type ReconcileCtx } from '../reconcile-context.ts'
import { COMPANY_UF_ENTITY, companyFieldName, companyFields } from '../company-fields.ts'
import type { InstalledField } from '../../server/domain/install-state.ts'

type UfRow = {
  id: string | number
  fieldName: string
  editFormLabel?: Record<string, string> | string
  enum?: { id: string | number; xmlId: string }[]
}

function settingsOf(rc: ReconcileCtx, f: FieldSpec): Record<string, unknown> {
  if (f.type !== 'crm') return f.type === 'double' ? { PRECISION: 2 } : {}
  const s: Record<string, string> = {}
  for (const link of f.crmLinks ?? []) {
    const proc = rc.state.processes[link as 'receivables']
    if (proc) s[`DYNAMIC_${proc.entityTypeId}`] = 'Y'
    else if (/^[A-Z]+$/.test(link)) s[link] = 'Y'
  }
  return s
}

export async function reconcileFields(rc: ReconcileCtx, spec: SmartProcessSpec): Promise<void> {
  const proc = rc.state.processes[spec.key]
  if (!proc) {
    for (const f of spec.fields) rc.ops.push({ kind: 'field', action: 'create', target: `${spec.key}.${f.key}` })
    return
  }
  await reconcileFieldSet(rc, {
    entityId: `CRM_${proc.typeId}`,
    target: spec.key,
    specs: spec.fields,
    names: (f) => ({ upperName: ufFieldName(proc.typeId, f.suffix), restName: ufRestName(proc.typeId, f.suffix) }),
    into: proc.fields,
  })
}

/** Our fields on the company card (UF_CRM_RC_<suffix>; crm.company.* takes the UPPER name). */
export async function reconcileCompanyFields(rc: ReconcileCtx): Promise<void> {
  rc.state.companyFields ??= {}
  await reconcileFieldSet(rc, {
    entityId: COMPANY_UF_ENTITY,
    target: 'company',
    specs: companyFields,
    names: (f) => ({ upperName: companyFieldName(f.suffix), restName: companyFieldName(f.suffix) }),
    into: rc.state.companyFields,
  })
}

interface FieldSet {
  entityId: string
  target: string
  specs: FieldSpec[]
  names: (f: FieldSpec) => { upperName: string; restName: string }
  into: Record<string, InstalledField>
}

async function reconcileFieldSet(rc: ReconcileCtx, set: FieldSet): Promise<void> {
  const { entityId } = set
  const { fields: have } = await rc.client.call<{ fields: UfRow[] }>('userfieldconfig.list', {
    moduleId: 'crm',
    filter: { entityId },
  })
  for (const f of set.specs) {
    const { upperName: fieldName, restName } = set.names(f)
    const row = have.find((h) => h.fieldName === fieldName)
    const label = { ru: f.label.ru, en: f.label.en }
    let result: UfRow | undefined = row
    if (!row) {
      const created = await operate(
        rc,
        { kind: 'field', action: 'create', target: `${set.target}.${f.key}`, detail: fieldName },
        () =>
          rc.client.call<{ field: UfRow }>(
            'userfieldconfig.add',
            {
              moduleId: 'crm',
              field: {
                entityId,
                fieldName,
                userTypeId: f.type,
                multiple: f.multiple ? 'Y' : 'N',
                mandatory: 'N',
                showFilter: 'Y',
                editInList: 'Y',
                editFormLabel: label,
                settings: settingsOf(rc, f),
                ...(f.options
                  ? {
                      enum: f.options.map((o, i) => ({
                        value: o.label[rc.lang],
                        xmlId: o.xmlId,
                        sort: (i + 1) * 100,
                        def: 'N',
                      })),
                    }
                  : {}),
              },
            },
            { idempotent: false },
          ),
      )
      result = created?.field
    } else {
      const cur =
        typeof row.editFormLabel === 'object'
          ? row.editFormLabel
          : { ru: String(row.editFormLabel ?? ''), en: String(row.editFormLabel ?? '') }
      const missingOptions = (f.options ?? []).filter((o) => !(row.enum ?? []).some((e) => e.xmlId === o.xmlId))
      if (cur.ru !== label.ru || cur.en !== label.en || missingOptions.length) {
        const updated = await operate(
          rc,
          {
            kind: 'field',
            action: 'update',
            target: `${set.target}.${f.key}`,
            detail: missingOptions.length ? 'options' : 'label',
          },
          () =>
            rc.client.call<{ field: UfRow }>('userfieldconfig.update', {
              moduleId: 'crm',
              id: row.id,
              field: {
                editFormLabel: label,
                // the portal applies `enum` only with userTypeId 'enumeration' (userfieldconfig-update.md)
                ...(missingOptions.length
                  ? {
                      userTypeId: 'enumeration',
                      enum: missingOptions.map((o) => ({ value: o.label[rc.lang], xmlId: o.xmlId, def: 'N' })),
                    }
                  : {}),
              },
            }),
        )
        if (updated?.field) result = updated.field
      }
    }
    if (!result) continue
    set.into[f.key] = {
      upperName: fieldName,
      restName,
      id: Number(result.id),
      ...(f.options ? { options: Object.fromEntries((result.enum ?? []).map((e) => [e.xmlId, Number(e.id)])) } : {}),
    }
  }
}
