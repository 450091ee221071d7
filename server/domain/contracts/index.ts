// Public API of the contracts domain: the contract status kept from the money, and closing by a person.
export { CONTRACT_STATUSES, contractStatusOf, isContractStatus, worstContractStatus } from './contract-status.ts'
export type { ContractInvoice, ContractStatus, ContractStatusValue } from './contract-status.ts'
export { ContractCloseError, validateContractClose } from './contract-close.ts'
export type { ContractClose } from './contract-close.ts'
