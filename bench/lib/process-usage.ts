// What the app's processes and its database use, read from /proc and PostgreSQL: CPU seconds of a set
// of processes, their summed RSS sampled until stopped (the peak), and the rows of every table.
import { readFileSync } from 'node:fs'

const TICKS = 100 // USER_HZ on Linux

/** User + system CPU seconds of a process so far (0 when it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / TICKS // utime, stime (fields 14 and 15 of the line)
  } catch {
    return 0
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/** Samples the summed RSS of the processes every `everyMs`; stop() answers the peak and the peak of each. */
export function sampleRss(pids: number[], everyMs = 500): { stop: () => { sum: number; each: number[] } } {
  let sum = 0
  const each = pids.map(() => 0)
  const take = () => {
    const now = pids.map(rssMb)
    now.forEach((v, i) => (each[i] = Math.max(each[i]!, v)))
    sum = Math.max(
      sum,
      now.reduce((a, b) => a + b, 0),
    )
  }
  take()
  const timer = setInterval(take, everyMs)
  return {
    stop() {
      clearInterval(timer)
      take()
      return { sum, each }
    },
  }
}

type Query = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>

/** CPU seconds of the PostgreSQL backends serving the database (those alive now). */
export async function backendCpu(query: Query, dbName: string): Promise<Map<number, number>> {
  const rows = await query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [dbName])
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]))
}

/** CPU the backends used between two readings (a backend that came later counts from zero). */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let s = 0
  for (const [pid, v] of after) s += v - (before.get(pid) ?? 0)
  return s
}

/** Rows in every table of our schema and of the queue's. */
export async function tableRows(query: Query): Promise<Map<string, number>> {
  const tables = await query<{ s: string; t: string }>(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'`,
  )
  const out = new Map<string, number>()
  for (const { s, t } of tables) {
    const [r] = await query<{ n: string }>(`SELECT count(*) AS n FROM "${s}"."${t}"`)
    out.set(`${s}.${t}`, Number(r!.n))
  }
  return out
}

export function rowGrowth(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>()
  for (const [k, v] of after) if (v !== (before.get(k) ?? 0)) out.set(k, v - (before.get(k) ?? 0))
  return out
}
