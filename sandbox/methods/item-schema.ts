// Field schema of smart-process items: standard fields + the type's user fields (reference 6).
import { ufCamel } from './uf-naming.ts'
import { list, obj } from './common.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

export type FieldType =
  | 'integer'
  | 'string'
  | 'user'
  | 'datetime'
  | 'date'
  | 'double'
  | 'boolean'
  | 'crm_category'
  | 'crm_status'
  | 'crm_company'
  | 'crm_contact'
  | 'crm_currency'
  | 'crm_entity'
  | 'location'
  | 'text'
  | 'enumeration'
  | 'employee'
  | 'crm'
  | 'money'
  | 'url'
  | 'file'
  | 'address'
  | 'iblock_element'
  | 'iblock_section'
  | string

export type FieldDef = {
  /** storage key: camelCase for standard fields, UPPER name for user fields */
  key: string
  camel: string
  upper: string
  type: FieldType
  title: string
  readOnly: boolean
  immutable: boolean
  multiple: boolean
  required: boolean
  dynamic: boolean
  uf?: Rec
}

type Std = [camel: string, upper: string, type: FieldType, title: string, flags?: string]

const STD: Std[] = [
  ['id', 'ID', 'integer', 'ID', 'ro'],
  ['xmlId', 'XML_ID', 'string', 'External ID'],
  ['title', 'TITLE', 'string', 'Name'],
  ['createdBy', 'CREATED_BY', 'user', 'Created by', 'ro'],
  ['updatedBy', 'UPDATED_BY', 'user', 'Updated by', 'ro'],
  ['movedBy', 'MOVED_BY', 'user', 'Moved by', 'ro'],
  ['createdTime', 'CREATED_TIME', 'datetime', 'Created on', 'ro'],
  ['updatedTime', 'UPDATED_TIME', 'datetime', 'Updated on', 'ro'],
  ['movedTime', 'MOVED_TIME', 'datetime', 'Moved on', 'ro'],
  ['categoryId', 'CATEGORY_ID', 'crm_category', 'Pipeline'],
  ['opened', 'OPENED', 'boolean', 'Available to everyone'],
  ['stageId', 'STAGE_ID', 'crm_status', 'Stage'],
  ['previousStageId', 'PREVIOUS_STAGE_ID', 'crm_status', 'Previous stage', 'ro'],
  ['begindate', 'BEGINDATE', 'date', 'Start date'],
  ['closedate', 'CLOSEDATE', 'date', 'End date'],
  ['companyId', 'COMPANY_ID', 'crm_company', 'Company'],
  ['contactId', 'CONTACT_ID', 'crm_contact', 'Contact'],
  ['opportunity', 'OPPORTUNITY', 'double', 'Amount'],
  ['isManualOpportunity', 'IS_MANUAL_OPPORTUNITY', 'boolean', 'Manual amount'],
  ['taxValue', 'TAX_VALUE', 'double', 'Tax'],
  ['currencyId', 'CURRENCY_ID', 'crm_currency', 'Currency'],
  ['mycompanyId', 'MYCOMPANY_ID', 'crm_company', 'Your company details'],
  ['sourceId', 'SOURCE_ID', 'crm_status', 'Source'],
  ['sourceDescription', 'SOURCE_DESCRIPTION', 'text', 'Source information'],
  ['webformId', 'WEBFORM_ID', 'integer', 'Created by CRM form', 'ro'],
  ['assignedById', 'ASSIGNED_BY_ID', 'user', 'Responsible person'],
  ['lastActivityBy', 'LAST_ACTIVITY_BY', 'user', 'Last activity by', 'ro'],
  ['lastActivityTime', 'LAST_ACTIVITY_TIME', 'datetime', 'Last activity', 'ro'],
  ['entityTypeId', 'ENTITY_TYPE_ID', 'integer', 'Entity type', 'ro'],
  ['contactIds', 'CONTACT_IDS', 'crm_contact', 'Contacts', 'multi'],
  ['observers', 'OBSERVERS', 'user', 'Observers', 'multi'],
]

// api-reference/crm/universal/object-fields.md (section SPA): these standard fields are "available only
// when the setting is enabled for the corresponding SPA"; crm-item-add.md: "Disabled fields always return null".
const NEEDS: Record<string, string> = {
  movedBy: 'isStagesEnabled',
  movedTime: 'isStagesEnabled',
  stageId: 'isStagesEnabled',
  previousStageId: 'isStagesEnabled',
  begindate: 'isBeginCloseDatesEnabled',
  closedate: 'isBeginCloseDatesEnabled',
  companyId: 'isClientEnabled',
  contactId: 'isClientEnabled',
  contactIds: 'isClientEnabled',
  opportunity: 'isLinkWithProductsEnabled',
  isManualOpportunity: 'isLinkWithProductsEnabled',
  taxValue: 'isLinkWithProductsEnabled',
  currencyId: 'isLinkWithProductsEnabled',
  mycompanyId: 'isMycompanyEnabled',
  sourceId: 'isSourceEnabled',
  sourceDescription: 'isSourceEnabled',
  observers: 'isObserversEnabled',
}

/** Standard fields the type's settings switch off: not stored, not in crm.item.fields, read back as null. */
export function disabledFields(type: Rec): string[] {
  return Object.keys(NEEDS).filter((camel) => type[NEEDS[camel]] !== 'Y')
}

/** Entity type ids of the types configured as parents of this one (relations of either side). */
function parentTypeIds(ps: PortalState, type: Rec): number[] {
  const etid = Number(type.entityTypeId)
  const ids = new Set<number>()
  for (const rel of list(obj(type.relations).parent)) ids.add(Number(obj(rel).entityTypeId))
  for (const other of ps.types.values())
    if (list(obj(other.relations).child).some((r) => Number(obj(r).entityTypeId) === etid))
      ids.add(Number(other.entityTypeId))
  ids.delete(3)
  ids.delete(4)
  return [...ids].sort((a, b) => a - b)
}

export function itemSchema(ps: PortalState, type: Rec): FieldDef[] {
  const off = new Set(disabledFields(type))
  const defs: FieldDef[] = STD.filter(([camel]) => !off.has(camel)).map(([camel, upper, t, title, flags]) => ({
    key: camel,
    camel,
    upper,
    type: t,
    title,
    readOnly: flags === 'ro',
    immutable: camel === 'id',
    multiple: flags === 'multi',
    required: false,
    dynamic: false,
  }))
  // object-fields.md: parentId{parentEntityTypeId} exists for each relation configured with crm.type relations
  for (const etid of parentTypeIds(ps, type)) {
    defs.push({
      key: `parentId${etid}`,
      camel: `parentId${etid}`,
      upper: `PARENT_ID_${etid}`,
      type: 'crm_entity',
      title: `Parent ${etid}`,
      readOnly: false,
      immutable: false,
      multiple: false,
      required: false,
      dynamic: false,
    })
  }
  for (const uf of ps.userfields
    .filter((u) => u.entityId === `CRM_${type.id}`)
    .sort((a, b) => Number(a.sort) - Number(b.sort) || a.id - b.id)) {
    const upper = String(uf.fieldName)
    const label = obj(uf.editFormLabel)
    defs.push({
      key: upper,
      camel: ufCamel(upper),
      upper,
      type: String(uf.userTypeId),
      title: String(label[ps.portal.lang] ?? label.en ?? upper),
      readOnly: false,
      immutable: uf.multiple === 'Y' ? false : false,
      multiple: uf.multiple === 'Y',
      required: uf.mandatory === 'Y',
      dynamic: true,
      uf,
    })
  }
  return defs
}

export type SchemaIndex = { defs: FieldDef[]; byName: Map<string, FieldDef>; off: string[] }

export function indexSchema(defs: FieldDef[], off: string[] = []): SchemaIndex {
  const byName = new Map<string, FieldDef>()
  for (const d of defs) {
    byName.set(d.camel, d)
    byName.set(d.upper, d)
    byName.set(d.camel.toLowerCase(), d)
  }
  return { defs, byName, off }
}

export function resolveField(idx: SchemaIndex, name: string): FieldDef | undefined {
  return idx.byName.get(name) ?? idx.byName.get(name.toLowerCase())
}
