// Tab id -> lazily loaded component (each tab is its own chunk).
import { defineAsyncComponent, type Component } from 'vue'

type Loader = () => Promise<{ default: Component }>

const loaders: Record<string, Loader> = {
  'counterparty-receivables': () => import('./counterparty-receivables/CounterpartyReceivablesTab.vue'),
  'collection-plan': () => import('./collection-plan/CollectionPlanTab.vue'),
  'receivable-payments': () => import('./receivable-payments/ReceivablePaymentsTab.vue'),
  'claim-payouts': () => import('./claim-payouts/ClaimPayoutsTab.vue'),
  'approval-route': () => import('./approval-route/ApprovalRouteTab.vue'),
  admin: () => import('./admin/AdminTab.vue'),
  install: () => import('./install/InstallTab.vue'),
}

export const tabComponents: Record<string, Component> = Object.fromEntries(
  Object.entries(loaders).map(([id, load]) => [id, defineAsyncComponent(load)]),
)

/** Starts downloading a tab's chunk early (the component renders once the portal has answered). */
export function preloadTab(id: string): void {
  void loaders[id]?.().catch(() => undefined) // a failed download shows when the component renders
}
