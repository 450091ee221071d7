import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../../app/api.ts'
import { translator } from '../../../app/i18n.ts'
import { dict as adminDict } from '../i18n.ts'
import StatusDaysForm from './StatusDaysForm.vue'

function mountForm() {
  const puts: unknown[] = []
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    expect(path).toBe('/admin/receivable-statuses')
    if (init.method !== 'PUT') return { dueSoonDays: 5, stuckDays: 14 }
    puts.push(init.body)
    return init.body
  }) as Api
  const t = translator(adminDict, 'ru')
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () => h(StatusDaysForm, { api, lang: 'ru', t, failed: (e: unknown) => (e as Error).message })),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, puts }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const inputOf = (w: VueWrapper, id: string) => {
  const el = byId(w, id)
  return el.element.tagName === 'INPUT' ? el : el.find('input')
}

describe('invoice status days form', () => {
  it('shows the stored days, refuses a bad number without sending, saves whole days', async () => {
    const { w, puts } = mountForm()
    await flushPromises()
    const due = inputOf(w, 'status-due-soon-days')
    const stuck = inputOf(w, 'status-stuck-days')
    expect((due.element as HTMLInputElement).value).toBe('5')
    expect((stuck.element as HTMLInputElement).value).toBe('14')
    await stuck.setValue('0')
    await byId(w, 'status-days-save').trigger('click')
    await flushPromises()
    expect(byId(w, 'status-days-problem').text()).toContain('от 1 до 365')
    expect(puts).toEqual([])
    await stuck.setValue('21')
    await byId(w, 'status-days-save').trigger('click')
    await flushPromises()
    expect(puts).toEqual([{ dueSoonDays: 5, stuckDays: 21 }])
    expect(byId(w, 'status-days-problem').exists()).toBe(false)
    w.unmount()
  })
})
