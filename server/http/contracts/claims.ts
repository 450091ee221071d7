// The claims API shared with the claim tab (type-only imports). Money in kopecks, days ISO.
export interface ClaimTrancheDto { id: string; deadline: string; amount: number; status: 'planned' | 'paid'; paidOn: string | null; paidBy: number | null; paidByName?: string | null; taskId?: number | null }
export interface ClaimDocumentDto { id: string; name: string; url: string | null; source: string; addedAt: string | null }

export interface ClaimRecoveryDto {
  principal: number
  penalty: number
  interest: number
  total: number
  /** '395' | 'per-day' | 'key-rate-fraction' | 'fine' */
  method: string | null
  claimSentOn: string | null
  pretrialEndsOn: string | null
  limitationEndsOn: string | null
  letter: { url: string; generatedAt: string } | null
  courtCase: { number: string; url: string } | null
  documents: ClaimDocumentDto[]
}

/** GET /api/claims/item/:itemId */
export interface ClaimViewDto {
  id: number
  itemId: number
  kind: 'payout' | 'recovery'
  stage: string | null
  counterparty: { name: string } | null
  /** Payouts: the agreed compensation (null when not set yet). */
  agreedCompensation: number | null
  tranches: ClaimTrancheDto[]
  totals: { total: number; paid: number; remaining: number }
  recovery: ClaimRecoveryDto | null
}

/** POST /api/claims/:id/tranches and PUT /api/claims/:id/tranches/:trancheId */
export interface ClaimTrancheRequest { deadline: string; amount: number }
