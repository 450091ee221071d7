import { onMounted, ref, type Ref } from 'vue'

/** What a save hands back: the form as the server now has it, a problem in the user's words (nothing was sent), or null (sent nothing; the form shows its own problem). */
export type SaveAnswer<F> = F | string | null

/**
 * One admin settings form: loaded when mounted (and on `reload`), saved on demand. `load` and `save` return the
 * form as the server now has it; `error` is the last failure in the user's words (cleared by a good save),
 * `saved` says the last save went through, `busy` that one is under way. `saveWith(how)` saves another way (a
 * reset to the default, say) with the same rows; `save` takes no argument, so it can be a click handler.
 */
export function useSettingsForm<F>(o: {
  initial: F
  load: () => Promise<F>
  save: (form: F) => Promise<SaveAnswer<F>>
  failed: (e: unknown) => string
}) {
  const form = ref(o.initial) as Ref<F>
  const error = ref<string | null>(null)
  const saved = ref(false)
  const busy = ref(false)
  async function reload() {
    try {
      form.value = await o.load()
    } catch (e) {
      error.value = o.failed(e)
    }
  }
  onMounted(reload)
  async function saveWith(how: (form: F) => Promise<SaveAnswer<F>>) {
    saved.value = false
    busy.value = true
    try {
      const next = await how(form.value)
      if (next === null) return
      if (typeof next === 'string') {
        error.value = next
        return
      }
      form.value = next
      error.value = null
      saved.value = true
    } catch (e) {
      error.value = o.failed(e)
    } finally {
      busy.value = false
    }
  }
  const save = () => saveWith(o.save)
  return { form, error, saved, busy, save, saveWith, reload }
}
