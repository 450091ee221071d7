// A person closes a contract (with a date and a reason) or reopens it; the status history records the
// change once, the company card follows. Bad input is refused before anything changes.
import {
  ContractCloseError,
  contractStatusOf,
  validateContractClose,
  type ContractStatus,
} from '../../domain/contracts/index.ts'
import { contractStatusRepository } from '../../storage/repositories/contract-status.ts'
import type { CounterpartyType } from '../../storage/repositories/counterparties.ts'
import type { ReceivablesPorts } from './receivables-ports.ts'
import { portalDay } from './receivable-calendar.ts'
import { ledgerRepos } from './ledger-tx.ts'
import { LedgerError } from './ledger-error.ts'
import { refreshContractStatuses } from './refresh-contract-statuses.ts'

export interface ContractRef {
  memberId: string
  actor: string
  counterparty: { type: CounterpartyType; entityId: number }
  contractId: number
}

async function contractOf(ports: ReceivablesPorts, ref: ContractRef) {
  const cp = await ledgerRepos(ports.db).counterparties.find(
    ref.memberId,
    ref.counterparty.type,
    ref.counterparty.entityId,
  )
  const row = cp
    ? (await contractStatusRepository(ports.db).inputs(ref.memberId, cp.id)).find((c) => c.id === ref.contractId)
    : undefined
  if (!cp || !row)
    throw new LedgerError(
      'not-found',
      'contract.not-found',
      `contract ${ref.contractId} of this counterparty not found`,
    )
  return row
}

export async function closeContract(
  ports: ReceivablesPorts,
  ref: ContractRef,
  input: unknown,
): Promise<ContractStatus> {
  const { today } = await portalDay(ports, ref.memberId)
  const row = await contractOf(ports, ref)
  let close
  try {
    close = validateContractClose(input, today, row.contractDate)
  } catch (e) {
    if (e instanceof ContractCloseError) throw new LedgerError('invalid', e.code, e.message)
    throw e
  }
  if (row.status === 'closed')
    throw new LedgerError('conflict', 'contract.already-closed', `contract ${row.number} is already closed`)
  const moved = await contractStatusRepository(ports.db).apply(
    ref.memberId,
    {
      contractId: row.id,
      from: row.status,
      to: 'closed',
      oldestDays: 0,
      onDate: close.closedOn,
      actor: ref.actor,
      reason: close.reason,
    },
    { closedOn: close.closedOn, reason: close.reason, by: ref.actor },
  )
  if (!moved) throw new LedgerError('conflict', 'contract.changed', 'the contract changed meanwhile; reload and retry')
  await refreshContractStatuses(ports, ref.memberId, today, { counterpartyId: row.counterpartyId })
  return 'closed'
}

export async function reopenContract(ports: ReceivablesPorts, ref: ContractRef): Promise<ContractStatus> {
  const { today } = await portalDay(ports, ref.memberId)
  const row = await contractOf(ports, ref)
  if (row.status !== 'closed')
    throw new LedgerError('conflict', 'contract.not-closed', `contract ${row.number} is not closed`)
  const v = contractStatusOf(row.invoices, null, today)
  const moved = await contractStatusRepository(ports.db).apply(
    ref.memberId,
    { contractId: row.id, from: 'closed', to: v.status, oldestDays: v.oldestDays, onDate: today, actor: ref.actor },
    { closedOn: null, reason: null, by: null },
  )
  if (!moved) throw new LedgerError('conflict', 'contract.changed', 'the contract changed meanwhile; reload and retry')
  await refreshContractStatuses(ports, ref.memberId, today, { counterpartyId: row.counterpartyId })
  return v.status
}
