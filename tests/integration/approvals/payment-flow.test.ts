// A payment request walked end to end in the sandbox portal, every step through its real event:
// incomplete save refused with the fields named, head approval (stage move in the portal), finance
// rejection with reason (our tab), restart, approvals, both accounting tasks, payment order
// attached -> Paid. Every task, notification and stage is checked; our own writes, echoed back as
// portal events, never count as a person's move.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, waitFor, type ApprovalWorld } from './world.ts'
import { decideApproval } from '../../../server/use-cases/approvals/decide-approval.ts'
import { handleApprovalTaskUpdate } from '../../../server/use-cases/approvals/handle-approval-task-update.ts'

let w: ApprovalWorld
let U: ApprovalWorld['U']
beforeAll(async () => {
  w = await approvalWorld()
  U = w.U
}, 60_000)
afterAll(async () => w?.close(), 60_000)

const stage = (itemId: number, code: string) => waitFor(`stage ${code}`, () => w.stageOf(itemId) === code)
const deadline = (t: Record<string, unknown>) => new Date(Number(t.DEADLINE) || String(t.DEADLINE)).toISOString()

describe('payment request: route, rejection, restart, accounting, Paid', () => {
  let itemId = 0
  let approvalId = 0
  let title = ''

  it('an incomplete request is refused with the missing fields named; nothing starts', async () => {
    itemId = await w.save(U.initiator, null, {
      counterparty: `CO_${w.companyId}`,
      amount: '125000.50|RUB',
      costItem: 'goods',
      initiator: U.initiator,
    })
    title = String(w.item(itemId).title)
    await waitFor('the refusal', () => w.notificationsTo(U.initiator).length > 0)
    expect(w.notificationsTo(U.initiator)).toEqual([expect.stringContaining('Заявка не заполнена: Счёт')])
    await w.settle()
    expect(w.stageOf(itemId)).toBe('NEW')
    expect(await w.ports().approvals.getByItem(w.M, w.ETID, itemId)).toBeNull()
    // the same incomplete save again does not notify twice
    await w.save(U.initiator, itemId, { amount: '125000.50|RUB' })
    await w.settle()
    expect(w.notificationsTo(U.initiator)).toHaveLength(1)
    const tab = await w.api('POST', `/approvals/item/${w.ETID}/${itemId}/start`, U.initiator)
    expect(tab.statusCode).toBe(400)
    expect(tab.json()).toMatchObject({
      error: 'approval.incomplete-request',
      details: { missing: ['invoiceAttached'] },
    })
  })

  it("saving the complete request starts the route at the head of the initiator's department (walking up past a department without a head)", async () => {
    await w.save(U.initiator, itemId, { invoiceFile: { id: 5, url: '/f/5' } })
    await stage(itemId, 'HEAD_APPROVAL')
    await w.settle()
    expect(Number(w.item(itemId)[w.F('approver')])).toBe(U.head)
    expect(w.notificationsTo(U.head)).toEqual([expect.stringContaining(`Нужно ваше согласование: «${title}`)])
    const v = await w.view(itemId, U.head)
    approvalId = v.id
    expect(v).toMatchObject({
      round: 1,
      status: 'in-progress',
      currentStep: 0,
      viewer: { canDecide: true, asSubstitute: false, canTake: true },
    })
    expect(v.steps.map((s: { id: string; assigneeId: number }) => [s.id, s.assigneeId])).toEqual([
      ['head', U.head],
      ['finance', U.finance],
      ['accounting', U.chief],
    ])
    // the first 4-hour check is armed in the queue at the moment the tab shows
    const timer = (await w.slaTimers()).find((t) => t.data.approvalId === approvalId)!
    expect(v.steps[0]).toMatchObject({ status: 'active', slaStatus: 'on-time', nextSlaAt: timer.at.toISOString() })
    expect(timer.at.getTime()).toBeGreaterThan(Date.parse(v.steps[0].startedAt))
    expect((await w.view(itemId, U.stranger)).viewer.canDecide).toBe(false)
  })

  it('a stranger cannot decide; the head approves by moving the card in the portal', async () => {
    const r = await w.api('POST', `/approvals/${approvalId}/decision`, U.stranger, {
      round: 1,
      stepIndex: 0,
      decision: 'approve',
    })
    expect(r.statusCode).toBe(403)
    await w.save(U.head, itemId, { stage: 'FINANCE_REVIEW' })
    await waitFor('the finance notification', () => w.notificationsTo(U.finance).length > 0)
    await w.settle()
    expect(w.stageOf(itemId)).toBe('FINANCE_REVIEW')
    expect((await w.record(itemId)).state.steps[0]).toMatchObject({ status: 'approved', decidedBy: U.head })
    expect(w.notificationsTo(U.finance)).toEqual([expect.stringContaining('Нужно ваше согласование')])
  })

  it('finance rejects from our tab: a reason is required; then Rejected, the reason on the card, the initiator told why', async () => {
    const noReason = await w.api('POST', `/approvals/${approvalId}/decision`, U.finance, {
      round: 1,
      stepIndex: 1,
      decision: 'reject',
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error).toBe('approval.reason-required')
    const r = await w.api('POST', `/approvals/${approvalId}/decision`, U.finance, {
      round: 1,
      stepIndex: 1,
      decision: 'reject',
      reason: 'ИНН контрагента не совпадает со счётом',
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'decided', approval: { status: 'rejected' } })
    await stage(itemId, 'FAIL')
    await w.settle()
    expect(w.item(itemId)[w.F('rejectionReason')]).toBe('ИНН контрагента не совпадает со счётом')
    expect(w.notificationsTo(U.initiator).at(-1)).toContain('Причина: ИНН контрагента не совпадает со счётом')
    // each decision is an entry in the request's own timeline: who, when, the decision, the reason, the SLA
    const entries = w.sb.admin
      .comments(w.portalId)
      .filter((c) => Number(c.ENTITY_ID) === itemId && String(c.COMMENT).startsWith('Согласование, шаг'))
      .map((c) => String(c.COMMENT))
    expect(entries).toHaveLength(2)
    expect(entries[0]).toMatch(
      /^Согласование, шаг «руководитель отдела»: согласовано\nКто: Глава Тестов\nКогда: \d\d\.\d\d\.\d{4} \d\d:\d\d\nSLA: соблюдён$/,
    )
    expect(entries[1]).toMatch(
      /^Согласование, шаг «финансист»: отклонено\nКто: Финансист Тестов\nКогда: .+\nПричина: ИНН контрагента не совпадает со счётом\nSLA: соблюдён$/,
    )
  })

  it('after the fix, moving the card out of Rejected restarts the route from the head (round 2)', async () => {
    await w.save(U.initiator, itemId, { stage: 'NEW', amount: '125000.00|RUB' })
    await waitFor('round 2', async () => (await w.record(itemId)).state.round === 2)
    await stage(itemId, 'HEAD_APPROVAL')
    await w.settle()
    expect(w.notificationsTo(U.head)).toHaveLength(2)
    const v = await w.view(itemId, U.head)
    expect(v).toMatchObject({ round: 2, currentStep: 0 })
    expect(v.audit.map((a: { action: string }) => a.action)).toEqual([
      'approval.restarted',
      'approval.rejected',
      'approval.approved',
      'approval.started',
    ])
  })

  it('head and finance approve; accounting gets "Make the payment" (details, checklist, deadline) and the junior\'s subtask', async () => {
    const r = await w.api('POST', `/approvals/${approvalId}/decision`, U.head, {
      round: 2,
      stepIndex: 0,
      decision: 'approve',
    })
    expect(r.json().status).toBe('decided')
    await stage(itemId, 'FINANCE_REVIEW')
    await w.settle()
    // Monday 14:30 MSK: after the 13:00 cut-off -> due the next working day at 18:00
    const at = new Date('2030-06-10T11:30:00Z')
    await decideApproval(
      w.ports(at),
      { memberId: w.M, approvalId, round: 2, stepIndex: 1, decision: 'approve', actorId: U.finance },
      'ui',
    )
    await waitFor('both accounting tasks', () => w.tasksOf(itemId).length === 2)
    await stage(itemId, 'ACCOUNTING')
    await w.settle()
    const [main, sub] = w.tasksOf(itemId).sort((a, b) => Number(a.id) - Number(b.id))
    const binding = [`T${w.ETID.toString(16)}_${itemId}`]
    expect(main).toMatchObject({ RESPONSIBLE_ID: U.chief, UF_CRM_TASK: binding })
    // 11.06.2030 precedes the 12 June holiday: a year without official data is counted by art. 112 and
    // its pre-holiday day is an hour shorter (art. 95), so the working day ends at 17:00 Moscow time
    expect(deadline(main)).toBe('2030-06-11T14:00:00.000Z')
    expect(String(main.TITLE)).toMatch(/^Выполнить оплату/)
    expect(String(main.DESCRIPTION)).toContain('Сумма: 125')
    expect(sub).toMatchObject({ RESPONSIBLE_ID: U.junior, PARENT_ID: Number(main.id), UF_CRM_TASK: binding })
    expect(deadline(sub)).toBe('2030-06-11T14:00:00.000Z')
    expect(String(sub.TITLE)).toMatch(/^Прикрепить платёжное поручение с отметкой банка/)
    const list = await w.sb.admin.call<unknown[]>(w.portalId, 'task.checklistitem.getlist', { TASKID: main.id })
    expect(list.result).toHaveLength(4)
  })

  it('both tasks done is not enough without the payment order; attaching it -> Paid and the initiator is told', async () => {
    const [main, sub] = w.tasksOf(itemId).sort((a, b) => Number(a.id) - Number(b.id))
    expect(await handleApprovalTaskUpdate(w.ports(), w.M, Number(main.id))).toBe('unchanged') // still open
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: main.id }, { userId: U.chief })
    await waitFor('the main task recorded', async () => (await w.record(itemId)).state.accounting.mainDone)
    await w.sb.admin.call(w.portalId, 'tasks.task.complete', { taskId: sub.id }, { userId: U.junior })
    await waitFor('the subtask recorded', async () => (await w.record(itemId)).state.accounting.subDone)
    await w.settle()
    expect(w.stageOf(itemId)).toBe('ACCOUNTING')
    expect((await w.record(itemId)).state.status).toBe('in-progress')
    await w.save(U.junior, itemId, { paymentOrderFile: { id: 9, url: '/f/9' } })
    await stage(itemId, 'SUCCESS')
    await w.settle()
    expect(w.notificationsTo(U.initiator).at(-1)).toContain('Счёт оплачен')
    expect((await w.view(itemId, U.initiator)).status).toBe('done')
    // a replayed task event changes nothing
    expect(await handleApprovalTaskUpdate(w.ports(), w.M, Number(sub.id))).toBe('unchanged')
    expect(w.tasksOf(itemId)).toHaveLength(2)
    // none of our own writes, echoed back by the portal, was taken for a person's move
    const audit = await w.ctx.repos.audit.list(w.M, 'approval', String(approvalId), 100)
    expect(audit.filter((a) => a.action === 'approval.move-refused')).toEqual([])
  })
})
