import { describe, expect, it } from 'vitest'
import { RequestsFirstLock } from './pglite-fair-dialect.ts'

describe('RequestsFirstLock', () => {
  it('serves a waiting request before background work that waited longer, and each in its own order', async () => {
    const lock = new RequestsFirstLock()
    const order: string[] = []
    await lock.acquire(false)
    const wait = (name: string, request: boolean) =>
      lock.acquire(request).then(() => {
        order.push(name)
        lock.release()
      })
    const all = [wait('job 1', false), wait('job 2', false), wait('request 1', true), wait('request 2', true)]
    lock.release()
    await Promise.all(all)
    expect(order).toEqual(['request 1', 'request 2', 'job 1', 'job 2'])
  })

  it('is free again once the last holder releases it', async () => {
    const lock = new RequestsFirstLock()
    await lock.acquire(true)
    lock.release()
    let got = false
    await lock.acquire(false).then(() => (got = true))
    expect(got).toBe(true)
  })
})
