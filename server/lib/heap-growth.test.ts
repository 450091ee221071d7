import { describe, expect, it } from 'vitest'
import { limitHeapGrowth } from './heap-growth.ts'

describe('limitHeapGrowth', () => {
  // what the factor does to the heap is measured in bench/ (event-ack: rss_mb_under_load_postgres)
  it('leaves a factor set on the command line alone', () => {
    expect(limitHeapGrowth(30, ['--heap-growing-percent=50'])).toBe(false)
    expect(limitHeapGrowth(30, ['--heap_growing_percent=50'])).toBe(false)
    expect(limitHeapGrowth(30, ['--max-semi-space-size=8'])).toBe(true)
  })
})
