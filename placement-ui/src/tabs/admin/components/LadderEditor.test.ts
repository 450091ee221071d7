import { describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import type { LadderForm } from '../dunning-types.ts'
import LadderEditor from './LadderEditor.vue'

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const ladder = () =>
  reactive<LadderForm>({
    id: 'standard',
    steps: [
      { id: 'due', anchor: 'due', offset: 0, unit: 'working', dayOff: 'next', channels: ['email'], template: 'due' },
    ],
    tail: null,
    window: { from: '10:00', to: '17:00' },
  })
function mountEditor(l: LadderForm, lang: 'ru' | 'en') {
  return mount(
    defineComponent(
      () => () =>
        h(B24App, null, () => h(LadderEditor, { ladder: l, templates: ['due', 'overdue'], t: translator(dict, lang) })),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}
const box = (w: VueWrapper, c: string) => byId(w, `ladder-standard-channel-0-${c}`)

describe('ladder editor channels', () => {
  it('offers the open line and the call beside e-mail, Telegram and notify, and toggles them on a step', async () => {
    const l = ladder()
    const w = mountEditor(l, 'ru')
    const row = byId(w, 'ladder-standard-step-0').text()
    for (const word of ['эл. почта', 'Telegram', 'уведомл.', 'открытая линия', 'звонок']) expect(row).toContain(word)
    expect(byId(w, 'ladder-standard-channels-hint').text()).toContain('WhatsApp')
    await box(w, 'openline').trigger('click')
    await box(w, 'call').trigger('click')
    expect(l.steps[0].channels).toEqual(['email', 'openline', 'call'])
    await box(w, 'email').trigger('click')
    await box(w, 'openline').trigger('click')
    expect(l.steps[0].channels).toEqual(['call'])
    w.unmount()
  })

  it('names the channels in English for an English portal', () => {
    const w = mountEditor(ladder(), 'en')
    const row = byId(w, 'ladder-standard-step-0').text()
    for (const word of ['e-mail', 'open line', 'call']) expect(row).toContain(word)
    expect(byId(w, 'ladder-standard-channels-hint').text()).toContain('imopenlines')
    w.unmount()
  })
})
