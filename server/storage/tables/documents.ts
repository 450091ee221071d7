// Tables of the documents area: the images of our legal entities (migration 100), the generated documents
// kept as files (migration 105), the stage print forms (migration 106) and the documents' numbers (140).
import type { ColumnType, Generated } from 'kysely'

export interface ReconciliationActsTable {
  id: Generated<number>
  member_id: string
  counterparty_id: number
  contract_id: number | null
  period_from: ColumnType<string, string, string>
  period_to: ColumnType<string, string, string>
  entity_inn: string
  year: number
  number: string
  opening: ColumnType<number, number, number>
  closing: ColumnType<number, number, number>
  file_base: string
  pdf: Uint8Array
  xlsx: Uint8Array
  generated_at: ColumnType<Date, Date | string | undefined, never>
  generated_by: string
}

export interface StageTemplatesTable {
  member_id: string
  stage: string
  file_name: string
  kind: 'docx' | 'pdf'
  data: Uint8Array
  uploaded_by: string
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface LegalEntityImagesTable {
  member_id: string
  inn: string
  kind: 'logo' | 'signature' | 'stamp'
  mime: 'image/png' | 'image/jpeg'
  data: Uint8Array
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
  updated_by: string
}

export interface DocumentNumberSeqsTable {
  member_id: string
  kind: string
  entity_inn: string
  year: number
  last_seq: ColumnType<number, number | undefined, number>
}

export interface DocumentNumbersTable {
  member_id: string
  kind: string
  doc_key: string
  entity_inn: string
  year: number
  seq: number
  number: string
  assigned_at: ColumnType<Date, Date | string | undefined, never>
}

export interface DocumentTables {
  document_number_seqs: DocumentNumberSeqsTable
  document_numbers: DocumentNumbersTable
  legal_entity_images: LegalEntityImagesTable
  reconciliation_acts: ReconciliationActsTable
  stage_templates: StageTemplatesTable
}
