// Field schema of smart-process items: standard fields + the type's user fields (reference 6).
import { ufCamel } from './uf-naming.ts'
import { list, obj } from './common.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

export type FieldType = 'integer' | 'string' | 'user' | 'datetime' | 'date' | 'double' | 'boolean' | 'crm_category' | 'crm_status'
  | 'crm_company' | 'crm_contact' | 'crm_currency' | 'crm_entity' | 'location' | 'text' | 'enumeration' | 'employee' | 'crm' | 'money'
  | 'url' | 'file' | 'address' | 'iblock_element' | 'iblock_section' | string

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
  ['id', 'ID', 'integer', 'ID', 'ro'], ['xmlId', 'XML_ID', 'string', 'External ID'], ['title', 'TITLE', 'string', 'Name'],
  ['createdBy', 'CREATED_BY', 'user', 'Created by', 'ro'], ['updatedBy', 'UPDATED_BY', 'user', 'Updated by', 'ro'],
  ['movedBy', 'MOVED_BY', 'user', 'Moved by', 'ro'], ['createdTime', 'CREATED_TIME', 'datetime', 'Created on', 'ro'],
  ['updatedTime', 'UPDATED_TIME', 'datetime', 'Updated on', 'ro'], ['movedTime', 'MOVED_TIME', 'datetime', 'Moved on', 'ro'],
  ['categoryId', 'CATEGORY_ID', 'crm_category', 'Pipeline'], ['opened', 'OPENED', 'boolean', 'Available to everyone'],
  ['stageId', 'STAGE_ID', 'crm_status', 'Stage'], ['previousStageId', 'PREVIOUS_STAGE_ID', 'crm_status', 'Previous stage', 'ro'],
  ['begindate', 'BEGINDATE', 'date', 'Start date'], ['closedate', 'CLOSEDATE', 'date', 'End date'],
  ['companyId', 'COMPANY_ID', 'crm_company', 'Company'], ['contactId', 'CONTACT_ID', 'crm_contact', 'Contact'],
  ['opportunity', 'OPPORTUNITY', 'double', 'Amount'], ['isManualOpportunity', 'IS_MANUAL_OPPORTUNITY', 'boolean', 'Manual amount'],
  ['taxValue', 'TAX_VALUE', 'double', 'Tax'], ['currencyId', 'CURRENCY_ID', 'crm_currency', 'Currency'],
  ['mycompanyId', 'MYCOMPANY_ID', 'crm_company', 'Your company details'], ['sourceId', 'SOURCE_ID', 'crm_status', 'Source'],
  ['sourceDescription', 'SOURCE_DESCRIPTION', 'text', 'Source information'], ['webformId', 'WEBFORM_ID', 'integer', 'Created by CRM form', 'ro'],
  ['assignedById', 'ASSIGNED_BY_ID', 'user', 'Responsible person'], ['lastActivityBy', 'LAST_ACTIVITY_BY', 'user', 'Last activity by', 'ro'],
  ['lastActivityTime', 'LAST_ACTIVITY_TIME', 'datetime', 'Last activity', 'ro'], ['entityTypeId', 'ENTITY_TYPE_ID', 'integer', 'Entity type', 'ro'],
  ['contactIds', 'CONTACT_IDS', 'crm_contact', 'Contacts', 'multi'], ['observers', 'OBSERVERS', 'user', 'Observers', 'multi'],
]

export function itemSchema(ps: PortalState, type: Rec): FieldDef[] {
  const defs: FieldDef[] = STD.map(([camel, upper, t, title, flags]) => ({
    key: camel, camel, upper, type: t, title, readOnly: flags === 'ro', immutable: camel === 'id', multiple: flags === 'multi',
    required: false, dynamic: false,
  }))
  for (const rel of list(obj(type.relations).parent)) {
    const etid = Number(obj(rel).entityTypeId)
    if (etid === 3 || etid === 4) continue
    defs.push({ key: `parentId${etid}`, camel: `parentId${etid}`, upper: `PARENT_ID_${etid}`, type: 'crm_entity', title: `Parent ${etid}`, readOnly: false, immutable: false, multiple: false, required: false, dynamic: false })
  }
  for (const uf of ps.userfields.filter((u) => u.entityId === `CRM_${type.id}`).sort((a, b) => Number(a.sort) - Number(b.sort) || a.id - b.id)) {
    const upper = String(uf.fieldName)
    const label = obj(uf.editFormLabel)
    defs.push({
      key: upper, camel: ufCamel(upper), upper, type: String(uf.userTypeId), title: String(label[ps.portal.lang] ?? label.en ?? upper),
      readOnly: false, immutable: uf.multiple === 'Y' ? false : false, multiple: uf.multiple === 'Y', required: uf.mandatory === 'Y', dynamic: true, uf,
    })
  }
  return defs
}

export type SchemaIndex = { defs: FieldDef[]; byName: Map<string, FieldDef> }

export function indexSchema(defs: FieldDef[]): SchemaIndex {
  const byName = new Map<string, FieldDef>()
  for (const d of defs) {
    byName.set(d.camel, d)
    byName.set(d.upper, d)
    byName.set(d.camel.toLowerCase(), d)
  }
  return { defs, byName }
}

export function resolveField(idx: SchemaIndex, name: string): FieldDef | undefined {
  return idx.byName.get(name) ?? idx.byName.get(name.toLowerCase())
}
