import { describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../../app/api.ts'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import type { DunningRulesForm } from '../dunning-types.ts'
import DunningSettings from './DunningSettings.vue'

const ladder = (id: string) => ({
  id,
  steps: [
    {
      id: 'd0',
      anchor: 'due' as const,
      offset: 0,
      unit: 'working' as const,
      dayOff: 'next' as const,
      channels: ['email' as const],
      template: 'overdue',
    },
  ],
  tail: null,
  window: { from: '10:00', to: '17:00' },
})
const settings = (): DunningRulesForm => ({
  ladders: [ladder('standard'), ladder('soft')],
  templates: { overdue: { ru: { subject: 'Счёт', body: 'Оплатите' } } },
  rules: [
    {
      id: 'normal',
      riskSegment: 'normal',
      ladder: 'standard',
      escalation: [
        {
          id: 'esc-1',
          daysOverdue: 3,
          moveToOverdue: true,
          tasks: [{ title: 'Call', hours: 8 }],
          notifyHead: false,
          openClaim: false,
        },
      ],
    },
  ],
  headOfSalesId: null,
  lawyerId: 7,
  legalNotifyIds: [],
  paymentDetails: '',
  catchUpDays: 3,
})

type Person = { id: number; name: string }
function mountSettings(pickUser?: () => Promise<Person | null>, pickUsers?: () => Promise<Person[]>) {
  const puts: DunningRulesForm[] = []
  const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
    if (path === '/dunning/settings' && init.method === 'PUT') {
      const body = JSON.parse(JSON.stringify(init.body)) as DunningRulesForm
      if (body.rules.some((r) => r.ladder === 'gone'))
        throw new ApiCallError(
          400,
          'dunning.invalid-rules',
          'invalid dunning settings: rules[0].ladder: unknown ladder "gone"',
        )
      puts.push(body)
      return body
    }
    if (path === '/dunning/settings') return settings()
    if (path === '/dunning/templates/preview') return { subject: 's', body: 'b', variables: [] }
    throw new ApiCallError(404, 'x', 'x')
  }) as Api
  const t = translator(dict, 'en')
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(DunningSettings, { api, t, failed: (e: unknown) => (e as Error).message, pickUser, pickUsers }),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, puts }
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
type Inst = { vnode: { props: Record<string, unknown> | null }; parent: Inst | null }
/** Pick an item of a NativeSelect: the v-model update choosing an option makes, sent by the
 * nearest component around the trigger that has `items` and a v-model listener. */
async function choose(w: VueWrapper, id: string, value: string) {
  let c = (byId(w, id).element as unknown as { __vueParentComponent: Inst }).__vueParentComponent as Inst | null
  while (c && !(c.vnode.props?.items && c.vnode.props['onUpdate:modelValue'])) c = c.parent
  ;(c!.vnode.props!['onUpdate:modelValue'] as (v: string) => void)(value)
  await flushPromises()
}

describe('risk segments and escalation timers', () => {
  it('adds a narrowed rule with escalation steps and tasks, picks people, saves it as the server expects', async () => {
    const { w, puts } = mountSettings(
      async () => ({ id: 42, name: 'Ivan Petrov' }),
      async () => [
        { id: 42, name: 'Ivan Petrov' },
        { id: 43, name: 'Olga Lawyer' },
      ],
    )
    await flushPromises()
    expect(w.findAll('[data-testid^="rule-"][data-testid$="-ladder"]')).toHaveLength(1)
    await byId(w, 'rule-add').trigger('click')
    await choose(w, 'rule-1-segment', 'high')
    await choose(w, 'rule-1-ladder', 'soft')
    await byId(w, 'rule-1-cp-segment').setValue('VIP')
    await byId(w, 'rule-1-min-debt').setValue('150 000,50')
    await byId(w, 'rule-1-esc-0-remove').trigger('click') // the copied step goes, a new one comes
    await byId(w, 'rule-1-esc-add').trigger('click')
    await byId(w, 'rule-1-esc-0-days').setValue('5')
    await byId(w, 'rule-1-esc-0-days').trigger('blur') // the number input commits on blur
    await byId(w, 'rule-1-esc-0-openClaim').trigger('click')
    await byId(w, 'rule-1-esc-0-add-task').trigger('click')
    await byId(w, 'rule-1-esc-0-task-0-title').setValue('Call the director')
    await byId(w, 'people-head-pick').trigger('click')
    await flushPromises()
    expect(byId(w, 'people-head').text()).toBe('Ivan Petrov')
    expect(byId(w, 'people-form').find('input[inputmode="numeric"]').exists()).toBe(false) // nothing to type
    await byId(w, 'people-notify-pick').trigger('click')
    await flushPromises()
    expect(w.findAll('[data-testid="people-notify-person"]').map((p) => p.text())).toEqual([
      expect.stringContaining('Ivan Petrov'),
      expect.stringContaining('Olga Lawyer'),
    ])
    await byId(w, 'people-notify-remove-42').trigger('click')
    await byId(w, 'people-payment-details').setValue('р/с 40702810000000000001')
    await byId(w, 'dunning-save').trigger('click')
    await flushPromises()
    expect(byId(w, 'dunning-saved').exists()).toBe(true)
    const sent = puts.at(-1)!
    expect(sent.rules[0]).toEqual(settings().rules[0])
    expect(sent.rules[1]).toMatchObject({
      riskSegment: 'high',
      ladder: 'soft',
      counterpartySegment: 'VIP',
      minDebt: 150_000_50,
    })
    expect(sent.rules[1]).not.toHaveProperty('legalEntity')
    expect(sent.rules[1].id).toMatch(/^[a-z0-9][a-z0-9-]*$/)
    expect(sent.rules[1].escalation).toEqual([
      {
        id: expect.stringMatching(/^e[a-z0-9-]+$/),
        daysOverdue: 5,
        moveToOverdue: true,
        tasks: [{ title: 'Call the director', hours: 8 }],
        notifyHead: false,
        openClaim: true,
      },
    ])
    expect(sent).toMatchObject({
      headOfSalesId: 42,
      lawyerId: 7,
      legalNotifyIds: [43],
      paymentDetails: 'р/с 40702810000000000001',
      catchUpDays: 3,
    })
    w.unmount()
  }, 15_000)

  it("refuses to save a bad amount or user id until fixed; shows the server's reason", async () => {
    const { w, puts } = mountSettings()
    await flushPromises()
    expect(byId(w, 'people-head-pick').exists()).toBe(false) // no picker outside the portal
    await byId(w, 'rule-0-min-debt').setValue('12,345')
    await byId(w, 'people-lawyer').setValue('seven')
    expect(byId(w, 'rule-0').text()).toContain('an amount in roubles')
    await byId(w, 'dunning-save').trigger('click')
    await flushPromises()
    expect(byId(w, 'dunning-problem').text()).toContain('Fix the marked fields')
    expect(puts).toHaveLength(0)
    await byId(w, 'rule-0-min-debt').setValue('')
    await byId(w, 'people-lawyer').setValue('')
    await choose(w, 'rule-0-ladder', 'gone')
    await byId(w, 'dunning-save').trigger('click')
    await flushPromises()
    expect(byId(w, 'dunning-problem').text()).toContain('unknown ladder "gone"')
    await choose(w, 'rule-0-ladder', 'standard')
    await byId(w, 'rule-0-remove').trigger('click')
    await byId(w, 'dunning-save').trigger('click')
    await flushPromises()
    expect(puts.at(-1)).toMatchObject({ rules: [], lawyerId: null })
    w.unmount()
  }, 15_000)

  it('the call mode: a call task by default, the portal callback when switched on', async () => {
    const { w, puts } = mountSettings()
    await flushPromises()
    const sw = byId(w, 'people-callback')
    const box = sw.attributes('role') === 'switch' ? sw : sw.find('[role="switch"]')
    expect(box.attributes('aria-checked')).toBe('false')
    expect(byId(w, 'people-form').text()).toContain("A call step is the portal's telephony callback")
    await box.trigger('click')
    await byId(w, 'dunning-save').trigger('click')
    await flushPromises()
    expect(puts.at(-1)).toMatchObject({ callMode: 'callback' })
    w.unmount()
  }, 15_000)
})
