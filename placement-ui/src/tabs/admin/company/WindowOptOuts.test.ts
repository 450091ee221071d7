import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../../app/api.ts'
import { crmPicker, pickedCrm } from '../../../app/crm-pick.ts'
import type { PortalFrame } from '../../../app/portal-frame/portal-frame.ts'
import { penaltyDict, penaltyT } from './penalty-i18n.ts'
import type { OptOut } from './penalty-form.ts'
import WindowOptOuts from './WindowOptOuts.vue'

const windows = [{ id: 'moratorium-2022', label: 'Мораторий 2022', from: '2022-04-01', to: '2022-10-01' }]

/** The form with the portal's selectCRM answering `answer` (the frame client's shape: lists per type), or outside the portal. */
function mountForm(answer: Record<string, unknown> | null) {
  const asked: unknown[] = []
  const frame = {
    selectCRM: async (params: unknown) => {
      asked.push(params)
      return answer
    },
  } as unknown as PortalFrame
  const optOuts = reactive<OptOut[]>([])
  const api = (async () => ({ debtors: [] })) as unknown as Api
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(WindowOptOuts, {
            api,
            optOuts,
            windows,
            t: penaltyT('ru'),
            failed: (e: unknown) => (e as Error).message,
            pickCrm: crmPicker(answer ? frame : undefined),
          }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, optOuts, asked }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('debtors opted out of no-accrual periods', () => {
  it('has the same words in ru and en', () => {
    expect(Object.keys(penaltyDict.en).sort()).toEqual(Object.keys(penaltyDict.ru).sort())
    expect(penaltyDict.en.pickInCrm).toBe('Pick in CRM')
  })

  it("adds the companies and contacts picked in the portal's CRM chooser, by name", async () => {
    const { w, optOuts, asked } = mountForm({
      company: [{ id: 'CO_12', type: 'company', title: 'ООО «Василёк»', url: '/crm/company/details/12/' }],
      contact: [{ id: 'C_5', type: 'contact', title: 'Иван Должников' }],
    })
    await flushPromises()
    expect(byId(w, 'pd-debtor-q').exists()).toBe(true) // the search stays
    expect(byId(w, 'pd-debtor-crm').text()).toBe('Выбрать в CRM')
    await byId(w, 'pd-debtor-crm').trigger('click')
    await flushPromises()
    expect(asked).toEqual([{ entityType: ['company', 'contact'], multiple: true }])
    expect(optOuts).toEqual([
      { entityType: 'company', entityId: 12, name: 'ООО «Василёк»', windowIds: ['moratorium-2022'] },
      { entityType: 'contact', entityId: 5, name: 'Иван Должников', windowIds: ['moratorium-2022'] },
    ])
    expect(byId(w, 'pd-opt-out-0').text()).toContain('ООО «Василёк»')
    expect(byId(w, 'pd-opt-out-1').text()).toContain('Иван Должников')
    expect(byId(w, 'pd-opt-outs').text()).not.toMatch(/#\s*(12|5)\b/) // names, no raw ids
    // picked again: no duplicate row
    await byId(w, 'pd-debtor-crm').trigger('click')
    await flushPromises()
    expect(optOuts).toHaveLength(2)
    w.unmount()
  })

  it('has no CRM button outside the portal; the search stays', async () => {
    const { w } = mountForm(null)
    await flushPromises()
    expect(byId(w, 'pd-debtor-q').exists()).toBe(true)
    expect(byId(w, 'pd-debtor-crm').exists()).toBe(false)
    w.unmount()
  })

  it('reads the buckets of a selectCRM answer: CO_/C_ ids, other buckets and odd ids dropped', () => {
    expect(
      pickedCrm({
        company: [{ id: 'CO_3', title: ' АО Ромашка ' }, { id: 'C_4', title: 'wrong bucket' }, { id: 'CO_x' }],
        contact: [{ id: 'C_7', title: '' }],
        ...{ lead: [{ id: 'L_1', title: 'Лид' }] },
      }),
    ).toEqual([
      { entityType: 'company', entityId: 3, name: 'АО Ромашка' },
      { entityType: 'contact', entityId: 7, name: null },
    ])
    expect(pickedCrm({})).toEqual([])
    expect(pickedCrm(null)).toEqual([])
  })
})
