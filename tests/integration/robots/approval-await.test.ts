// approval-await holds the business process on "Head approval" until the head decides in our tab
// (the API the tab calls, with the head's own portal token); the answer is sent once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { approvalsRepository } from '../../../server/storage/repositories/approvals.ts'
import { approvalPorts } from '../../../server/use-cases/approvals/approval-ports.ts'
import { resolveApprovalWaits } from '../../../server/use-cases/approvals/resolve-approval-waits.ts'

let w: RobotWorld
let head: { id: number }
let initiator: { id: number }
beforeAll(async () => {
  w = await startRobotWorld()
  head = w.sb.admin.addUser(w.portalId, { name: 'Глеб', lastName: 'Начальников' })
  const dep = w.sb.admin.addDepartment(w.portalId, { name: 'Закупки', head: head.id })
  w.sb.admin.updateUser(w.portalId, head.id, { departments: [dep.id] })
  initiator = w.sb.admin.addUser(w.portalId, { name: 'Инна', lastName: 'Инициатор', departments: [dep.id] })
}, 60_000)
afterAll(async () => w?.close())

async function newRequest(title: string) {
  const ap = w.state.processes.approvals!
  const f = (k: string) => ap.fields[k].restName
  const costItem = Object.values(ap.fields.costItem.options ?? {})[0]
  const { result } = await w.sb.admin.call<{ item: { id: number } }>(
    w.portalId,
    'crm.item.add',
    {
      entityTypeId: ap.entityTypeId,
      fields: {
        title,
        categoryId: ap.pipelines.payments!.categoryId,
        [f('counterparty')]: `CO_${w.companyId}`,
        [f('amount')]: '150000|RUB',
        [f('costItem')]: costItem,
        [f('invoiceFile')]: { id: 5, url: '/f/5' },
        [f('initiator')]: initiator.id,
      },
    },
    { userId: initiator.id },
  )
  const itemId = Number(result.item.id)
  let run: ReturnType<RobotWorld['runs']>[number] | undefined
  await expect
    .poll(
      () =>
        (run = w
          .runs()
          .find((r) => Number(r.itemId) === itemId && r.steps.some((s) => s.status === 'waiting' && s.eventToken))) !==
        undefined,
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true)
  // the sandbox marks the step waiting when it posts the call; our wait row is stored by the robot job
  const token = run!.steps.find((s) => s.status === 'waiting')!.eventToken!
  await expect
    .poll(
      async () =>
        (await w.ctx.database.db
          .selectFrom('robot_waits')
          .select('event_token')
          .where('event_token', '=', token)
          .executeTakeFirst()) !== undefined,
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true)
  const record = await approvalsRepository(w.ctx.database.db).getByItem(w.memberId, ap.entityTypeId, itemId)
  return { itemId, runId: run!.id, approvalId: record!.id }
}

const decide = (approvalId: number, userId: number, body: object) => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, userId) as { access_token: string }
  return w.app.inject({
    method: 'POST',
    url: `/api/approvals/${approvalId}/decision`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    payload: body,
  })
}

describe('approval-await', () => {
  beforeAll(() => {
    w.sb.admin.setAutomation(
      w.portalId,
      w.state.processes.approvals!.entityTypeId,
      w.stageId('approvals', 'HEAD_APPROVAL', 'payments'),
      [
        { robot: 'approval-await', properties: { timeoutHours: '0' } },
        { robot: 'working-deadline', properties: { start: '2026-11-20 12:00', mode: 'request' } },
      ],
    )
  })

  it('holds the process until the head approves in the tab, then returns who decided, once', async () => {
    const r = await newRequest('Оплата поставщику бумаги')
    await new Promise((res) => setTimeout(res, 800))
    expect(w.run(r.runId).status).toBe('running')
    expect(w.run(r.runId).steps[1].status).toBe('pending')
    const res = await decide(r.approvalId, head.id, { decision: 'approve', round: 1, stepIndex: 0 })
    expect(res.statusCode, res.body).toBe(200)
    await expect.poll(() => w.run(r.runId).steps[0].status, { timeout: 20_000, interval: 100 }).toBe('done')
    expect(w.run(r.runId).steps[0].returnValues).toMatchObject({
      success: 'Y',
      outcome: 'approved',
      decidedBy: `user_${head.id}`,
    })
    await expect.poll(() => w.run(r.runId).steps[1].status, { timeout: 10_000, interval: 100 }).toBe('done')
    // resolving again (the periodic recovery) answers nothing twice
    expect(await resolveApprovalWaits(approvalPorts(w.ctx), w.memberId, null)).toBe(0)
    const token = w.run(r.runId).steps[0].eventToken!
    expect(w.sb.admin.bizprocEvents(w.portalId).filter((e) => JSON.stringify(e).includes(token))).toHaveLength(1)
  })

  it('returns "rejected" with the reason when the head rejects', async () => {
    const r = await newRequest('Оплата аренды')
    const res = await decide(r.approvalId, head.id, {
      decision: 'reject',
      round: 1,
      stepIndex: 0,
      reason: 'Нет договора',
    })
    expect(res.statusCode, res.body).toBe(200)
    await expect.poll(() => w.run(r.runId).steps[0].status, { timeout: 20_000, interval: 100 }).toBe('done')
    expect(w.run(r.runId).steps[0].returnValues).toMatchObject({
      success: 'Y',
      outcome: 'rejected',
      decidedBy: `user_${head.id}`,
      reason: 'Нет договора',
    })
  })

  it('gives up with "timed-out" after its working hours (checked by the periodic recovery)', async () => {
    w.sb.admin.setAutomation(
      w.portalId,
      w.state.processes.approvals!.entityTypeId,
      w.stageId('approvals', 'HEAD_APPROVAL', 'payments'),
      [{ robot: 'approval-await', properties: { timeoutHours: '4' } }],
    )
    const r = await newRequest('Оплата курьерской службы')
    expect(await resolveApprovalWaits(approvalPorts(w.ctx), w.memberId, null)).toBe(0)
    const later = approvalPorts(w.ctx, { now: () => new Date(Date.now() + 14 * 86_400_000) })
    expect(await resolveApprovalWaits(later, w.memberId, null)).toBe(1)
    await expect.poll(() => w.run(r.runId).steps[0].status, { timeout: 10_000, interval: 100 }).toBe('done')
    expect(w.run(r.runId).steps[0].returnValues).toMatchObject({ success: 'Y', outcome: 'timed-out', decidedBy: '' })
  })

  it('answers an error at once when dropped on an item without an approval route', async () => {
    const { itemId } = await w.newReceivable()
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'CHECK'), [
      { robot: 'approval-await' },
    ])
    expect(run.steps[0].returnValues).toMatchObject({ success: 'N' })
    expect(String(run.steps[0].returnValues!.errorMessage)).toMatch(/runs on items of the "approvals" smart process/)
  })
})
