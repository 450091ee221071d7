// Names of the portal users an admin form refers to by id (head of sales, lawyer, approval roles):
// resolved through the portal (user.get from the frame) when the form loads and when an id is typed,
// remembered when picked with the portal's user picker. Without the portal the id stays visible.
import { reactive } from 'vue'

export interface PickedUser { id: number; name: string }
export type LoadUserNames = (ids: number[]) => Promise<Map<number, string>>

export function useUserNames(load?: LoadUserNames) {
  const names = reactive<Record<number, string>>({})
  const asked = new Set<number>()
  return {
    names,
    /** Looks up the ids not known yet (each asked once). */
    async resolve(ids: readonly (number | null | undefined)[]): Promise<void> {
      const want = [...new Set(ids.filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0 && !asked.has(id)))]
      if (!want.length || !load) return
      for (const id of want) asked.add(id)
      for (const [id, name] of await load(want)) names[id] = name
    },
    remember(u: PickedUser) { names[u.id] = u.name; asked.add(u.id) },
    /** "Иван Петров" for a typed id, "#12" when unknown, `empty` when nothing is typed. */
    label(text: string, empty: string): string {
      const id = Number(text.trim())
      return names[id] ?? (text.trim() ? `#${text.trim()}` : empty)
    },
  }
}
