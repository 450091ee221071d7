import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { useSettingsForm, type SaveAnswer } from './use-settings-form.ts'

type Form = { name: string }

function harness(o: { load: () => Promise<Form>; save: (f: Form) => Promise<SaveAnswer<Form>> }) {
  let state!: ReturnType<typeof useSettingsForm<Form>>
  mount(
    defineComponent({
      setup() {
        state = useSettingsForm<Form>({ initial: { name: '' }, ...o, failed: (e) => `failed: ${(e as Error).message}` })
        return () => h('div')
      },
    }),
  )
  return () => state
}

describe('useSettingsForm', () => {
  it('loads the form when mounted and keeps what the server answers to a save', async () => {
    const sent: Form[] = []
    const s = harness({
      load: async () => ({ name: 'loaded' }),
      save: async (f) => (sent.push({ ...f }), { name: f.name.trim() }),
    })
    await flushPromises()
    expect(s().form.value).toEqual({ name: 'loaded' })
    s().form.value.name = ' edited '
    await s().save()
    expect(sent).toEqual([{ name: ' edited ' }])
    expect([s().form.value.name, s().saved.value, s().error.value]).toEqual(['edited', true, null])
  })

  it('shows a failed load or save in words and keeps the edits; a good save clears the error', async () => {
    let fail = true
    const s = harness({
      load: async () => Promise.reject(new Error('offline')),
      save: async (f) => {
        if (fail) throw new Error('refused')
        return f
      },
    })
    await flushPromises()
    expect([s().form.value, s().error.value]).toEqual([{ name: '' }, 'failed: offline'])
    s().form.value.name = 'mine'
    await s().save()
    expect([s().form.value.name, s().saved.value, s().error.value]).toEqual(['mine', false, 'failed: refused'])
    fail = false
    await s().save()
    expect([s().saved.value, s().error.value]).toEqual([true, null])
  })

  it('a save that sends nothing (null) changes nothing and is not "saved"', async () => {
    const s = harness({ load: async () => ({ name: 'a' }), save: async () => null })
    await flushPromises()
    s().form.value.name = 'b'
    await s().save()
    expect([s().form.value.name, s().saved.value]).toEqual(['b', false])
  })

  it('a save that answers in words sends nothing and shows the words; busy while a save is under way', async () => {
    let release!: (f: Form) => void
    const s = harness({
      load: async () => ({ name: 'a' }),
      save: async (f) => (f.name ? new Promise<Form>((r) => (release = r)) : 'name needed'),
    })
    await flushPromises()
    s().form.value.name = ''
    await s().save()
    expect([s().error.value, s().saved.value, s().busy.value]).toEqual(['name needed', false, false])
    s().form.value.name = 'b'
    const pending = s().save()
    expect(s().busy.value).toBe(true)
    release({ name: 'B' })
    await pending
    expect([s().form.value.name, s().error.value, s().saved.value, s().busy.value]).toEqual(['B', null, true, false])
  })

  it('saveWith saves another way with the same rows, and reload reads the server again', async () => {
    let stored = 'a'
    const s = harness({ load: async () => ({ name: stored }), save: async (f) => f })
    await flushPromises()
    await s().saveWith(async () => ((stored = 'default'), { name: stored }))
    expect([s().form.value.name, s().saved.value]).toEqual(['default', true])
    stored = 'elsewhere'
    await s().reload()
    expect(s().form.value.name).toBe('elsewhere')
  })
})
