import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../../app/api.ts'
import type { ReceivableSourceDto } from '../../../../../contracts/receivable-source.ts'
import ReceivableSourceForm from './ReceivableSourceForm.vue'

const stored: ReceivableSourceDto = {
  settings: { source: 'deals', stages: { '0': 'WON' } },
  pipelines: {
    deals: [
      {
        id: 0,
        name: 'Общая',
        stages: [
          { id: 'NEW', name: 'Новая' },
          { id: 'WON', name: 'Сделка успешна' },
        ],
      },
      { id: 3, name: 'Опт', stages: [{ id: 'C3:WON', name: 'Оплачено' }] },
    ],
    invoices: [],
  },
}

function mountForm(answer: (body: unknown) => unknown = (b) => ({ settings: b })) {
  const puts: unknown[] = []
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    expect(path).toBe('/admin/receivable-source')
    if (init.method !== 'PUT') return stored
    puts.push(init.body)
    return answer(init.body)
  }) as Api
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(ReceivableSourceForm, { api, lang: 'ru', failed: (e: unknown) => (e as Error).message }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, puts }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('invoices from deals form', () => {
  it('shows each pipeline with its stage by name and saves only the pipelines with a stage', async () => {
    const { w, puts } = mountForm()
    await flushPromises()
    expect(byId(w, 'receivable-source').text()).toContain('воронка «Общая»')
    expect(byId(w, 'receivable-source').text()).toContain('воронка «Опт»')
    expect(byId(w, 'rs-stage-0').text()).toContain('Сделка успешна')
    expect(byId(w, 'rs-stage-3').text()).toContain('Не создавать')
    await byId(w, 'rs-save').trigger('click')
    await flushPromises()
    expect(puts).toEqual([{ source: 'deals', stages: { '0': 'WON' } }])
    expect(byId(w, 'rs-saved').exists()).toBe(true)
    w.unmount()
  })

  it('shows the server refusal and keeps the form', async () => {
    const { w } = mountForm(() => {
      throw new Error('В воронке «Общая» нет стадии «WON»')
    })
    await flushPromises()
    await byId(w, 'rs-save').trigger('click')
    await flushPromises()
    expect(byId(w, 'rs-problem').text()).toContain('нет стадии')
    expect(byId(w, 'rs-saved').exists()).toBe(false)
    w.unmount()
  })
})
