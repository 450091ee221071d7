// The contract use-cases program against: one client per portal, rate-limited and token-refreshing.
// Implementation: ./create-portal-client.ts (on @bitrix24/b24jssdk B24OAuth).

export type Params = Record<string, unknown>

export interface BatchCommand {
  method: string
  params?: Params
}

export interface BatchResult<T = unknown> {
  /** Results by command key (or index for arrays); failed commands are in `errors`. */
  results: Record<string, T>
  errors: Record<string, { error: string; error_description: string }>
  totals: Record<string, number>
}

export interface CallOptions {
  /** Writes that must not repeat (add, send) set this false: no automatic network retries. */
  idempotent?: boolean
}

export interface PortalClient {
  readonly memberId: string
  /** One REST call; returns `result`. Throws Bitrix24Error. */
  call<T = unknown>(method: string, params?: Params, opts?: CallOptions): Promise<T>
  /** One REST call with the whole envelope (`result`, `total`, `next`). */
  callPage<T = unknown>(
    method: string,
    params?: Params,
  ): Promise<{ result: T; total: number | null; next: number | null }>
  /** Up to any number of commands, sent in chunks of 50; `$result[key]` references work within a chunk. */
  batch<T = unknown>(
    commands: Record<string, BatchCommand>,
    opts?: { halt?: boolean } & CallOptions,
  ): Promise<BatchResult<T>>
  /**
   * Reads every row of a list method fast: start=-1 with an ID cursor, several cursor pages per batch
   * (up to 2,500 rows per HTTP request). `itemsKey` unwraps results like crm.item.list's {items: []}.
   */
  listAll<T = Record<string, unknown>>(
    method: string,
    params: Params & { filter?: Params; select?: string[] },
    opts?: ListAllOptions,
  ): Promise<T[]>
}

/** How `listAll` reads a list (list-all.ts). */
export interface ListAllOptions {
  itemsKey?: string
  idField?: string
  limit?: number
  /** About how many rows there are (the batches are sized to it). */
  expectRows?: number
}

export interface PortalClients {
  /** The client of a connected portal; throws Bitrix24Error('PORTAL_DISCONNECTED') when it is not. */
  forPortal(memberId: string): Promise<PortalClient>
  /** Waits for a place in the portal's shared bucket, for a request sent outside a client (a user's token). */
  pace: PortalPacer
}

/**
 * Every request our servers send to a portal counts in one bucket (per portal and source IP,
 * reference 2.4), the ones made with a user's own token or a just-issued pair as well.
 */
export type PortalPacer = (memberId: string, licenceFamily: string | null) => Promise<void>
