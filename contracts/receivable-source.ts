// /api/admin/receivable-source request and response types, shared with placement-ui (type-only imports).

export type ReceivableSourceKind = 'off' | 'deals' | 'invoices'

/** What the admin saves: the source and, per pipeline id, the stage that creates the invoice. */
export interface ReceivableSourceInputDto {
  source: ReceivableSourceKind
  stages: Record<string, string>
}

export interface SourcePipelineDto {
  id: number
  name: string
  stages: { id: string; name: string }[]
}

export interface ReceivableSourceDto {
  settings: ReceivableSourceInputDto
  /** The portal's pipelines with their stages, by source (deals, smart invoices). */
  pipelines: { deals: SourcePipelineDto[]; invoices: SourcePipelineDto[] }
}
