// Tab id -> lazily loaded component (each tab is its own chunk).
import { defineAsyncComponent, type Component } from 'vue'

export const tabComponents: Record<string, Component> = {
  'counterparty-receivables': defineAsyncComponent(
    () => import('./counterparty-receivables/CounterpartyReceivablesTab.vue'),
  ),
  'collection-plan': defineAsyncComponent(() => import('./collection-plan/CollectionPlanTab.vue')),
  'receivable-payments': defineAsyncComponent(() => import('./receivable-payments/ReceivablePaymentsTab.vue')),
  'claim-payouts': defineAsyncComponent(() => import('./claim-payouts/ClaimPayoutsTab.vue')),
  'approval-route': defineAsyncComponent(() => import('./approval-route/ApprovalRouteTab.vue')),
  admin: defineAsyncComponent(() => import('./admin/AdminTab.vue')),
  install: defineAsyncComponent(() => import('./install/InstallTab.vue')),
}
