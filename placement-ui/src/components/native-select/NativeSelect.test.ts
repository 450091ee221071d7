import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import B24FormField from '@bitrix24/b24ui-nuxt/components/FormField.vue'
import NativeSelect from './NativeSelect.vue'

function mountSelect(initial: number | null, placeholder?: string) {
  const value = ref<number | null>(initial)
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () =>
          h(B24FormField, { label: 'Ответственный' }, () =>
            h(NativeSelect<number | null>, {
              modelValue: value.value,
              'onUpdate:modelValue': (v: number | null | undefined) => (value.value = v ?? null),
              items: [
                { label: 'Иван Петров', value: 42 },
                { label: 'Ольга Юрист', value: 43 },
              ],
              placeholder,
              'data-testid': 'who',
            }),
          ),
        ),
    ),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return { w, value }
}

describe('NativeSelect', () => {
  it('shows the chosen item by name and gives back its value with its type', async () => {
    const { w, value } = mountSelect(42)
    await flushPromises()
    const select = w.find<HTMLSelectElement>('[data-testid="who"]')
    expect(select.element.selectedOptions[0].textContent).toBe('Иван Петров')
    await select.setValue('1')
    expect(value.value).toBe(43)
    await flushPromises()
    expect(select.element.selectedOptions[0].textContent).toBe('Ольга Юрист')
  })

  it('shows the placeholder while nothing is chosen, and is labelled by its form field', async () => {
    const { w } = mountSelect(null, 'Выберите сотрудника')
    await flushPromises()
    const select = w.find<HTMLSelectElement>('[data-testid="who"]')
    expect(select.element.selectedOptions[0].textContent).toBe('Выберите сотрудника')
    expect(select.element.selectedOptions[0].disabled).toBe(true)
    const label = w.find('label')
    expect(label.text()).toContain('Ответственный')
    expect(label.attributes('for')).toBe(select.attributes('id'))
  })
})
