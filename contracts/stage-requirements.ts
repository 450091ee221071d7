// GET/PUT /api/admin/stage-requirements: the document each recovery stage requires before the card
// leaves it forward (stage code -> documents).
export type StageDocumentDto = 'first-notice' | 'claim-letter' | 'settlement-schedule' | 'statement-of-claim'

export interface StageRequirementsDto {
  requirements: Partial<Record<string, StageDocumentDto[]>>
  documents: StageDocumentDto[]
}
