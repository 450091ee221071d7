// What the install reconciler created in one portal: the per-portal ids our code needs.
// Written by install/ (reconciler), read by use-cases through the install-state repository.
import type { ProcessKey } from '../../install/manifest-types.ts'

export interface InstalledField {
  /** UF_CRM_<typeId>_RC_<suffix> */
  upperName: string
  /** The camelCase name crm.item.* uses (ufCrm<typeId>Rc...) */
  restName: string
  /** userfieldconfig id */
  id: number
  /** enumeration options: our xmlId -> the portal's option id */
  options?: Record<string, number>
}

export interface InstalledPipeline {
  categoryId: number
  /** our stage code -> STATUS_ID (DT<entityTypeId>_<categoryId>:<CODE>) */
  stages: Record<string, string>
}

export interface InstalledProcess {
  /** crm.type id (UF object CRM_<id>) */
  typeId: number
  entityTypeId: number
  pipelines: Record<string, InstalledPipeline>
  /** our field key -> installed field */
  fields: Record<string, InstalledField>
}

export interface InstallState {
  appVersion: string
  baseUrl: string
  processes: Partial<Record<ProcessKey, InstalledProcess>>
  /** Our fields on the company card (entity CRM_COMPANY, UF_CRM_RC_<suffix>): our key -> installed field. */
  companyFields?: Record<string, InstalledField>
  eventHandlers: string[]
  robots: string[]
  placements: string[]
  finishedAt: string | null
}
