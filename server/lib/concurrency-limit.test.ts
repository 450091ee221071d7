import { describe, expect, it } from 'vitest'
import { concurrencyLimit } from './concurrency-limit.ts'

describe('concurrencyLimit', () => {
  it('runs at most max at once, all of them in the end, in order, and passes results and errors through', async () => {
    const run = concurrencyLimit(2)
    let active = 0
    let peak = 0
    const started: number[] = []
    const gates = Array.from({ length: 5 }, () => {
      let resolve = () => {}
      const promise = new Promise<void>((r) => (resolve = r))
      return { promise, resolve }
    })
    const jobs = gates.map((g, i) =>
      run(async () => {
        started.push(i)
        peak = Math.max(peak, ++active)
        await g.promise
        active--
        if (i === 3) throw new Error('boom')
        return i * 10
      }),
    )
    await Promise.resolve()
    expect(started).toEqual([0, 1])
    for (const g of gates) g.resolve()
    const results = await Promise.allSettled(jobs)
    expect(peak).toBe(2)
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      0,
      10,
      20,
      'boom',
      40,
    ])
  })
})
