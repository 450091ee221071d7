// Polling with a deadline and a message saying what did not happen.
export async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | null | false | undefined>,
  everyMs = 250,
): Promise<T> {
  const until = Date.now() + timeoutMs
  let last: unknown = null
  for (;;) {
    try {
      const v = await probe()
      if (v) return v
    } catch (e) {
      last = e
    }
    if (Date.now() > until)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting until ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`,
      )
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))
