// A portal write guarded by the effects table happens once even when two paths race for it (the
// claim-open robot and the dunning escalation open the same claim at the same moment), and a
// crashed attempt is found again by its lookup after the lease.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../helpers/db.ts'
import { effectsRepository } from '../../../server/storage/repositories/effects.ts'
import { writeOnce } from '../../../server/use-cases/dunning/dunning-write-once.ts'

let db: Awaited<ReturnType<typeof openTestDatabase>>
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => db?.dispose())

describe('writeOnce', () => {
  it("two concurrent attempts write once; the second returns the first one's result", async () => {
    const effects = effectsRepository(db.db)
    const world: number[] = []
    const attempt = () =>
      writeOnce(effects, 'm1', 'race:1', {
        lookup: async () => (world.length ? world[0] : null),
        write: async () => {
          await new Promise((r) => setTimeout(r, 400))
          world.push(world.length + 101)
          return world[world.length - 1]
        },
      })
    const [a, b] = await Promise.all([attempt(), attempt()])
    expect(world).toEqual([101])
    expect([a.result, b.result]).toEqual([101, 101])
    expect([a.fresh, b.fresh].filter(Boolean)).toHaveLength(1)
  })

  it('a pending attempt older than the lease is treated as crashed: the lookup finds its write', async () => {
    const effects = effectsRepository(db.db)
    await effects.claim('crash:1', 'm1')
    await db.db
      .updateTable('effects')
      .set({ created_at: new Date(Date.now() - 120_000) })
      .where('key', '=', 'crash:1')
      .execute()
    let writes = 0
    const r = await writeOnce(effects, 'm1', 'crash:1', {
      lookup: async () => 7,
      write: async () => {
        writes++
        return 8
      },
    })
    expect(r).toEqual({ result: 7, fresh: false })
    expect(writes).toBe(0)
    expect(await effects.get('crash:1')).toMatchObject({ status: 'done', result: 7 })
  })

  it('several jobs finding one lapsed lease: exactly one takes over and writes, the others get its result', async () => {
    const effects = effectsRepository(db.db)
    await effects.claim('lapsed:1', 'm1')
    await db.db
      .updateTable('effects')
      .set({ created_at: new Date(Date.now() - 120_000) })
      .where('key', '=', 'lapsed:1')
      .execute()
    const world: number[] = []
    const attempt = () =>
      writeOnce(effects, 'm1', 'lapsed:1', {
        lookup: async () => (world.length ? world[0] : null),
        write: async () => {
          await new Promise((r) => setTimeout(r, 300))
          world.push(world.length + 201)
          return world[world.length - 1]
        },
      })
    const results = await Promise.all([attempt(), attempt(), attempt()])
    expect(world).toEqual([201])
    expect(results.map((r) => r.result)).toEqual([201, 201, 201])
  })

  it('an attempt whose answer was lost lets its retry look up at once (no lease wait)', async () => {
    const effects = effectsRepository(db.db)
    let reached = false
    await expect(
      writeOnce(effects, 'm1', 'lost:1', {
        lookup: async () => null,
        write: async () => {
          reached = true
          throw new Error('socket hang up')
        },
      }),
    ).rejects.toThrow('socket hang up')
    const started = Date.now()
    const r = await writeOnce(effects, 'm1', 'lost:1', {
      lookup: async () => (reached ? 5 : null),
      write: async () => 6,
    })
    expect(r).toEqual({ result: 5, fresh: false })
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
