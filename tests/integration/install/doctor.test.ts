// `npm run cli -- doctor --portal <member_id> [--json]` against the sandbox: a portal with everything reports OK;
// a missing scope and a switched-off type setting are named clearly; the doctor changes nothing in the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { doctorCommand } from '../../../server/cli/commands/doctor.ts'
import type { DoctorReport } from '../../../server/use-cases/portal/doctor-portal.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
}, 120_000)
afterAll(async () => w?.close())

async function doctor(json = true): Promise<{ code: number; out: string; report: DoctorReport | null }> {
  const out: string[] = []
  const code = await doctorCommand(w.ctx, ['--portal', w.memberId, ...(json ? ['--json'] : [])], {
    out: (s) => out.push(s),
    err: (s) => out.push(s),
  })
  return { code, out: out.join('\n'), report: json ? (JSON.parse(out.join('\n')) as DoctorReport) : null }
}

describe('doctor', () => {
  it('an installed portal with every scope: OK, every method reachable, the processes as installed', async () => {
    const { code, report } = await doctor()
    expect(report!.problems).toEqual([])
    expect(code).toBe(0)
    expect(report!.methods.unavailable).toEqual([])
    expect(report!.processes.map((p) => [p.key, p.found])).toEqual(
      expect.arrayContaining([
        ['receivables', true],
        ['claims', true],
      ]),
    )
    expect(report!.rateLimit).toMatchObject({ perSecond: 2, burst: 50 })
  })

  it('a missing scope and a switched-off setting are reported clearly; nothing is changed', async () => {
    const scopes = w.sbApp.scopes.filter((s) => s !== 'im')
    w.sb.admin.registerApp({ clientId: w.sbApp.clientId, scopes })
    const state = (await w.ctx.repos.installState.get(w.memberId))!
    const typeId = state.processes.receivables!.typeId
    await w.sb.admin.call(w.portalId, 'crm.type.update', { id: typeId, fields: { isClientEnabled: 'N' } })
    const before = w.sb.admin.counters(w.portalId).writes
    const { code, report } = await doctor()
    expect(code).toBe(1)
    expect(report!.scopes.missing.map((s) => s.scope)).toEqual(['im'])
    expect(report!.problems).toContain(
      'scope "im" is not granted (needed for system notifications to employees (im.notify.system.add))',
    )
    expect(report!.methods.unavailable).toEqual([{ method: 'im.notify.system.add', scope: 'im', exists: true }])
    expect(report!.problems).toContain('smart process "receivables": isClientEnabled is switched off')
    const text = await doctor(false)
    expect(text.code).toBe(1)
    expect(text.out).toMatch(/✗ scope "im" is not granted/)
    expect(text.out).toMatch(/Smart process receivables \(\d+\): needs attention/)
    // read only: no write reached the portal, our install state is as it was
    expect(w.sb.admin.counters(w.portalId).writes).toBe(before)
    expect(await w.ctx.repos.installState.get(w.memberId)).toEqual(state)
  })

  it('an unknown portal or no --portal: a clear error', async () => {
    const out: string[] = []
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) }
    expect(await doctorCommand(w.ctx, ['--portal', 'nope'], io)).toBe(1)
    expect(await doctorCommand(w.ctx, [], io)).toBe(2)
    expect(out).toEqual(['unknown portal nope', 'usage: doctor --portal <member_id|webhook> [--json]'])
  })
})
