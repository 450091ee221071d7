// Names of the portal users an admin form refers to by id (head of sales, lawyer, approval roles):
// resolved through the portal (user.get from the frame) when the form loads, remembered when picked
// with the portal's user picker. A person is shown by name, "…" while the portal is asked, and as
// "not found" when the portal has no such person: never as a bare id.
import { reactive } from 'vue'

export interface PickedUser {
  id: number
  name: string
}
export type LoadUserNames = (ids: number[]) => Promise<Map<number, string>>

export function useUserNames(load?: LoadUserNames) {
  const names = reactive<Record<number, string>>({})
  const settled = reactive(new Set<number>())
  const asked = new Set<number>()
  return {
    names,
    /** Looks up the ids not known yet (each asked once). */
    async resolve(ids: readonly (number | null | undefined)[]): Promise<void> {
      const want = [
        ...new Set(
          ids.filter(
            (id): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0 && !asked.has(id),
          ),
        ),
      ]
      if (!want.length) return
      for (const id of want) asked.add(id)
      try {
        if (load) for (const [id, name] of await load(want)) names[id] = name
      } finally {
        for (const id of want) settled.add(id)
      }
    },
    remember(u: PickedUser) {
      names[u.id] = u.name
      asked.add(u.id)
      settled.add(u.id)
    },
    /** "Иван Петров"; "…" while the portal is asked; `unknown` when it has no such person. */
    nameOf(id: number, unknown: string): string {
      return names[id] ?? (settled.has(id) ? unknown : '…')
    },
  }
}
