import { describe, expect, it } from 'vitest'
import { LeakyBucket, STANDARD } from './bucket.ts'

describe('leaky bucket', () => {
  it('admits a burst of 50 and refuses the 51st', () => {
    const b = new LeakyBucket({ ...STANDARD, tolerance: 0 })
    const admitted = Array.from({ length: 60 }, () => b.take()).filter(Boolean).length
    expect(admitted).toBe(50)
  })

  it('drains over time', async () => {
    const b = new LeakyBucket({ drain: 100, burst: 2, tolerance: 0 })
    expect([b.take(), b.take(), b.take()]).toEqual([true, true, false])
    await new Promise((r) => setTimeout(r, 30))
    expect(b.take()).toBe(true)
  })
})
