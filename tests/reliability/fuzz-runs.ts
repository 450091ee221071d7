// How many generated inputs a fuzz property runs. The issue asks for 10,000 per route; that is the
// soak run (`npm run test:soak`, SOAK=1), because 70+ routes at 10,000 each take far too long for
// every CI run on a 2-core machine. The default run uses `quick` inputs per route; FUZZ_RUNS
// overrides both.
export function fuzzRuns(quick: number): number {
  if (process.env.FUZZ_RUNS) return Number(process.env.FUZZ_RUNS)
  return process.env.SOAK === '1' ? 10_000 : quick
}
