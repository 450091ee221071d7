// A promise or a pause more than a year ahead is asked about once before it is sent.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { DunningReceivablePlanDto } from '../../../../../contracts/dunning.ts'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import PauseModal from './PauseModal.vue'
import PromiseModal from './PromiseModal.vue'

const t = translator(dict, 'ru')
const item = { receivableId: 31, remaining: 60_000_00 } as DunningReceivablePlanDto
let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})
function mountIn(component: unknown, initial: Record<string, unknown>) {
  const props = reactive(initial)
  wrapper = mount(
    defineComponent(() => () => h(B24App, null, () => h(component as never, props))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return props
}
const input = (sel: string, value: string) => {
  const el = document.querySelector<HTMLInputElement>(sel)!
  el.value = value
  el.dispatchEvent(new Event('input'))
}
const submit = async (testid: string) => {
  document.querySelector<HTMLFormElement>(`[data-testid="${testid}-form"]`)!.dispatchEvent(new Event('submit'))
  await flushPromises()
}
const text = (sel: string) => document.querySelector(sel)?.textContent ?? ''

describe('dates more than a year ahead', () => {
  it('a pause more than a year ahead asks once, then goes out', async () => {
    const sent: unknown[] = []
    const p = mountIn(PauseModal, {
      item: null,
      today: '2025-06-20',
      lang: 'ru',
      t,
      submit: async (_id: number, b: unknown) => void sent.push(b),
    })
    p.item = item
    await flushPromises()
    input('[data-testid="pause-until"]', '2026-06-21')
    input('[data-testid="pause-reason"]', 'Спор по акту')
    await flushPromises()
    await submit('pause')
    expect(sent).toEqual([])
    expect(text('[data-testid="pause-warning"]')).toContain('21.06.2026')
    await submit('pause')
    expect(sent).toEqual([{ until: '2026-06-21', reason: 'Спор по акту' }])
  })

  it('a promise within a year needs no confirmation; a year and a day ahead does', async () => {
    const sent: unknown[] = []
    const p = mountIn(PromiseModal, {
      item: null,
      today: '2025-06-20',
      lang: 'ru',
      t,
      submit: async (_id: number, b: unknown) => void sent.push(b),
    })
    p.item = item
    await flushPromises()
    input('[data-testid="promise-date"]', '2026-06-20')
    await flushPromises()
    await submit('promise')
    expect(sent).toEqual([{ date: '2026-06-20', amount: 60_000_00 }])
    p.item = null
    await flushPromises()
    p.item = { ...item }
    await flushPromises()
    input('[data-testid="promise-date"]', '2026-06-21')
    await flushPromises()
    await submit('promise')
    expect(sent).toHaveLength(1)
    expect(document.querySelector('[data-testid="promise-warning"]')).not.toBeNull()
  })
})
