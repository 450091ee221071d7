import { describe, expect, it } from 'vitest'
import { taskCountsDone } from './task-done.ts'

describe('taskCountsDone', () => {
  it('a tranche task awaiting control (4) is paid; an approval task is not until completed (5)', () => {
    expect(taskCountsDone('tranche', '4')).toBe(true)
    expect(taskCountsDone('dunning', 4)).toBe(true)
    expect(taskCountsDone('approval', '4')).toBe(false)
    for (const flow of ['tranche', 'approval', 'dunning'] as const) {
      expect(taskCountsDone(flow, '5')).toBe(true)
      for (const s of [2, 3, 6, null, undefined, '']) expect(taskCountsDone(flow, s)).toBe(false)
    }
  })
})
