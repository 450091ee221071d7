import { describe, expect, it } from 'vitest'
import { toPortalDateTime } from './instant.ts'

describe('toPortalDateTime (api-reference/data-types.md datetime: YYYY-MM-DDThh:mm:ss±hh:mm)', () => {
  it('renders in the portal zone with its offset, no milliseconds, no Z', () => {
    expect(toPortalDateTime('Europe/Moscow', '2025-06-15T09:30:45.678Z')).toBe('2025-06-15T12:30:45+03:00')
    expect(toPortalDateTime('UTC', Date.UTC(2025, 0, 2, 3, 4, 5))).toBe('2025-01-02T03:04:05+00:00')
    expect(toPortalDateTime('Asia/Kolkata', '2025-06-15T00:00:00+00:00')).toBe('2025-06-15T05:30:00+05:30')
  })
})
