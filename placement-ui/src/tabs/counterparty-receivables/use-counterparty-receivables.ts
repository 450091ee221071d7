// State of the counterparty tab: header summary and one server-side page of receivables.
import { reactive, ref, shallowRef } from 'vue'
import type { Api } from '../../app/api.ts'
import type {
  CounterpartySummaryDto,
  CounterpartyType,
  ReceivableRowDto,
  ReceivableSortKey,
  ReceivablesPageDto,
  RecordPaymentRequest,
  CreateReceivableRequest,
  PaymentOutcomeDto,
  ContractGroupDto,
  ContractsDto,
  ContractDto,
  CloseContractRequest,
} from '../../../../contracts/receivables.ts'
import type { HandOverRequest, HandOverResultDto } from '../../../../contracts/interactions.ts'
import { firstPageQuery, pagePath, summaryPath, type PageQuery } from './first-requests.ts'

export function useCounterpartyReceivables(api: Api, cp: { type: CounterpartyType; id: number }) {
  const summary = shallowRef<CounterpartySummaryDto | null>(null)
  const page = shallowRef<ReceivablesPageDto>({ rows: [], total: 0, page: 1, pageSize: 50 })
  const query = reactive<PageQuery>(firstPageQuery())
  const loading = ref(false)
  const error = ref<string | null>(null)
  let seq = 0

  async function loadPage() {
    const mine = ++seq
    loading.value = true
    try {
      const result = await api<ReceivablesPageDto>(pagePath(cp, query))
      if (mine === seq) {
        page.value = result
        error.value = null
      }
    } catch (e) {
      if (mine === seq) error.value = (e as Error).message
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  async function loadSummary() {
    summary.value = await api<CounterpartySummaryDto>(summaryPath(cp))
  }

  async function reload() {
    try {
      await Promise.all([loadSummary(), loadPage()])
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  function sortBy(key: ReceivableSortKey) {
    if (query.sort === key) query.dir = query.dir === 'asc' ? 'desc' : 'asc'
    else {
      query.sort = key
      query.dir = 'asc'
    }
    query.page = 1
    void loadPage()
  }

  async function recordPayment(row: ReceivableRowDto, body: RecordPaymentRequest) {
    await api<PaymentOutcomeDto>(`/receivables/${row.id}/payments`, { body })
    await reload()
  }

  async function handOver(row: ReceivableRowDto, body: HandOverRequest): Promise<HandOverResultDto> {
    return api<HandOverResultDto>(`/receivables/${row.id}/hand-over`, { body })
  }

  async function createReceivable(body: Omit<CreateReceivableRequest, 'counterparty'>) {
    await api<ReceivableRowDto>('/receivables', { body: { ...body, counterparty: cp } })
    await reload()
  }

  const contracts = shallowRef<ContractGroupDto[]>([])
  const contractsLoading = ref(false)
  async function loadContracts() {
    contractsLoading.value = true
    try {
      contracts.value = (await api<ContractsDto>(`/counterparties/${cp.type}/${cp.id}/contracts`)).groups
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      contractsLoading.value = false
    }
  }

  async function closeContract(c: ContractDto, body: CloseContractRequest) {
    await api<{ status: string }>(`/counterparties/${cp.type}/${cp.id}/contracts/${c.id}/close`, { body })
    await loadContracts()
  }
  async function reopenContract(c: ContractDto) {
    try {
      await api<{ status: string }>(`/counterparties/${cp.type}/${cp.id}/contracts/${c.id}/reopen`, { body: {} })
      await loadContracts()
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  return {
    summary,
    page,
    query,
    loading,
    error,
    reload,
    loadPage,
    sortBy,
    recordPayment,
    createReceivable,
    handOver,
    contracts,
    contractsLoading,
    loadContracts,
    closeContract,
    reopenContract,
  }
}
