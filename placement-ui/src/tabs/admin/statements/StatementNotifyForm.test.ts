import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../../app/api.ts'
import type { StatementSettingsDto } from '../../../../../contracts/statement-settings.ts'
import { statementSettingsDict } from './statement-settings-i18n.ts'
import StatementNotifyForm from './StatementNotifyForm.vue'

function mountForm(o: { stored?: number[]; lang?: 'ru' | 'en'; pick?: { id: number; name: string }[] } = {}) {
  const puts: unknown[] = []
  let stored = o.stored ?? []
  const view = (): StatementSettingsDto => ({
    stored: { notifyIds: stored },
    effective: stored.length ? stored : [5],
    defaults: { chiefAccountant: 5, juniorAccountant: null },
  })
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    if (path !== '/admin/statement-settings') throw new ApiCallError(404, 'x', 'x')
    if (init.method === 'PUT') {
      puts.push(init.body)
      stored = (init.body as { notifyIds: number[] }).notifyIds
      return view()
    }
    return view()
  }) as Api
  const userNames = async (ids: number[]) => new Map(ids.map((id) => [id, id === 5 ? 'Ольга Главбух' : `User ${id}`]))
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(StatementNotifyForm, {
            api,
            lang: o.lang ?? 'en',
            failed: (e: unknown) => (e as Error).message,
            userNames,
            ...(o.pick ? { pickUsers: async () => o.pick! } : {}),
          }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, puts }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('who hears about statement lines (admin form)', () => {
  it('shows the default accountants by name when nobody is chosen (ru and en)', async () => {
    for (const lang of ['ru', 'en'] as const) {
      const { w } = mountForm({ lang })
      await flushPromises()
      expect(byId(w, 'statement-notify').text()).toContain(statementSettingsDict[lang].title)
      expect(byId(w, 'statement-notify').text()).toContain(
        statementSettingsDict[lang].byDefault.replace('{names}', 'Ольга Главбух'),
      )
      w.unmount()
    }
  })

  it('in the portal: people by name from the multiple picker, no id to type; removes, saves the list', async () => {
    const { w, puts } = mountForm({
      stored: [7],
      pick: [
        { id: 7, name: 'User 7' },
        { id: 42, name: 'Ivan Petrov' },
      ],
    })
    await flushPromises()
    expect(byId(w, 'sn-id').exists()).toBe(false)
    await byId(w, 'sn-pick').trigger('click')
    await flushPromises()
    expect(w.findAll('[data-testid="sn-person"]').map((p) => p.text())).toEqual([
      expect.stringContaining('User 7'),
      expect.stringContaining('Ivan Petrov'),
    ])
    await byId(w, 'sn-remove-7').trigger('click')
    await byId(w, 'sn-save').trigger('click')
    await flushPromises()
    expect(puts).toEqual([{ notifyIds: [42] }])
    expect(byId(w, 'sn-saved').exists()).toBe(true)
    w.unmount()
  })

  it('outside the portal: adds people by id, refuses a bad id and a repeat, removes, saves the list', async () => {
    const { w, puts } = mountForm({ stored: [7] })
    await flushPromises()
    expect(byId(w, 'sn-pick').exists()).toBe(false)
    expect(w.findAll('[data-testid="sn-person"]').map((p) => p.text())).toEqual([expect.stringContaining('User 7')])
    await byId(w, 'sn-id').setValue('abc')
    await byId(w, 'sn-add').trigger('click')
    expect(byId(w, 'sn-problem').text()).toContain('positive whole number')
    await byId(w, 'sn-id').setValue('7')
    await byId(w, 'sn-add').trigger('click')
    expect(byId(w, 'sn-problem').text()).toContain('already on the list')
    await byId(w, 'sn-id').setValue('9')
    await byId(w, 'sn-add').trigger('click')
    await flushPromises()
    expect(w.findAll('[data-testid="sn-person"]').map((p) => p.text())).toEqual([
      expect.stringContaining('User 7'),
      expect.stringContaining('User 9'),
    ])
    await byId(w, 'sn-remove-7').trigger('click')
    await byId(w, 'sn-save').trigger('click')
    await flushPromises()
    expect(puts).toEqual([{ notifyIds: [9] }])
    expect(byId(w, 'sn-saved').exists()).toBe(true)
    w.unmount()
  })
})
