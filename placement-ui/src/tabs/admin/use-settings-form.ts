import { onMounted, ref, type Ref } from 'vue'

/**
 * One admin settings form: loaded once when mounted, saved on demand. `load` and `save` return the form as
 * the server now has it; `error` is the last failure in the user's words (cleared by a good save), `saved`
 * says the last save went through. A `save` that returns null sent nothing (the form found a problem itself).
 */
export function useSettingsForm<F>(o: {
  initial: F
  load: () => Promise<F>
  save: (form: F) => Promise<F | null>
  failed: (e: unknown) => string
}) {
  const form = ref(o.initial) as Ref<F>
  const error = ref<string | null>(null)
  const saved = ref(false)
  onMounted(async () => {
    try {
      form.value = await o.load()
    } catch (e) {
      error.value = o.failed(e)
    }
  })
  async function save() {
    saved.value = false
    try {
      const next = await o.save(form.value)
      if (next === null) return
      form.value = next
      error.value = null
      saved.value = true
    } catch (e) {
      error.value = o.failed(e)
    }
  }
  return { form, error, saved, save }
}
