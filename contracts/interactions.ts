// The counterparty card's interaction history, "hand over" and "ping" (types shared with the tab).

export type InteractionKind = 'task' | 'activity' | 'comment'

export interface InteractionDto {
  kind: InteractionKind
  id: number
  title: string
  /** When it was created (ISO with offset), null when the portal did not say. */
  at: string | null
  deadline: string | null
  responsibleId: number | null
  responsibleName: string
  /** Task: 'pending' | 'in-progress' | 'waiting-control' | 'completed' | 'deferred'; activity: 'open' | 'completed'; comment: 'posted'. */
  status: string
  done: boolean
  /** An open task or activity past its deadline. */
  overdue: boolean
}

/** GET /api/counterparties/:type/:id/interactions */
export interface InteractionHistoryDto {
  items: InteractionDto[]
}

/** POST /api/receivables/:id/hand-over */
export interface HandOverRequest {
  userId: number
  comment?: string
  requestId: string
}
export interface HandOverResultDto {
  taskId: number
}

/** POST /api/interactions/ping */
export interface PingRequest {
  kind: 'task' | 'activity'
  id: number
  requestId: string
}
export interface PingResultDto {
  notified: number
}
