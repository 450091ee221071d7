import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import type { Api } from '../../../app/api.ts'
import ReconciliationActPanel from './ReconciliationActPanel.vue'

function fakeApi(answer: (path: string, body: unknown) => unknown) {
  const calls: { path: string; method?: string; body?: unknown }[] = []
  const api = (async (path: string, init?: { method?: string; body?: unknown }) => {
    calls.push({ path, method: init?.method, body: init?.body })
    if (path.endsWith('/contracts'))
      return { groups: [{ contract: { id: 5, number: 'Д-7' } }, { contract: null }] } as never
    return answer(path, init?.body) as never
  }) as Api
  return { api, calls }
}

const act = {
  id: 3,
  number: 'АС-2026/3',
  date: '2026-12-09',
  from: '2026-01-01',
  to: '2026-12-09',
  opening: 7_000_100,
  debit: 3_333_333,
  credit: 11_500_000,
  closing: -1_166_567,
  rows: 6,
  pdfUrl: '/files/reconciliation-acts/pdf/3?m=a&e=1&s=x',
  xlsxUrl: '/files/reconciliation-acts/xlsx/3?m=a&e=1&s=x',
}

describe('ReconciliationActPanel', () => {
  it('posts the period for all contracts and shows the act with its links', async () => {
    const { api, calls } = fakeApi(() => act)
    const w = mount(ReconciliationActPanel, {
      props: { api, cp: { type: 'company', id: 12 }, lang: 'ru', today: '2026-12-09' },
      global: { plugins: [b24UiPlugin] },
    })
    await flushPromises()
    await w.find('[data-testid="act-make"]').trigger('click')
    await flushPromises()
    expect(calls.at(-1)).toEqual({
      path: '/counterparties/company/12/reconciliation-acts',
      method: 'POST',
      body: { from: '2026-01-01', to: '2026-12-09' },
    })
    const text = w.find('[data-testid="act-result"]').text().replace(/\s+/g, ' ')
    expect(text).toContain('Акт № АС-2026/3')
    expect(text).toContain('(аванс контрагента)')
    expect(w.find('[data-testid="act-pdf"]').attributes('href')).toBe(act.pdfUrl)
    expect(w.find('[data-testid="act-xlsx"]').attributes('href')).toBe(act.xlsxUrl)
  })

  it('shows the server error and no links', async () => {
    const { api } = fakeApi(() => {
      throw new Error('Our legal entity is missing: fill in the requisites in the app settings')
    })
    const w = mount(ReconciliationActPanel, {
      props: { api, cp: { type: 'contact', id: 4 }, lang: 'en', today: '2026-12-09' },
      global: { plugins: [b24UiPlugin] },
    })
    await flushPromises()
    await w.find('[data-testid="act-make"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="act-error"]').text()).toContain('Our legal entity is missing')
    expect(w.find('[data-testid="act-result"]').exists()).toBe(false)
  })
})
