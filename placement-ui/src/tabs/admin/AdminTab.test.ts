import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../app/api.ts'
import type { TabContext } from '../../app/tab-context.ts'
import type { FrameContext } from '../../app/frame.ts'
import type { ApprovalSettingsDto } from '../../../../contracts/approvals.ts'
import AdminTab from './AdminTab.vue'
import { dict } from './i18n.ts'

const settings: ApprovalSettingsDto = {
  roles: {
    financeManager: 3,
    operationsManager: 4,
    chiefAccountant: null,
    juniorAccountant: null,
    cfo: null,
    lawyer: null,
    signatory: null,
  },
  sla: {
    ladders: {
      head: {
        checkEveryHours: 4,
        remindAfter: { days: 2, hours: 0 },
        escalateAfter: { days: 2, hours: 1 },
        untilTaken: true,
      },
    },
    cfoRule: null,
    cutoff: '13:00',
    endOfDay: '18:00',
  },
}
const rules = {
  ladders: [
    {
      id: 'default',
      steps: [
        {
          id: 'd-5',
          anchor: 'due',
          offset: -5,
          unit: 'working',
          dayOff: 'previous',
          channels: ['email'],
          template: 'before',
        },
      ],
      tail: null,
      window: { from: '10:00', to: '17:00' },
    },
  ],
  templates: { before: { ru: { subject: 'Счёт {invoice_number}', body: 'Оплатите' } } },
  rules: [],
}

function mountTab(api: Api) {
  const ctx: TabContext = { api, lang: 'en', frame: { placement: 'LEFT_MENU', entityId: null } as FrameContext }
  return mount(
    defineComponent(() => () => h(B24App, null, () => h(AdminTab, { ctx }))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}
function fake(isAdmin: boolean) {
  const calls: { path: string; method?: string; body?: unknown }[] = []
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    calls.push({ path, ...init })
    if (path === '/whoami') return { isAdmin }
    if (!isAdmin && init.method === 'PUT')
      throw new ApiCallError(403, 'auth.admin-only', 'Only portal administrators can do this')
    if (path.startsWith('/approvals/settings')) return settings
    if (path === '/dunning/settings') return rules
    if (path === '/dunning/templates/preview')
      return {
        subject: `Preview: ${(init.body as { template: { subject: string } }).template.subject}`,
        body: 'text',
        variables: ['invoice_number'],
      }
    throw new ApiCallError(404, 'x', 'x')
  }) as Api
  return { api, calls }
}

describe('admin page', () => {
  it('has the same i18n keys in ru and en', () => {
    expect(Object.keys(dict.ru).sort()).toEqual(Object.keys(dict.en).sort())
  })

  it('shows "administrators only" to a non-admin and loads no settings', async () => {
    const { api, calls } = fake(false)
    const w = mountTab(api)
    await flushPromises()
    expect(w.find('[data-testid="admins-only"]').exists()).toBe(true)
    expect(calls.map((c) => c.path)).toEqual(['/whoami'])
    w.unmount()
  })

  it('saves the SLA as the server expects it and validates numbers first', async () => {
    const { api, calls } = fake(true)
    const w = mountTab(api)
    await flushPromises()
    await w.find('[data-testid="sla-head-esc-hours"]').setValue('x')
    await w.find('[data-testid="sla-form"]').trigger('submit')
    expect(w.find('[data-testid="sla-problem"]').text()).toContain('Bad number')
    await w.find('[data-testid="sla-head-esc-hours"]').setValue('3')
    await w.find('[data-testid="cfo-min"]').setValue('500 000')
    await w.find('[data-testid="sla-form"]').trigger('submit')
    await flushPromises()
    expect(calls.at(-1)).toEqual({
      path: '/approvals/settings/sla',
      method: 'PUT',
      body: {
        ladders: {
          head: {
            checkEveryHours: 4,
            remindAfter: { days: 2, hours: 0 },
            escalateAfter: { days: 2, hours: 3 },
            untilTaken: true,
          },
        },
        cfoRule: { minAmount: 500_000_00 },
        cutoff: '13:00',
        endOfDay: '18:00',
      },
    })
    expect(w.find('[data-testid="sla-saved"]').exists()).toBe(true)
    w.unmount()
  })

  it('re-renders the template preview as the admin types', async () => {
    const { api, calls } = fake(true)
    const w = mountTab(api)
    await flushPromises()
    await w.findAll('[role="tab"]')[1]!.trigger('mousedown', { button: 0 })
    await flushPromises()
    await new Promise((r) => setTimeout(r, 350))
    await flushPromises()
    expect(w.find('[data-testid="preview-subject"]').text()).toBe('Preview: Счёт {invoice_number}')
    await w.find('[data-testid="template-subject"]').setValue('Reminder {invoice_number}')
    await new Promise((r) => setTimeout(r, 350))
    await flushPromises()
    expect(w.find('[data-testid="preview-subject"]').text()).toBe('Preview: Reminder {invoice_number}')
    expect(calls.filter((c) => c.path === '/dunning/templates/preview').length).toBeGreaterThanOrEqual(2)
    w.unmount()
  })
})
