// A payment request is complete when it names the counterparty, the amount, the cost item and carries
// the invoice; a contract request names the counterparty and carries the contract file. Saving an
// incomplete one is refused with the missing fields named.
export interface RequestInput {
  counterparty: string | null
  amount: number | null
  costItem: string | null
  invoiceAttached: boolean
  /** The contract file of a contract-approval request (its own field). */
  contractAttached?: boolean
}

export const REQUIRED_LABELS: Record<keyof RequestInput, { ru: string; en: string }> = {
  counterparty: { ru: 'Контрагент', en: 'Counterparty' },
  amount: { ru: 'Сумма', en: 'Amount' },
  costItem: { ru: 'Статья расходов', en: 'Cost item' },
  invoiceAttached: { ru: 'Счёт', en: 'Invoice file' },
  contractAttached: { ru: 'Договор (файл)', en: 'Contract file' },
}

export function missingRequestFields(r: RequestInput): (keyof RequestInput)[] {
  const missing: (keyof RequestInput)[] = []
  if (!r.counterparty) missing.push('counterparty')
  if (r.amount === null || !Number.isSafeInteger(r.amount) || r.amount <= 0) missing.push('amount')
  if (!r.costItem) missing.push('costItem')
  if (!r.invoiceAttached) missing.push('invoiceAttached')
  return missing
}

export function missingContractFields(r: RequestInput): (keyof RequestInput)[] {
  const missing: (keyof RequestInput)[] = []
  if (!r.counterparty) missing.push('counterparty')
  if (!r.contractAttached) missing.push('contractAttached')
  return missing
}

export function describeMissing(missing: (keyof RequestInput)[], lang: 'ru' | 'en'): string {
  const names = missing.map((k) => REQUIRED_LABELS[k][lang]).join(', ')
  return lang === 'ru' ? `Заявка не заполнена: ${names}` : `The request is incomplete: ${names}`
}
