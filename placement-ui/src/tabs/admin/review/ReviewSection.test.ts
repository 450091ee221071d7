import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../../app/api.ts'
import type { DunningReviewItemDto, DunningReviewListDto } from '../../../../../contracts/dunning-review.ts'
import { formatDay } from '../../../app/format.ts'
import { reviewDict } from './review-i18n.ts'
import ReviewSection from './ReviewSection.vue'

const item = (id: number, over: Partial<DunningReviewItemDto> = {}): DunningReviewItemDto => ({
  id,
  counterparty: 'ООО Ромашка',
  invoices: [
    {
      receivableId: 10,
      invoiceNumber: 'A-1',
      invoiceDate: '2026-11-09',
      dueDate: '2026-11-29',
      remaining: 1_234_567,
      daysOverdue: 10,
    },
  ],
  stepKey: 'r.after-10',
  steps: [
    { key: 'r.after-10', when: { anchor: 'due', offset: 10, unit: 'working' } },
    { key: 'r.after-20', when: { anchor: 'due', offset: 20, unit: 'working' } },
  ],
  channels: ['email', 'telegram'],
  subject: 'Напоминание: счёт № A-1',
  body: 'Просим оплатить счёт.',
  edited: false,
  ...over,
})

function mountSection(o: { lang?: 'ru' | 'en'; items?: DunningReviewItemDto[]; refuse?: string } = {}) {
  const calls: { path: string; method: string; body?: unknown }[] = []
  let items = o.items ?? [item(1), item(2, { counterparty: 'ИП Васильков' })]
  const view = (): DunningReviewListDto => ({
    day: '2026-12-09',
    settings: { segments: ['high'], releaseHour: 12 },
    items,
  })
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const method = init.method ?? 'GET'
    if (method !== 'GET') calls.push({ path, method, body: init.body })
    if (o.refuse && path.endsWith(o.refuse))
      throw new ApiCallError(409, 'dunning.review-decided', 'Это напоминание уже отправлено, пропущено или устарело')
    if (path === '/admin/dunning-review') return view()
    if (path === '/admin/dunning-review/send-all') {
      const sent = items.length
      items = []
      return { sent, dropped: 0 }
    }
    const m = /\/admin\/dunning-review\/(\d+)\/(send|skip|edit)$/.exec(path)
    if (m && m[2] !== 'edit') items = items.filter((i) => i.id !== Number(m[1]))
    if (path === '/admin/dunning-review/settings') return init.body
    return { ok: true }
  }) as Api
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(ReviewSection, { api, lang: o.lang ?? 'ru', failed: (e: unknown) => (e as Error).message }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, calls }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('review before sending (admin section)', () => {
  it('lists what would go out by name, with dd.mm.yyyy dates, Russian money, the step in words (ru and en)', async () => {
    const { w } = mountSection()
    await flushPromises()
    expect(byId(w, 'review-title').text()).toBe('Ждут проверки — 09.12.2026')
    const card = byId(w, 'review-item-1')
    expect(card.find('[data-testid="review-counterparty"]').text()).toBe('ООО Ромашка')
    expect(card.find('[data-testid="review-invoices"]').text()).toContain(
      '№ A-1 от 09.11.2026, срок 29.11.2026, остаток 12\u00a0345,67\u00a0₽, просрочка 10 дн.',
    )
    expect(card.find('[data-testid="review-channels"]').text()).toBe('e-mail, Telegram')
    expect(card.text()).toContain('через 10 рабочих дней после срока')
    expect(byId(w, 'review-send-all').text()).toBe('Отправить все (2)')
    w.unmount()
    const en = mountSection({ lang: 'en' })
    await flushPromises()
    expect(byId(en.w, 'review-title').text()).toBe(
      `${reviewDict.en.listTitle.replace('{day}', formatDay('2026-12-09', 'en'))}`,
    )
    expect(byId(en.w, 'review-item-1').text()).toContain(
      `No. A-1 of ${formatDay('2026-11-09', 'en')}, due ${formatDay('2026-11-29', 'en')}`,
    )
    expect(byId(en.w, 'review-item-1').text()).toContain('10 working days after the due date')
    en.w.unmount()
  })

  it('sends one, skips one, saves an edited text and sends all; the list follows the server', async () => {
    const { w, calls } = mountSection({ items: [item(1), item(2), item(3)] })
    await flushPromises()
    await byId(w, 'review-item-2-body').setValue('Оплатите, пожалуйста, до пятницы.')
    expect(byId(w, 'review-item-2-send').attributes('disabled')).toBeDefined() // save the text first
    await byId(w, 'review-item-2-save').trigger('click')
    await flushPromises()
    await byId(w, 'review-item-1-send').trigger('click')
    await flushPromises()
    await byId(w, 'review-item-3-skip').trigger('click')
    await flushPromises()
    expect(calls).toEqual([
      {
        path: '/admin/dunning-review/2/edit',
        method: 'POST',
        body: { subject: 'Напоминание: счёт № A-1', body: 'Оплатите, пожалуйста, до пятницы.' },
      },
      { path: '/admin/dunning-review/1/send', method: 'POST', body: {} },
      { path: '/admin/dunning-review/3/skip', method: 'POST', body: {} },
    ])
    expect(byId(w, 'review-item-1').exists()).toBe(false)
    expect(byId(w, 'review-item-3').exists()).toBe(false)
    await byId(w, 'review-send-all').trigger('click')
    await flushPromises()
    expect(byId(w, 'review-notice').text()).toContain('Отправлено: 1')
    expect(byId(w, 'review-empty').text()).toBe(reviewDict.ru.empty)
    w.unmount()
  })

  it('changing the step asks the server to compose that step', async () => {
    const { w, calls } = mountSection({ items: [item(1)] })
    await flushPromises()
    const select = w.findAllComponents({ name: 'NativeSelect' }).find((c) => c.props('modelValue') === 'r.after-10')!
    select.vm.$emit('update:modelValue', 'r.after-20')
    await flushPromises()
    select.vm.$emit('update:modelValue', 'r.after-10') // the same step again: nothing to ask
    await flushPromises()
    expect(calls).toEqual([{ path: '/admin/dunning-review/1/edit', method: 'POST', body: { stepKey: 'r.after-20' } }])
    w.unmount()
  })

  it('shows the server refusal in the page language and keeps the line', async () => {
    const { w } = mountSection({ refuse: '/1/send' })
    await flushPromises()
    await byId(w, 'review-item-1-send').trigger('click')
    await flushPromises()
    expect(byId(w, 'review-error').text()).toContain('уже отправлено')
    expect(byId(w, 'review-item-1').exists()).toBe(true)
    w.unmount()
  })

  it('saves the setting: segments and the release hour', async () => {
    const { w, calls } = mountSection()
    await flushPromises()
    await byId(w, 'review-seg-normal').setValue(true)
    await byId(w, 'review-save').trigger('click')
    await flushPromises()
    expect(calls).toEqual([
      {
        path: '/admin/dunning-review/settings',
        method: 'PUT',
        body: { segments: ['high', 'normal'], releaseHour: 12 },
      },
    ])
    expect(byId(w, 'review-saved').exists()).toBe(true)
    w.unmount()
  })
})
