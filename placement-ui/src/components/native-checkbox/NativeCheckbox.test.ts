import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import NativeCheckbox from './NativeCheckbox.vue'

describe('NativeCheckbox', () => {
  it('shows its state with the tick, toggles on a click, and is labelled', async () => {
    const on = ref(false)
    const w = mount(
      defineComponent(
        () => () =>
          h(NativeCheckbox, {
            modelValue: on.value,
            'onUpdate:modelValue': (v: boolean) => (on.value = v),
            label: 'Не напоминать',
            'data-testid': 'quiet',
          }),
      ),
      { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
    )
    const box = w.find<HTMLInputElement>('input[type="checkbox"][data-testid="quiet"]')
    expect(box.element.checked).toBe(false)
    expect(w.find('[data-slot="indicator"]').exists()).toBe(false)
    await box.setValue(true)
    expect(on.value).toBe(true)
    expect(w.find('[data-slot="indicator"]').exists()).toBe(true)
    const label = w.find('label')
    expect(label.text()).toBe('Не напоминать')
    expect(label.attributes('for')).toBe(box.attributes('id'))
    ;(box.element as HTMLInputElement).click()
    await w.vm.$nextTick()
    expect(on.value).toBe(false)
    w.unmount()
  })
})
