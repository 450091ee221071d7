// Finds open invoices by number (or counterparty or contract) for the statement review queue: a person
// types "С-1027", not the ledger's internal id.
import type { Api } from '../../../app/api.ts'
import type { ReceivablesPageDto } from '../../../../../contracts/receivables.ts'
import { formatMoney } from '../../../app/format.ts'
import type { Lang } from '../../../app/i18n.ts'

export interface FoundInvoice {
  receivableId: number
  label: string
}
export type InvoiceSearch = (text: string) => Promise<FoundInvoice[]>

export function invoiceSearch(api: Api, lang: Lang): InvoiceSearch {
  return async (text) => {
    const q = text.trim()
    if (q.length < 1) return []
    const page = await api<ReceivablesPageDto>(
      `/receivables?q=${encodeURIComponent(q.slice(0, 100))}&filter=open&sort=invoiceDate&dir=desc&pageSize=10`,
    )
    return page.rows.map((r) => ({
      receivableId: r.id,
      label: `№ ${r.invoiceNumber} · ${r.counterpartyName} · ${formatMoney(r.remaining, lang)}`,
    }))
  }
}
