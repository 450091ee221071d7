import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../app/api.ts'
import type { TabContext } from '../../app/tab-context.ts'
import type { FrameContext } from '../../app/frame.ts'
import type { DunningPlanDto, DunningStepDto } from '../../../../contracts/dunning.ts'
import CollectionPlanTab from './CollectionPlanTab.vue'
import { dict } from './i18n.ts'
import { canSkip, stepTone } from './use-collection-plan.ts'

const step = (over: Partial<DunningStepDto>): DunningStepDto => ({
  key: 'r1',
  kind: 'reminder',
  label: 'Due day',
  date: '2025-06-16',
  status: 'waiting',
  overdue: false,
  channels: ['email'],
  doneOn: null,
  detail: null,
  ...over,
})
const plan = (): DunningPlanDto => ({
  today: '2025-06-20',
  counterparty: { id: 12, name: 'Romashka LLC', status: 'overdue' },
  receivables: [
    {
      receivableId: 31,
      itemId: 501,
      invoiceNumber: 'A-1',
      invoiceDate: '2025-05-20',
      dueDate: '2025-06-16',
      amount: 100_000_00,
      remaining: 60_000_00,
      daysOverdue: 4,
      riskSegment: 'normal',
      ladderId: 'default',
      block: 'promise',
      pause: null,
      promise: { date: '2025-06-25', amount: 60_000_00, status: 'pending' },
      claim: { itemId: 77 },
      nextReminderDate: '2025-06-26',
      steps: [
        step({ key: 'r1', status: 'done', doneOn: '2025-06-16' }),
        step({ key: 'r2', label: '+1', date: '2025-06-17', status: 'skipped' }),
        step({ key: 'r3', label: '+3', date: '2025-06-19', status: 'missed', overdue: true }),
        step({ key: 'r4', label: '+10', date: '2025-06-30' }),
      ],
      manual: [],
    },
  ],
})

function mountTab(api: Api, lang: 'ru' | 'en' = 'en') {
  const ctx: TabContext = {
    api,
    lang,
    frame: { placement: 'CRM_COMPANY_DETAIL_TAB', entityId: '12' } as FrameContext,
  }
  return mount(
    defineComponent(() => () => h(B24App, null, () => h(CollectionPlanTab, { ctx }))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}
function recording(answer: (path: string) => unknown) {
  const calls: { path: string; body: unknown }[] = []
  const api = (async (path: string, init: { body?: unknown } = {}) => {
    calls.push({ path, body: init.body })
    return answer(path)
  }) as Api
  return { api, calls }
}
const input = (sel: string, value: string) => {
  const el = document.querySelector<HTMLInputElement>(sel)!
  el.value = value
  el.dispatchEvent(new Event('input'))
}
const submit = (sel: string) => document.querySelector<HTMLFormElement>(sel)!.dispatchEvent(new Event('submit'))

describe('collection plan tab', () => {
  it('reads a step as done, waiting, overdue or skipped, and only unhappened steps can be skipped', () => {
    expect(
      [step({ status: 'done' }), step({}), step({ status: 'missed', overdue: true }), step({ status: 'skipped' })].map(
        stepTone,
      ),
    ).toEqual(['done', 'waiting', 'overdue', 'skipped'])
    expect(canSkip(step({ status: 'done' }))).toBe(false)
    expect(canSkip(step({ status: 'due' }))).toBe(true)
    expect(Object.keys(dict.ru).sort()).toEqual(Object.keys(dict.en).sort())
  })

  it('shows the plan with states, promise and claim, and skips a step', async () => {
    const { api, calls } = recording(() => plan())
    const w = mountTab(api)
    await flushPromises()
    // the done and skipped steps fold into one line saying what was sent; the missed one may still go
    expect(w.find('[data-testid="plan-step-status-r1"]').exists()).toBe(false)
    expect(w.find('[data-testid="plan-past-line"]').text()).toBe('1 sent (e-mail), 1 skipped · last on 2025-06-16')
    await w.find('[data-testid="plan-past-toggle"]').trigger('click')
    expect(w.find('[data-testid="plan-step-status-r1"]').text()).toBe('Done')
    expect(w.find('[data-testid="plan-step-status-r3"]').text()).toBe('Overdue')
    expect(w.find('[data-testid="plan-promise"]').text()).toContain('pending')
    expect(w.find('[data-testid="plan-claim"]').text()).toContain('77')
    expect(w.find('[data-testid="skip-r1"]').exists()).toBe(false)
    await w.find('[data-testid="skip-r4"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.path === '/dunning/receivables/31/skip')?.body).toEqual({ stepKey: 'r4' })
    w.unmount()
  })

  it('validates the pause and records a promise in kopecks', async () => {
    const { api, calls } = recording(() => plan())
    const w = mountTab(api)
    await flushPromises()
    await w.find('[data-testid="pause-A-1"]').trigger('click')
    await flushPromises()
    submit('[data-testid="pause-form"]')
    await flushPromises()
    expect(document.querySelector('[data-testid="pause-problem"]')?.textContent).toContain('reason')
    input('[data-testid="pause-until"]', '2025-07-01')
    input('[data-testid="pause-reason"]', 'Bank holiday at the client')
    submit('[data-testid="pause-form"]')
    await flushPromises()
    expect(calls.find((c) => c.path.endsWith('/pause'))?.body).toEqual({
      until: '2025-07-01',
      reason: 'Bank holiday at the client',
    })
    await w.find('[data-testid="promise-A-1"]').trigger('click')
    await flushPromises()
    input('[data-testid="promise-date"]', '2025-06-27')
    input('[data-testid="promise-amount"]', '1 234,56')
    submit('[data-testid="promise-form"]')
    await flushPromises()
    expect(calls.find((c) => c.path.endsWith('/promise'))?.body).toEqual({ date: '2025-06-27', amount: 123456 })
    w.unmount()
  })

  it('sends now with the edited text and one request id for the form', async () => {
    const { api, calls } = recording((path) =>
      path.endsWith('/preview')
        ? { subject: 'Invoice A-1', body: 'Please pay', variables: [] }
        : path.endsWith('/send-now')
          ? { sent: ['email'], failed: {}, subject: 's', body: 'b' }
          : plan(),
    )
    const w = mountTab(api)
    await flushPromises()
    await w.find('[data-testid="send-A-1"]').trigger('click')
    await flushPromises()
    expect(document.querySelector<HTMLTextAreaElement>('[data-testid="send-body"]')!.value).toBe('Please pay')
    input('[data-testid="send-body"]', 'Please pay by Friday')
    submit('[data-testid="send-form"]')
    await flushPromises()
    const sent = calls.find((c) => c.path === '/dunning/receivables/31/send-now')?.body as Record<string, unknown>
    expect(sent).toMatchObject({ subject: 'Invoice A-1', body: 'Please pay by Friday', channels: ['email'] })
    expect(String(sent.requestId)).toMatch(/^ui-[0-9a-f-]{36}$/)
    expect(w.find('[data-testid="tab-message"]').text()).toBe('Sent: e-mail')
    w.unmount()
  })

  it("says in the portal's language which channel failed and why (a code, never the channel's English)", async () => {
    const { api } = recording((path) =>
      path.endsWith('/preview')
        ? { subject: 'Счёт A-1', body: 'Оплатите', variables: [] }
        : path.endsWith('/send-now')
          ? {
              sent: ['email'],
              failed: {
                telegram: { code: 'dunning.send.telegram-blocked', message: 'Forbidden: bot was blocked by the user' },
              },
              subject: 's',
              body: 'b',
            }
          : plan(),
    )
    const w = mountTab(api, 'ru')
    await flushPromises()
    await w.find('[data-testid="send-A-1"]').trigger('click')
    await flushPromises()
    submit('[data-testid="send-form"]')
    await flushPromises()
    expect(w.find('[data-testid="tab-message"]').text()).toBe(
      'Отправлено: эл. почта · Не отправлено: Telegram — контрагент заблокировал бота в Telegram',
    )
    w.unmount()
  })

  it('offers every channel of the plan by its name and sends the chosen ones (open line, call)', async () => {
    const { api, calls } = recording((path) =>
      path.endsWith('/preview')
        ? { subject: 'Счёт A-1', body: 'Оплатите', variables: [] }
        : path.endsWith('/send-now')
          ? {
              sent: ['call'],
              failed: { openline: { code: 'dunning.send.no-open-line', message: 'no open line' } },
              subject: 's',
              body: 'b',
            }
          : plan(),
    )
    const w = mountTab(api, 'ru')
    await flushPromises()
    await w.find('[data-testid="send-A-1"]').trigger('click')
    await flushPromises()
    const box = (c: string) =>
      document.querySelector<HTMLInputElement>(`input[type="checkbox"][data-testid="send-ch-${c}"]`)!
    // the five boxes, each with its Russian name, in the plan's order
    const form = document.querySelector('[data-testid="send-form"]')!.textContent ?? ''
    const at = ['эл. почта', 'Telegram', 'уведомление', 'открытая линия', 'задача на звонок'].map((n) =>
      form.indexOf(n),
    )
    expect(
      at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1])),
      form,
    ).toBe(true)
    for (const c of ['email', 'openline', 'call']) box(c).click()
    await flushPromises()
    submit('[data-testid="send-form"]')
    await flushPromises()
    const sent = calls.find((c) => c.path === '/dunning/receivables/31/send-now')?.body as Record<string, unknown>
    expect(sent.channels).toEqual(['openline', 'call'])
    expect(w.find('[data-testid="tab-message"]').text()).toBe(
      'Отправлено: задача на звонок · Не отправлено: открытая линия — у клиента нет подключённой открытой линии',
    )
    w.unmount()
  })

  it("shows a call step's callback: why the call task went instead, in the portal's language", async () => {
    const p = plan()
    p.receivables[0].steps[0] = step({
      key: 'r1',
      status: 'done',
      doneOn: '2025-06-16',
      channels: ['call'],
      detail: { channels: ['call'], callback: { fallback: 'no-phone' } },
    })
    const w = mountTab(recording(() => p).api, 'ru')
    await flushPromises()
    await w.find('[data-testid="plan-past-toggle"]').trigger('click')
    expect(w.find('[data-testid="plan-step-skip-r1-callback"]').text()).toBe(
      'обратный звонок не запущен — у клиента не указан телефон; поставлена задача',
    )
    w.unmount()
  })
})
