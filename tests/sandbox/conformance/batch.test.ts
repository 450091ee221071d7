// Conformance: batch length limit, driven through the official SDK (B24OAuth).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callFull, setup, type World } from '../harness.ts'

let w: World
beforeAll(async () => {
  w = await setup()
})
afterAll(async () => w.close())

describe('settings/how-to-call-rest-api/batch.md', () => {
  it('settings/how-to-call-rest-api/batch.md: commands past the 50th end with ERROR_BATCH_LENGTH_EXCEEDED each, the first 50 run', async () => {
    const cmd = Object.fromEntries(Array.from({ length: 52 }, (_, i) => [`c${i}`, 'user.current']))
    const before = w.sb.admin.counters(w.portalId).byMethod['user.current'] ?? 0
    const r = await callFull(w.b24, 'batch', { cmd })
    expect(Object.keys(r.result.result)).toEqual(Object.keys(cmd).slice(0, 50))
    const err = { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' }
    expect(r.result.result_error).toEqual({ c50: err, c51: err })
    expect((w.sb.admin.counters(w.portalId).byMethod['user.current'] ?? 0) - before).toBe(50)
  })

  it('settings/how-to-call-rest-api/batch.md: exactly 50 commands all run', async () => {
    const cmd = Array.from({ length: 50 }, () => 'user.current')
    const r = await callFull(w.b24, 'batch', { cmd })
    expect(r.result.result).toHaveLength(50)
    expect(r.result.result_error).toEqual([])
  })
})
