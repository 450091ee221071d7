import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../app/api.ts'
import type { TabContext } from '../../app/tab-context.ts'
import type { FrameContext } from '../../app/frame.ts'
import type { ApprovalStepDto, ApprovalViewDto } from '../../../../contracts/approvals.ts'
import ApprovalRouteTab from './ApprovalRouteTab.vue'
import { dict } from './i18n.ts'
import { requestOf } from './use-approval-route.ts'

const step = (over: Partial<ApprovalStepDto>): ApprovalStepDto => ({
  index: 0,
  id: 'head',
  stage: 'S',
  role: 'head',
  kind: 'approval',
  assigneeId: 7,
  status: 'active',
  selfApproval: false,
  startedAt: '2025-06-02T07:00:00Z',
  takenAt: null,
  decidedAt: null,
  decidedBy: null,
  substitute: false,
  reason: null,
  slaStatus: 'on-time',
  remindedAt: null,
  escalatedAt: null,
  nextSlaAt: null,
  nextSlaProvisional: false,
  elapsedWorkingMinutes: 10,
  pausedAt: null,
  pauseReason: null,
  ...over,
})
const view = (over: Partial<ApprovalViewDto> = {}): ApprovalViewDto => ({
  id: 5,
  entityTypeId: 1040,
  itemId: 9,
  pipeline: 'payments',
  round: 2,
  status: 'in-progress',
  paused: false,
  currentStep: 1,
  steps: [
    step({ status: 'approved', decidedAt: '2025-06-02T08:00:00Z' }),
    step({
      index: 1,
      id: 'finance',
      role: 'financeManager',
      status: 'active',
      slaStatus: 'escalated',
      escalatedAt: '2025-06-04T08:00:00Z',
    }),
  ],
  accounting: { deadline: null, mainDone: false, subDone: false, tasks: [] },
  viewer: { userId: 7, canDecide: true, asSubstitute: false, canTake: false, canRestart: false },
  audit: [
    {
      id: 1,
      at: '2025-06-02T07:00:00Z',
      actor: 'user:3',
      source: 'ui',
      action: 'approval.started',
      details: { round: 1, events: [{ type: 'step-started', step: 0 }] },
    },
  ],
  ...over,
})

function fakeApi(routes: Record<string, (body: unknown) => unknown>) {
  const calls: { path: string; method: string; body: unknown }[] = []
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST')
    calls.push({ path, method, body: init.body })
    const r = routes[`${method} ${path}`]
    if (!r) throw new ApiCallError(404, 'x.not-found', 'not found')
    return r(init.body)
  }) as Api
  return { api, calls }
}

function mountTab(api: Api, placement = 'CRM_DYNAMIC_1040_DETAIL_TAB') {
  const ctx: TabContext = { api, lang: 'en', frame: { placement, entityId: '9' } as FrameContext }
  return mount(
    defineComponent(() => () => h(B24App, null, () => h(ApprovalRouteTab, { ctx }))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}

describe('approval route tab', () => {
  it('finds the request from a smart-process placement', () => {
    expect(requestOf('CRM_DYNAMIC_1040_DETAIL_TAB', '9')).toEqual({ entityTypeId: 1040, itemId: 9 })
    expect(requestOf('CRM_COMPANY_DETAIL_TAB', '9')).toBeNull()
    expect(requestOf('CRM_DYNAMIC_1040_DETAIL_TAB', null)).toBeNull()
  })

  it('has the same i18n keys in ru and en', () => {
    expect(Object.keys(dict.ru).sort()).toEqual(Object.keys(dict.en).sort())
  })

  it('shows each step with its state and SLA badge, and approves with the round and step', async () => {
    const { api, calls } = fakeApi({
      'GET /approvals/item/1040/9': () => view(),
      'GET /approvals/telegram/link': () => ({ linked: false }),
      'POST /approvals/5/decision': () => ({
        status: 'decided',
        approval: view({
          status: 'done',
          currentStep: null,
          viewer: { userId: 7, canDecide: false, asSubstitute: false, canTake: false, canRestart: false },
        }),
      }),
    })
    const w = mountTab(api)
    await flushPromises()
    expect(w.find('[data-testid="step-state-head"]').text()).toBe('Approved')
    expect(w.find('[data-testid="step-sla-finance"]').text()).toBe('Escalated')
    // the journal in words: no action code, no JSON, no "user:3"
    const log = w.find('[data-testid="audit-log"]').text()
    expect(log).toContain('Approval started')
    expect(log).toContain('round 1 · step 1 started')
    expect(log).not.toMatch(/approval\.started|user:3|\{"round"/)
    await w.find('[data-testid="approve"]').trigger('click')
    await flushPromises()
    expect(calls.at(-1)).toEqual({
      path: '/approvals/5/decision',
      method: 'POST',
      body: { round: 2, stepIndex: 1, decision: 'approve' },
    })
    expect(w.find('[data-testid="route-status"]').text()).toBe('Approved')
    expect(w.find('[data-testid="approve"]').exists()).toBe(false)
    w.unmount()
  })

  it('marks the next SLA check provisional when it is counted through a year without a calendar', async () => {
    const provisional = view({
      steps: [
        step({ status: 'approved', decidedAt: '2025-06-02T08:00:00Z' }),
        step({ index: 1, id: 'finance', nextSlaAt: '2028-01-10T15:00:00Z', nextSlaProvisional: true }),
      ],
    })
    const { api } = fakeApi({
      'GET /approvals/item/1040/9': () => provisional,
      'GET /approvals/telegram/link': () => ({ linked: false }),
    })
    const w = mountTab(api)
    await flushPromises()
    expect(w.find('[data-testid="step-provisional-finance"]').text()).toBe('(provisional)')
    expect(w.find('[data-testid="step-provisional-head"]').exists()).toBe(false)
    w.unmount()
  })

  it('refuses a rejection without a reason and sends the reason when given', async () => {
    const { api, calls } = fakeApi({
      'GET /approvals/item/1040/9': () => view(),
      'GET /approvals/telegram/link': () => ({ linked: true }),
      'POST /approvals/5/decision': () => ({ status: 'decided', approval: view({ status: 'rejected' }) }),
    })
    const w = mountTab(api)
    await flushPromises()
    await w.find('[data-testid="reject"]').trigger('click')
    await flushPromises()
    const form = () => document.querySelector<HTMLFormElement>('[data-testid="reject-form"]')!
    form().dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(document.querySelector('[data-testid="reject-problem"]')?.textContent).toContain('Enter a reason')
    expect(calls.filter((c) => c.path.endsWith('/decision'))).toHaveLength(0)
    const ta = document.querySelector<HTMLTextAreaElement>('[data-testid="reject-reason"]')!
    ta.value = 'No invoice attached'
    ta.dispatchEvent(new Event('input'))
    form().dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.at(-1)?.body).toEqual({ round: 2, stepIndex: 1, decision: 'reject', reason: 'No invoice attached' })
    w.unmount()
  })

  it('offers Start when the approval has not started and shows the missing fields the server names', async () => {
    const { api } = fakeApi({ 'GET /approvals/telegram/link': () => ({ linked: false }) })
    const start = (async (path: string, init?: { method?: string; body?: unknown }) => {
      if (path.endsWith('/start'))
        throw new ApiCallError(400, 'approval.incomplete-request', 'The request is incomplete', {
          missing: ['amount', 'invoice'],
        })
      return api(path, init)
    }) as Api
    const w = mountTab(start)
    await flushPromises()
    await w.find('[data-testid="start"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="tab-error"]').text()).toContain('amount, invoice')
    w.unmount()
  })
})
