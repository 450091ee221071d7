// Cycles between folders in an import graph: each file belongs to its folder unit (a capability folder
// of server/, or a top-level folder), folders are linked when any file of one imports a file of the
// other, and a strongly connected group of two or more folders is a cycle.

/** The folder unit of a file: server/<area>[/<capability>] for the server, the top folder otherwise. */
export function folderOf(file: string): string {
  const parts = file.split('/')
  if (parts[0] === 'server') {
    if (parts.length <= 2) return 'server' // the composition root (server/*.ts)
    if (parts[1] === 'jobs' && parts[2] === 'tasks') return 'server/jobs/tasks'
    return `server/${parts[1]}`
  }
  if (parts[0] === 'robots' && parts[1] === 'kit') return 'robots/kit'
  if (parts[0] === 'placement-ui') return 'placement-ui'
  return parts[0]
}

export interface FolderCycle {
  folders: string[]
  /** One chain of files that closes the cycle, for the reader. */
  example: string[]
}

export function folderCycles(edges: { from: string; to: string }[]): FolderCycle[] {
  const graph = new Map<string, Map<string, { from: string; to: string }>>()
  for (const e of edges) {
    const a = folderOf(e.from)
    const b = folderOf(e.to)
    if (a === b) continue
    if (!graph.has(a)) graph.set(a, new Map())
    if (!graph.has(b)) graph.set(b, new Map())
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, e)
  }
  return stronglyConnected(graph)
    .filter((group) => group.length > 1)
    .map((group) => ({ folders: closeLoop(graph, group), example: exampleFiles(graph, closeLoop(graph, group)) }))
}

/** Tarjan's algorithm over the folder graph. */
function stronglyConnected(graph: Map<string, Map<string, unknown>>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const groups: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v)!.keys()) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        group.push(w)
      } while (w !== v)
      groups.push(group.sort())
    }
  }
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v)
  return groups
}

/** A shortest walk from the group's first folder back to itself, inside the group. */
function closeLoop(graph: Map<string, Map<string, unknown>>, group: string[]): string[] {
  const inGroup = new Set(group)
  const start = group[0]
  const prev = new Map<string, string>()
  const queue = [start]
  while (queue.length) {
    const v = queue.shift()!
    for (const w of graph.get(v)!.keys()) {
      if (!inGroup.has(w)) continue
      if (w === start) {
        const path = [v]
        while (path[0] !== start) path.unshift(prev.get(path[0])!)
        return [...path, start]
      }
      if (!prev.has(w)) {
        prev.set(w, v)
        queue.push(w)
      }
    }
  }
  return group
}

function exampleFiles(graph: Map<string, Map<string, { from: string; to: string }>>, loop: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < loop.length; i++) {
    const e = graph.get(loop[i])!.get(loop[i + 1])
    if (e) out.push(`${e.from} > ${e.to}`)
  }
  return out
}
