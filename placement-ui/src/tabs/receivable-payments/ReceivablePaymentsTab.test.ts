import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../app/api.ts'
import type { TabContext } from '../../app/tab-context.ts'
import type { FrameContext } from '../../app/frame.ts'
import type { ReceivableDetailDto, ReceivableRowDto } from '../../../../contracts/receivables.ts'
import ReceivablePaymentsTab from './ReceivablePaymentsTab.vue'
import { dict } from './i18n.ts'

const detail = (clashes: ReceivableDetailDto['numberClashes']): ReceivableDetailDto => ({
  today: '2026-12-09',
  receivable: { id: 5, invoiceNumber: 'INV-7', invoiceDate: '2026-11-20' } as ReceivableRowDto,
  counterparty: { id: 2, type: 'company', entityId: 12, name: 'ООО Одуванчик', inn: null },
  totals: { total: 50_000, paid: 0, remaining: 50_000, advance: 0, lastPayment: null },
  payments: [],
  audit: [],
  numberClashes: clashes,
})

function mountTab(d: ReceivableDetailDto, lang: 'ru' | 'en') {
  const api = (async (path: string) => (path.startsWith('/items/') ? { receivableId: 5 } : d)) as Api
  const ctx: TabContext = {
    api,
    lang,
    frame: { placement: 'CRM_DYNAMIC_1040_DETAIL_TAB', entityId: '40' } as FrameContext,
  }
  return mount(
    defineComponent(() => () => h(B24App, null, () => h(ReceivablePaymentsTab, { ctx }))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}

describe('receivable card: a number our legal entity already used this year', () => {
  it('warns naming the other invoice (ru and en), and says nothing when the number is unique', async () => {
    expect(Object.keys(dict.ru).sort()).toEqual(Object.keys(dict.en).sort())
    const clash = { id: 1, invoiceNumber: 'INV-7', invoiceDate: '2026-11-02', counterpartyName: 'ООО Ромашка' }
    const ru = mountTab(detail([clash]), 'ru')
    await flushPromises()
    expect(ru.find('[data-testid="number-clash"]').text()).toContain(
      'уже есть счёт № INV-7 от 02.11.2026 (контрагент «ООО Ромашка»)',
    )
    ru.unmount()
    const en = mountTab(detail([clash]), 'en')
    await flushPromises()
    expect(en.find('[data-testid="number-clash"]').text()).toContain(
      'already has invoice INV-7 of 2026-11-02 this year (counterparty "ООО Ромашка")',
    )
    en.unmount()
    const none = mountTab(detail([]), 'en')
    await flushPromises()
    expect(none.find('[data-testid="number-clash"]').exists()).toBe(false)
    expect(none.find('[data-testid="totals"]').exists()).toBe(true)
    none.unmount()
  })
})
