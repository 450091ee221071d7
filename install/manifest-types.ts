// Types of the declarative manifest: the portal state the app wants, built from data.
export interface Label {
  ru: string
  en: string
}

export type StageSemantics = 'P' | 'S' | 'F' // in progress | success | failure

export interface StageSpec {
  /** Our stable stage code; the portal id is DT<entityTypeId>_<categoryId>:<code>. */
  code: string
  name: Label
  color: string
  semantics: StageSemantics
}

export interface PipelineSpec {
  key: string
  name: Label
  isDefault: boolean
  stages: StageSpec[]
}

export type FieldType =
  | 'string'
  | 'integer'
  | 'double'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enumeration'
  | 'employee'
  | 'crm'
  | 'file'
  | 'money'
  | 'url'

export interface FieldSpec {
  /** Our key (camelCase) used by the code; never renamed. */
  key: string
  /** UF name suffix, letters and underscores only: UF_CRM_<typeId>_RC_<suffix>. */
  suffix: string
  type: FieldType
  label: Label
  multiple?: boolean
  /** Options of an enumeration field, identified by xmlId. */
  options?: { xmlId: string; label: Label }[]
  /** For type 'crm': which entities the field may link (own processes by key, or LEAD/DEAL/CONTACT/COMPANY). */
  crmLinks?: string[]
}

export type ProcessKey = 'receivables' | 'claims' | 'approvals'

export interface SmartProcessSpec {
  key: ProcessKey
  title: Label
  /** Our ownership marker, stored in the type's code. */
  code: string
  pipelines: PipelineSpec[]
  fields: FieldSpec[]
}

export interface EventSpec {
  event: string
  handlerPath: string
}
