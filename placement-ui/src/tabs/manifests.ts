// Every tab's manifest, as plain data (no Vue): install/ imports this to bind placements.
import { tab as counterpartyReceivables } from './counterparty-receivables/tab.ts'
import { tab as collectionPlan } from './collection-plan/tab.ts'
import { tab as receivablePayments } from './receivable-payments/tab.ts'
import { tab as claimPayouts } from './claim-payouts/tab.ts'
import { tab as approvalRoute } from './approval-route/tab.ts'
import { tab as admin } from './admin/tab.ts'
import { tab as install } from './install/tab.ts'
import type { TabManifest } from './manifest-types.ts'

export type { TabManifest } from './manifest-types.ts'

export const tabManifests: readonly TabManifest[] = [
  counterpartyReceivables,
  collectionPlan,
  receivablePayments,
  claimPayouts,
  approvalRoute,
  admin,
  install,
]
