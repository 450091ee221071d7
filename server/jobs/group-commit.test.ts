import { describe, expect, it } from 'vitest'
import { createGroupCommitter } from './group-commit.ts'

function fakeStore(delayMs: number, failOn?: (n: number) => boolean) {
  const statements: number[] = []
  let call = 0
  return {
    statements,
    insertMany: async (_name: string, jobs: { data: object }[]) => {
      const n = ++call
      await new Promise((r) => setTimeout(r, delayMs))
      if (failOn?.(n)) throw new Error('db down')
      statements.push(jobs.length)
    },
  }
}

describe('group commit', () => {
  it('writes a lone job at once and batches concurrent ones behind the in-flight statement', async () => {
    const store = fakeStore(20)
    const gc = createGroupCommitter(store, 'q', { maxInFlight: 1 })
    await gc.enqueue({ i: 0 }, {})
    expect(store.statements).toEqual([1])
    await new Promise((r) => setTimeout(r, 5))
    // 100 callers arriving in one turn of the event loop share one statement
    await Promise.all(Array.from({ length: 100 }, (_, i) => gc.enqueue({ i }, {})))
    expect(store.statements).toEqual([1, 100])
    // callers arriving while a statement is in flight wait for the next one
    const first = gc.enqueue({ i: -1 }, {})
    await new Promise((r) => setImmediate(r))
    await Promise.all([first, ...Array.from({ length: 20 }, (_, i) => gc.enqueue({ i }, {}))])
    expect(store.statements.slice(2)).toEqual([1, 20])
  })

  it('resolves a caller only after its statement committed, and rejects the whole failed batch', async () => {
    const store = fakeStore(5, (n) => n === 2)
    const gc = createGroupCommitter(store, 'q', { maxInFlight: 1 })
    const first = gc.enqueue({ i: 0 }, {})
    await first
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => gc.enqueue({ i }, {})))
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10)
    expect(store.statements).toEqual([1])
  })

  it('caps a batch at maxBatch', async () => {
    const store = fakeStore(5)
    const gc = createGroupCommitter(store, 'q', { maxInFlight: 1, maxBatch: 30 })
    await Promise.all(Array.from({ length: 91 }, (_, i) => gc.enqueue({ i }, {})))
    expect(store.statements).toEqual([30, 30, 30, 1])
  })
})
