import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import FilePickButton from './FilePickButton.vue'

const SRC = join(import.meta.dirname, '..', '..')

describe('a file chosen with a button in the portal language', () => {
  it("hides the browser's input, opens it from the button, shows the chosen name and hands the file on", async () => {
    const w = mount(FilePickButton, {
      props: { label: 'Выбрать файл', accept: '.docx', testid: 'f' },
      global: { plugins: [b24UiPlugin] },
      attachTo: document.body,
    })
    const input = w.find<HTMLInputElement>('[data-testid="f"]')
    expect(input.attributes('type')).toBe('file')
    expect(input.classes()).toContain('hidden')
    expect(w.find('[data-testid="f-choose"]').text()).toBe('Выбрать файл')
    expect(w.find('[data-testid="f-name"]').exists()).toBe(false)
    let opened = 0
    input.element.addEventListener('click', () => opened++)
    await w.find('[data-testid="f-choose"]').trigger('click')
    expect(opened).toBe(1)
    const file = new File(['x'], 'договор.docx')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    expect(w.emitted('picked')).toEqual([[file]])
    expect(w.find('[data-testid="f-name"]').text()).toBe('договор.docx')
    w.unmount()
  })

  it('shows no name when the form shows it itself', async () => {
    const w = mount(FilePickButton, {
      props: { label: 'Upload', accept: '.pdf', testid: 'g', showName: false },
      global: { plugins: [b24UiPlugin] },
    })
    const input = w.find<HTMLInputElement>('[data-testid="g"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], 'a.pdf')], configurable: true })
    await input.trigger('change')
    expect(w.emitted('picked')).toHaveLength(1)
    expect(w.find('[data-testid="g-name"]').exists()).toBe(false)
    w.unmount()
  })

  it('is the only file input of the app (a bare one would speak the browser language)', () => {
    const vue = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.vue'))
    const bare = vue.filter((f) => /type=["']file["']/.test(readFileSync(join(SRC, f), 'utf8')))
    expect(bare).toEqual([join('components', 'files', 'FilePickButton.vue')])
  })
})
