import { describe, expect, it } from 'vitest'
import { validateReviewSettings } from './review-settings.ts'

const codeOf = (input: unknown) => {
  try {
    validateReviewSettings(input)
    return 'ok'
  } catch (e) {
    return (e as { code: string }).code
  }
}

describe('the review setting', () => {
  it('keeps the segments in their order, the hour or null (never)', () => {
    expect(validateReviewSettings({ segments: ['high', 'low'], releaseHour: 0 })).toEqual({
      segments: ['low', 'high'],
      releaseHour: 0,
    })
    expect(validateReviewSettings({ segments: [], releaseHour: null })).toEqual({ segments: [], releaseHour: null })
    expect(validateReviewSettings({ segments: ['normal'], releaseHour: 23 }).releaseHour).toBe(23)
  })

  it('refuses an absurd hour, unknown or repeated segments, missing keys and unknown settings', () => {
    for (const releaseHour of [24, -1, 9.5, '12', true, 1e300])
      expect(codeOf({ segments: ['high'], releaseHour })).toBe('dunning.review-invalid-hour')
    expect(codeOf({ segments: ['high'] })).toBe('dunning.review-invalid-hour')
    for (const segments of [['extreme'], ['high', 'high'], 'high', undefined, [null]])
      expect(codeOf({ segments, releaseHour: null })).toBe('dunning.review-invalid-segments')
    expect(codeOf({ segments: [], releaseHour: null, colour: 'red' })).toBe('dunning.invalid-input')
    for (const bad of [null, [], 'x', 7]) expect(codeOf(bad)).toBe('dunning.invalid-input')
  })
})
