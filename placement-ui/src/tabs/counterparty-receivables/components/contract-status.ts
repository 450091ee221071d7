// The contract status's colour, the same palette as the invoices' (active = open, settled = paid,
// closed = written off; overdue and claim work in the alert colour).
import type { ContractStatusDto } from '../../../../../contracts/receivables.ts'

export const CONTRACT_STATUSES: ContractStatusDto[] = ['active', 'overdue', 'claim', 'settled', 'closed']

export const contractStatusColor: Record<
  ContractStatusDto,
  'air-primary' | 'air-primary-alert' | 'air-primary-success' | 'air-tertiary'
> = {
  active: 'air-primary',
  overdue: 'air-primary-alert',
  claim: 'air-primary-alert',
  settled: 'air-primary-success',
  closed: 'air-tertiary',
}
