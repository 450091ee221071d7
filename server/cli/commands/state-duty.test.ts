import { describe, expect, it } from 'vitest'
import { run } from './state-duty.ts'
import { runCli } from '../main.ts'

async function cli(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('cli state-duty', () => {
  it('prints the duty in kopecks with the scale row (arbitration by default)', async () => {
    const r = await cli('--claim', '1234567.89', '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out)
    // 55 000 + 3 % of 234 567,89 = 62 037,04 -> 62 037 ₽
    expect(json).toMatchObject({ court: 'arbitration', claim: 123_456_789, duty: 6_203_700, capped: false })
    expect(json.row).toMatchObject({ over: 1_000_000, upTo: 10_000_000, baseRub: 55_000, rateCentiPct: 300 })
    expect(json.article).toBe('Tax Code art. 333.21 p. 1 sub. 1')
    expect(json.scaleSince).toBe('2024-09-09')
  })

  it('general courts, human output in ru', async () => {
    const r = await cli('--claim', '400000', '--court', 'general', '--lang', 'ru')
    expect(r.code).toBe(0)
    // 10 000 + 2,5 % of 100 000 = 12 500
    expect(r.out).toContain('Госпошлина: 12 500,00 ₽')
    expect(r.out).toContain('art. 333.19')
  })

  it('is reachable through the CLI entry', async () => {
    const out: string[] = []
    const code = await runCli(['state-duty', '--claim', '100000', '--json'], {
      out: (s) => out.push(s),
      err: () => {},
    })
    expect(code).toBe(0)
    expect(JSON.parse(out.join('')).duty).toBe(1_000_000)
  })

  it('bad input: a clear message and a non-zero code', async () => {
    expect(await cli()).toMatchObject({ code: 2, err: expect.stringContaining('--claim is required') })
    expect(await cli('--claim', '0')).toMatchObject({
      code: 1,
      err: expect.stringContaining('state-duty.invalid-claim'),
    })
    expect(await cli('--claim', '12,345.6')).toMatchObject({ code: 1, err: expect.stringContaining('money.') })
    expect(await cli('--claim', '10', '--court', 'supreme')).toMatchObject({
      code: 1,
      err: expect.stringContaining('arbitration, general'),
    })
  })
})
