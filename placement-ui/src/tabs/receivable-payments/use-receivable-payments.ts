// State of the receivable card tab: the ledger detail of the item the card shows.
import { ref, shallowRef } from 'vue'
import type { Api } from '../../app/api.ts'
import type { PaymentOutcomeDto, ReceivableDetailDto, RecordPaymentRequest } from '../../../../contracts/receivables.ts'

export function useReceivablePayments(api: Api, itemId: number) {
  const detail = shallowRef<ReceivableDetailDto | null>(null)
  const error = ref<string | null>(null)
  const notLinked = ref(false)
  let receivableId: number | null = null

  async function load() {
    try {
      if (receivableId === null)
        receivableId = (await api<{ receivableId: number }>(`/items/receivables/${itemId}`)).receivableId
      detail.value = await api<ReceivableDetailDto>(`/receivables/${receivableId}`)
      error.value = null
    } catch (e) {
      if ((e as { status?: number }).status === 404) notLinked.value = true
      else error.value = (e as Error).message
    }
  }

  async function addPayment(body: RecordPaymentRequest) {
    await api<PaymentOutcomeDto>(`/receivables/${receivableId}/payments`, { body })
    await load()
  }

  /** Throws when the server refuses (the dialog shows why). */
  async function reverse(paymentId: number, reason: string) {
    await api<PaymentOutcomeDto>(`/payments/${paymentId}/reverse`, { body: { reason } })
    await load()
  }

  /** Debt recovery for this invoice (the same claim on a repeat); null when it failed (error set). */
  async function openClaim(): Promise<{ claimItemId: number; entityTypeId: number } | null> {
    try {
      return await api<{ claimItemId: number; entityTypeId: number }>(
        `/dunning/receivables/${receivableId}/open-claim`,
        { body: {} },
      )
    } catch (e) {
      error.value = (e as Error).message
      return null
    }
  }

  return { detail, error, notLinked, load, addPayment, reverse, openClaim }
}
