import { describe, expect, it } from 'vitest'
import { wholeWithin } from './whole-within.ts'

describe('wholeWithin', () => {
  it('keeps typed numbers whole and within the bounds; text that is no number gives nothing', () => {
    expect(wholeWithin('4', { min: -60, max: 365 })).toBe(4)
    expect(wholeWithin(4.7, {})).toBe(4)
    expect(wholeWithin('-400', { min: -60, max: 365 })).toBe(-60)
    expect(wholeWithin('-400', {})).toBe(-400)
    expect(wholeWithin('1000', { max: 365 })).toBe(365)
    expect(wholeWithin('', { min: 0 })).toBeNull()
    expect(wholeWithin('abc', {})).toBeNull()
  })
})
