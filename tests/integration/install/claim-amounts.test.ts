// Claim amounts live in our money fields, not in `opportunity` (the Claim Work type has no
// isLinkWithProductsEnabled; object-fields.md). An item that kept its amount only in `opportunity`
// (a portal whose admin switched the type's sum on) gets it copied into debtPrincipal by the
// install reconcile, once; the claims report then shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'
import { claimsReport } from '../../../server/use-cases/reports/report-claims.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
  await installPortal(w.ctx, w.memberId, true)
}, 90_000)
afterAll(async () => w.close())

describe('claim amounts', () => {
  it('opportunity is not stored on our type; an old amount in it is migrated into debtPrincipal once', async () => {
    const p = (await w.ctx.repos.installState.get(w.memberId))!.processes.claims!
    const rec = p.pipelines.recovery!
    const add = (fields: Record<string, unknown>) =>
      w.sb.admin.call<{ item: { id: number; opportunity: unknown } }>(w.portalId, 'crm.item.add', {
        entityTypeId: p.entityTypeId,
        fields: { title: 'c', categoryId: rec.categoryId, stageId: rec.stages.CLAIM_SENT, ...fields },
      })
    // as created by the app: the sum is off, so opportunity is dropped
    expect((await add({ opportunity: 500 })).result.item.opportunity).toBeNull()
    const ports = receivablesPorts(w.ctx)
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const sent = async () =>
      (await claimsReport(ports, client, w.memberId, 'ru')).stages.find(
        (s) => s.pipeline === 'recovery' && s.stage === 'CLAIM_SENT',
      )
    expect(await sent()).toMatchObject({ count: 1, amount: 0 })
    // an admin switches the type's sum on and an item keeps its amount only there
    const types = await w.sb.admin.call<{ types: { id: number; entityTypeId: number }[] }>(w.portalId, 'crm.type.list')
    const type = types.result.types.find((t) => t.entityTypeId === p.entityTypeId)!
    await w.sb.admin.call(w.portalId, 'crm.type.update', { id: type.id, fields: { isLinkWithProductsEnabled: 'Y' } })
    const old = (await add({ opportunity: 1234.5, isManualOpportunity: 'Y' })).result.item
    expect(old.opportunity).toBe(1234.5)
    expect(await sent()).toMatchObject({ count: 2, amount: 0 })

    const plan = await installPortal(w.ctx, w.memberId, false)
    expect(plan).toEqual([{ kind: 'item', action: 'update', target: `claims/${old.id}`, detail: '1234.50|RUB' }])
    await installPortal(w.ctx, w.memberId, true)
    const got = await w.sb.admin.call<{ item: Record<string, unknown> }>(w.portalId, 'crm.item.get', {
      entityTypeId: p.entityTypeId,
      id: old.id,
    })
    expect(got.result.item[p.fields.debtPrincipal.restName]).toBe('1234.50|RUB')
    expect(await sent()).toMatchObject({ count: 2, amount: 123_450 })
    w.sb.admin.resetCounters(w.portalId)
    expect(await installPortal(w.ctx, w.memberId, true)).toEqual([])
    expect(w.sb.admin.counters(w.portalId).writes).toBe(0)
  })
})
