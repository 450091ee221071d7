// How far V8 lets the heap grow past what survived the last full collection before it collects again.
// V8's own factor (up to 4x while collections are quick) lets a busy process's garbage pile up:
// - an HTTP-only process (QUEUE_IN_PROCESS_WORKER=false) keeps ~50 MB alive and turns every portal event
//   into short-lived garbage: under the event load (npm run bench -- event-ack, PostgreSQL) it grew to
//   203-285 MB before collecting; at 30 % it peaks at 162-179 MB with no loss of throughput;
// - a worker (or the one process that serves HTTP and runs the jobs) keeps more alive and works harder:
//   in 100 portals' morning (npm run bench -- many-portals) it settled at 430-436 MB with V8's factor,
//   303 MB at 100 % with the same CPU, 257 MB at 50 % and ~220-260 MB at 30 % for 10-25 % more CPU
//   (at 1,000 portals 30 % cost ~40 % more worker CPU): 100 %.
// A --heap-growing-percent on the command line wins.
import v8 from 'node:v8'

export const HEAP_GROWING_PERCENT = { http: 30, worker: 100 } as const

/** Sets V8's heap growing factor to 1 + percent/100 unless the command line set one; says whether it did. */
export function limitHeapGrowth(percent: number, execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return false
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`)
  return true
}
