import { describe, expect, it } from 'vitest'
import { floorRatios, floorSeconds, percentile, spreadOf, type PortalRun } from './portal-fairness.ts'

const run = (doneS: number, requests: number): PortalRun => ({ memberId: `m${doneS}`, doneS, firstStartS: 0, requests })

describe('percentile (nearest rank)', () => {
  it('answers a member of the values, whatever their order', () => {
    const v = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
    expect(percentile(v, 50)).toBe(5)
    expect(percentile(v, 95)).toBe(10)
    expect(percentile(v, 5)).toBe(1)
    expect(percentile(v, 100)).toBe(10)
    expect(percentile(v, 0)).toBe(1)
  })

  it('has none for no values', () => {
    expect(percentile([], 95)).toBeNaN()
  })
})

describe('completion against the portal own floor', () => {
  it('divides by the requests at the bucket rate', () => {
    expect(floorSeconds(120, 2)).toBe(60)
    // 120 requests at 2/s: a 60 s floor; done at 90 s is 1.5x, at 240 s 4x
    expect(floorRatios([run(90, 120), run(240, 120)], 2).ratios).toEqual([1.5, 4])
  })

  it('counts a floor under one second as one second, and a portal without requests apart', () => {
    expect(floorRatios([run(3, 1), run(5, 0)], 2)).toEqual({ ratios: [3], withoutRequests: 1 })
  })

  it('spreads the values from the fastest to the slowest', () => {
    const s = spreadOf(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(s).toEqual({ p5: 1, p50: 10, p95: 19, max: 20 })
  })
})
