// Tab id -> lazily loaded component (each tab is its own chunk).
import { defineAsyncComponent, type Component } from 'vue'
import type { TabContext } from '../app/tab-context.ts'
import { firstRequests } from './counterparty-receivables/first-requests.ts'

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

/** Starts a tab's first API requests as soon as the portal frame has answered, before its code has run. */
export function prefetchTabData(id: string, ctx: TabContext): void {
  if (id !== 'counterparty-receivables' || !ctx.api.prefetch) return
  for (const path of firstRequests(ctx.frame.placement, ctx.frame.entityId)) ctx.api.prefetch(path)
}
