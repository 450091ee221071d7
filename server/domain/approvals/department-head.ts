// Who approves for the initiator: the head of their department, walking up when a department has
// no head (or the initiator heads it and a parent has another head). When the initiator is the
// head at the top, they approve themselves right in the card.
export interface Department {
  id: number
  parentId: number | null
  headId: number | null
}

export type HeadResolution = { kind: 'head'; userId: number } | { kind: 'self'; userId: number } | { kind: 'none' }

export function resolveDepartmentHead(
  departments: Department[],
  initiatorId: number,
  initiatorDepartments: number[],
): HeadResolution {
  const byId = new Map(departments.map((d) => [d.id, d]))
  let initiatorIsHead = false
  for (const start of initiatorDepartments) {
    const seen = new Set<number>()
    for (let d = byId.get(start); d && !seen.has(d.id); d = d.parentId === null ? undefined : byId.get(d.parentId)) {
      seen.add(d.id)
      if (d.headId === initiatorId) {
        initiatorIsHead = true
        break
      }
      if (d.headId !== null) return { kind: 'head', userId: d.headId }
    }
  }
  return initiatorIsHead ? { kind: 'self', userId: initiatorId } : { kind: 'none' }
}
