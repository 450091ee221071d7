import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../../app/api.ts'
import type { ClaimSettingsDto, ClaimSettingsInputDto } from '../../../../../contracts/claim-settings.ts'
import { claimSettingsDict } from './claim-settings-i18n.ts'
import ClaimSettingsForm from './ClaimSettingsForm.vue'

const view = (stored: ClaimSettingsDto['stored']): ClaimSettingsDto => ({
  stored,
  effective: {
    accountantId: stored.accountantId ?? 5,
    taskDaysBefore: stored.taskDaysBefore ?? 2,
    specialistId: stored.specialistId,
  },
  defaults: {
    accountant: { role: 'juniorAccountant', userId: 5 },
    specialist: { role: null, userId: null },
    taskDaysBefore: 2,
  },
})

function mountForm(inPortal = true) {
  const puts: ClaimSettingsInputDto[] = []
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    if (path !== '/admin/claim-settings') throw new ApiCallError(404, 'x', 'x')
    if (init.method !== 'PUT') return view({ accountantId: null, taskDaysBefore: null, specialistId: null })
    const b = JSON.parse(JSON.stringify(init.body)) as ClaimSettingsInputDto
    if (b.specialistId === 666) throw new ApiCallError(400, 'settings.invalid', 'specialistId must be a portal user id')
    puts.push(b)
    return view(b)
  }) as Api
  const userNames = async (ids: number[]) => new Map(ids.filter((id) => id === 5).map((id) => [id, 'Анна Бухгалтер']))
  const pickUser = async () => ({ id: 42, name: 'Мария Выплатная' })
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(ClaimSettingsForm, {
            api,
            lang: 'ru',
            failed: (e: unknown) => (e as Error).message,
            userNames,
            ...(inPortal ? { pickUser } : {}),
          }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, puts }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('claim settings form', () => {
  it('has the same words in ru and en', () => {
    expect(Object.keys(claimSettingsDict.en).sort()).toEqual(Object.keys(claimSettingsDict.ru).sort())
  })

  it("shows the defaults, saves a picked accountant and the days, shows the server's reason", async () => {
    const { w, puts } = mountForm()
    await flushPromises()
    const text = () => byId(w, 'claim-settings').text()
    expect(text()).toContain('По умолчанию: Анна Бухгалтер — бухгалтер из ролей согласования')
    expect(text()).toContain('в ролях согласования нет юриста')
    expect((byId(w, 'cs-days').element as HTMLInputElement).value).toBe('2')
    expect(byId(w, 'claim-settings').find('input[inputmode="numeric"]').exists()).toBe(false) // nothing to type
    expect(byId(w, 'cs-accountant').text()).toBe('по умолчанию')
    await byId(w, 'cs-accountant-pick').trigger('click')
    await flushPromises()
    expect(byId(w, 'cs-accountant').text()).toBe('Мария Выплатная')
    expect(text()).not.toContain('Анна Бухгалтер') // the default's line goes once someone is chosen
    await byId(w, 'cs-days').setValue('5')
    await byId(w, 'cs-days').trigger('blur')
    await byId(w, 'cs-save').trigger('click')
    await flushPromises()
    expect(puts).toEqual([{ accountantId: 42, taskDaysBefore: 5, specialistId: null }])
    expect(byId(w, 'cs-saved').exists()).toBe(true)
    w.unmount()
  })

  it("outside the portal an id is typed: a typo is caught before the server, the server's reason is shown", async () => {
    const { w, puts } = mountForm(false)
    await flushPromises()
    expect(byId(w, 'cs-accountant-pick').exists()).toBe(false)
    await byId(w, 'cs-specialist').setValue('abc')
    await byId(w, 'cs-save').trigger('click')
    expect(byId(w, 'cs-problem').text()).toContain('«Специалист по претензиям»: ID сотрудника')
    await byId(w, 'cs-specialist').setValue('666')
    await byId(w, 'cs-save').trigger('click')
    await flushPromises()
    expect(byId(w, 'cs-problem').text()).toContain('specialistId must be a portal user id')
    expect(puts).toHaveLength(0)
    w.unmount()
  })
})
