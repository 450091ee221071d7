// A tab manifest is data only: install/ reads it to bind placements (placement.bind).
export interface TabPlacement {
  /** A fixed code (CRM_COMPANY_DETAIL_TAB, LEFT_MENU, DEFAULT) ... */
  code?: string
  /** ... or the detail tab of one of our smart processes: CRM_DYNAMIC_<entityTypeId>_DETAIL_TAB */
  process?: 'receivables' | 'claims' | 'approvals'
}

export interface TabManifest {
  id: string
  title: { ru: string; en: string }
  placements: TabPlacement[]
  /** Handler path on the app: the portal POSTs here to open the tab. */
  handlerPath: string
}
