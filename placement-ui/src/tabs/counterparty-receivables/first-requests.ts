// The counterparty tab's first requests (the header's summary and page 1 of the receivables), built in
// one place: App.vue starts them as soon as the portal frame answers, while the tab's code still
// downloads, and the tab's state asks for the very same paths and takes those answers.
import type { CounterpartyType, ReceivableFilter, ReceivableSortKey } from '../../../../contracts/receivables.ts'

export interface Counterparty {
  type: CounterpartyType
  id: number
}
export interface PageQuery {
  q: string
  filter: ReceivableFilter
  sort: ReceivableSortKey
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

export function counterpartyOf(placement: string, entityId: string | null): Counterparty | null {
  const id = Number(entityId)
  if (!Number.isInteger(id) || id <= 0) return null
  return { type: placement.includes('CONTACT') ? 'contact' : 'company', id }
}

export const firstPageQuery = (): PageQuery => ({
  q: '',
  filter: 'all',
  sort: 'dueDate',
  dir: 'asc',
  page: 1,
  pageSize: 50,
})

export const summaryPath = (cp: Counterparty) => `/counterparties/${cp.type}/${cp.id}/summary`

export function pagePath(cp: Counterparty, query: PageQuery): string {
  const qs = new URLSearchParams({
    counterpartyType: cp.type,
    counterpartyId: String(cp.id),
    filter: query.filter,
    sort: query.sort,
    dir: query.dir,
    page: String(query.page),
    pageSize: String(query.pageSize),
    ...(query.q ? { q: query.q } : {}),
  })
  return `/receivables?${qs}`
}

/** What the tab asks first for this card; none outside a company or contact card. */
export function firstRequests(placement: string, entityId: string | null): string[] {
  const cp = counterpartyOf(placement, entityId)
  return cp ? [summaryPath(cp), pagePath(cp, firstPageQuery())] : []
}
