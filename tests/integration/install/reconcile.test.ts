import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSandboxApp } from '../../helpers/sandbox-app.ts'
import { installPortal } from '../../../server/use-cases/portal/install-portal.ts'

let w: Awaited<ReturnType<typeof connectSandboxApp>>
beforeAll(async () => {
  w = await connectSandboxApp()
})
afterAll(async () => w.close())

describe('install reconciler against the sandbox', () => {
  it('first apply creates everything; the second makes zero writes', async () => {
    const ops = await installPortal(w.ctx, w.memberId, true)
    expect(ops.filter((o) => o.kind === 'smart-process')).toHaveLength(3)
    const state = (await w.ctx.repos.installState.get(w.memberId))!
    expect(Object.keys(state.processes).sort()).toEqual(['approvals', 'claims', 'receivables'])
    const rec = state.processes.receivables!
    expect(rec.pipelines.main.stages.PARTIAL).toBe(`DT${rec.entityTypeId}_${rec.pipelines.main.categoryId}:PARTIAL`)
    expect(rec.fields.invoiceNumber.restName).toBe(`ufCrm${rec.typeId}RcInvoiceNo`)
    expect(Object.keys(rec.fields.riskSegment.options ?? {}).sort()).toEqual(['high', 'low', 'normal'])
    const stages = await w.sb.admin.call<{ STATUS_ID: string }[]>(w.portalId, 'crm.status.list', {
      filter: { ENTITY_ID: `DYNAMIC_${rec.entityTypeId}_STAGE_${rec.pipelines.main.categoryId}` },
    })
    expect(stages.result.map((s) => s.STATUS_ID.split(':')[1])).toEqual([
      'NEW',
      'SENT',
      'AWAITING',
      'CHECK',
      'REMINDER',
      'PARTIAL',
      'OVERDUE',
      'NEGOTIATION',
      'SUCCESS',
      'FAIL',
    ])
    expect(w.sb.admin.placements(w.portalId).map((p) => p.placement)).toContain('CRM_COMPANY_DETAIL_TAB')
    expect(w.sb.admin.placements(w.portalId).map((p) => p.placement)).toContain(
      `CRM_DYNAMIC_${rec.entityTypeId}_DETAIL_TAB`,
    )

    w.sb.admin.resetCounters(w.portalId)
    const again = await installPortal(w.ctx, w.memberId, true)
    expect(again).toEqual([])
    expect(w.sb.admin.counters(w.portalId).writes).toBe(0)
  })

  it('reports a manual rename of one of our stages in plan, and restores it on apply', async () => {
    const rec = (await w.ctx.repos.installState.get(w.memberId))!.processes.receivables!
    const entityId = `DYNAMIC_${rec.entityTypeId}_STAGE_${rec.pipelines.main.categoryId}`
    const stages = (
      await w.sb.admin.call<{ ID: string; STATUS_ID: string }[]>(w.portalId, 'crm.status.list', {
        filter: { ENTITY_ID: entityId },
      })
    ).result
    const overdue = stages.find((s) => s.STATUS_ID.endsWith(':OVERDUE'))!
    await w.sb.admin.call(w.portalId, 'crm.status.update', { id: overdue.ID, fields: { NAME: 'Renamed by admin' } })
    const plan = await installPortal(w.ctx, w.memberId, false)
    expect(plan).toEqual([
      expect.objectContaining({ kind: 'stage', action: 'update', target: 'receivables/main/OVERDUE' }),
    ])
    await installPortal(w.ctx, w.memberId, true)
    const after = (
      await w.sb.admin.call<{ ID: string; NAME: string }[]>(w.portalId, 'crm.status.list', {
        filter: { ENTITY_ID: entityId },
      })
    ).result
    expect(after.find((s) => s.ID === overdue.ID)!.NAME).not.toBe('Renamed by admin')
    expect(await installPortal(w.ctx, w.memberId, false)).toEqual([])
  })

  it('a second install adds an enumeration option missing on the portal (sent with userTypeId enumeration)', async () => {
    const rec = (await w.ctx.repos.installState.get(w.memberId))!.processes.receivables!
    const field = rec.fields.riskSegment
    const highId = field.options!.high
    // an admin deletes one option in the portal
    await w.sb.admin.call(w.portalId, 'userfieldconfig.update', {
      moduleId: 'crm',
      id: field.id,
      field: { userTypeId: 'enumeration', enum: [{ id: highId, del: 'Y' }] },
    })
    const read = async () =>
      (
        await w.sb.admin.call<{ field: { enum: { xmlId: string }[] } }>(w.portalId, 'userfieldconfig.get', {
          moduleId: 'crm',
          id: field.id,
        })
      ).result.field.enum.map((e) => e.xmlId)
    expect(await read()).not.toContain('high')
    await installPortal(w.ctx, w.memberId, true)
    expect((await read()).sort()).toEqual(['high', 'low', 'normal'])
    const state = (await w.ctx.repos.installState.get(w.memberId))!.processes.receivables!
    expect(state.fields.riskSegment.options!.high).toBeGreaterThan(0)
    expect(state.fields.riskSegment.options!.high).not.toBe(highId)
  })
})
