// The admin page gate: who is looking (GET /whoami) and a shared "forbidden" state for 403 answers.
import { ref } from 'vue'
import { ApiCallError, type Api } from '../../app/api.ts'

export function useAdminGate(api: Api) {
  const state = ref<'checking' | 'admin' | 'forbidden' | 'error'>('checking')
  const error = ref<string | null>(null)
  async function check() {
    try {
      const me = await api<{ isAdmin: boolean }>('/whoami')
      state.value = me.isAdmin ? 'admin' : 'forbidden'
    } catch (e) {
      if (e instanceof ApiCallError && e.status === 403) state.value = 'forbidden'
      else {
        state.value = 'error'
        error.value = (e as Error).message
      }
    }
  }
  /** Sections call this with any failure: a 403 turns the whole page into "admins only". */
  function failed(e: unknown): string {
    if (e instanceof ApiCallError && e.status === 403) state.value = 'forbidden'
    return (e as Error).message
  }
  return { state, error, check, failed }
}
