// How far V8 lets the heap grow past what survived the last full collection before it collects again.
// V8's own factor (up to 4x while collections are quick) suits a process with a large, long-lived heap.
// An HTTP-only process (QUEUE_IN_PROCESS_WORKER=false) keeps ~50 MB alive and turns every portal event
// into short-lived garbage: under the event load (npm run bench -- event-ack, PostgreSQL) it grew to
// 203-285 MB before collecting; at 30 % it peaks at 168-175 MB with no loss of throughput.
// Not for workers: their live set is larger and busier, and 30 % cost ~40 % more worker CPU in the
// many-portals morning (npm run bench -- many-portals). A --heap-growing-percent on the command line wins.
import v8 from 'node:v8'

export const HTTP_HEAP_GROWING_PERCENT = 30

/** Sets V8's heap growing factor to 1 + percent/100 unless the command line set one; says whether it did. */
export function limitHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return false
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
  return true
}
