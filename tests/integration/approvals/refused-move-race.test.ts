// A person's stage move that the route refuses is put back only while the route stands where it stood when
// the move was judged. A decision committed meanwhile keeps its stage: once, CI saw the demo's rejected
// request end in Head approval, because a move judged on an older read of the card was "undone" over the
// head's rejection, or the echo of our own move to Head approval, read just before the rejection, was taken
// for a person moving the rejected card out of Rejected and restarted the route. Each case holds the
// handling of a portal event at one point and lets the head reject there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalWorld, type ApprovalWorld } from './world.ts'
import { decideApproval } from '../../../server/use-cases/approvals/decide-approval.ts'
import { handleApprovalItemEvent } from '../../../server/use-cases/approvals/handle-approval-item-event.ts'
import type { ApprovalPorts } from '../../../server/use-cases/approvals/approval-ports.ts'
import { aroundCalls } from '../../helpers/clients-around.ts'

let w: ApprovalWorld
beforeAll(async () => {
  w = await approvalWorld()
}, 60_000)
afterAll(async () => w?.close(), 60_000)

/** A complete request saved by the initiator: its route has started, the card stands in Head approval. */
async function running(amount: string): Promise<number> {
  const itemId = await w.save(w.U.initiator, null, {
    counterparty: `CO_${w.companyId}`,
    amount: `${amount}|RUB`,
    costItem: 'goods',
    initiator: w.U.initiator,
    invoiceFile: { id: 7, url: '/f/7' },
  })
  await w.settle()
  expect(w.stageOf(itemId)).toBe('HEAD_APPROVAL')
  return itemId
}

/** A running request whose card the initiator then drags back to New (the portal's event held back). */
async function draggedBack(): Promise<number> {
  const itemId = await running('48000.00')
  await w.sb.admin.call(
    w.portalId,
    'crm.item.update',
    { entityTypeId: w.ETID, id: itemId, fields: { stageId: w.ap.pipelines.payments!.stages.NEW } },
    { userId: w.U.initiator, events: false },
  )
  return itemId
}

/** The head rejects the request from our tab, and the app applies it to the card. */
async function headRejects(ports: ApprovalPorts, itemId: number): Promise<void> {
  const r = await w.record(itemId)
  const out = await decideApproval(
    ports,
    {
      memberId: w.M,
      approvalId: r.id,
      round: r.state.round,
      stepIndex: 0,
      decision: 'reject',
      actorId: w.U.head,
      reason: 'Нет договора',
    },
    'ui',
  )
  expect(out.status).toBe('decided')
  await w.settle()
  expect(w.stageOf(itemId)).toBe('FAIL')
}

/** `ports` whose portal clients run `around(method, params, call)` in place of each call. */
const clientsAround = (ports: ApprovalPorts, around: Parameters<typeof aroundCalls>[1]): ApprovalPorts => ({
  ...ports,
  clients: aroundCalls(ports.clients!, around),
})

describe('a portal event and a decision at the same moment', () => {
  it('the echo of our move to Head approval, read just before the head rejects, does not restart the route', async () => {
    const itemId = await running('51000.00')
    const ports = w.ports()
    let held = false
    const racing = clientsAround(ports, async (method, _params, call) => {
      const answer = await call()
      if (!held && method === 'crm.item.get') {
        held = true
        await headRejects(ports, itemId)
      }
      return answer
    })
    const out = await handleApprovalItemEvent(racing, w.M, w.ETID, itemId)
    await w.settle()
    expect(held).toBe(true)
    expect(out.status).toBe('unchanged')
    expect(w.stageOf(itemId)).toBe('FAIL')
    const r = await w.record(itemId)
    expect({ status: r.state.status, round: r.state.round }).toEqual({ status: 'rejected', round: 1 })
  })

  it('the head rejects after the move was read and before it is judged: the card stays in Rejected', async () => {
    const itemId = await draggedBack()
    const ports = w.ports()
    let held = false
    let cardRead = false
    const reading = clientsAround(ports, async (method, _params, call) => {
      if (method === 'crm.item.get') cardRead = true
      return call()
    })
    const racing: ApprovalPorts = {
      ...reading,
      approvals: {
        ...ports.approvals,
        async hasPendingOutbox(memberId, approvalId) {
          if (!held && cardRead) {
            held = true
            await headRejects(ports, itemId)
          }
          return ports.approvals.hasPendingOutbox(memberId, approvalId)
        },
      },
    }
    const out = await handleApprovalItemEvent(racing, w.M, w.ETID, itemId)
    await w.settle()
    expect(held).toBe(true)
    expect(out).toEqual({ status: 'unchanged', detail: 'the route moved on meanwhile' })
    expect(w.stageOf(itemId)).toBe('FAIL')
    expect((await w.record(itemId)).state.status).toBe('rejected')
    expect(w.notificationsTo(w.U.initiator).join('\n')).not.toContain('отменено')
  })

  it('the head rejects while the write that puts the card back waits for the portal: the rejection wins', async () => {
    const itemId = await draggedBack()
    const ports = w.ports()
    let held = false
    const racing = clientsAround(ports, async (method, params, call) => {
      if (!held && method === 'crm.item.update' && (params.fields as { stageId?: string } | undefined)?.stageId) {
        held = true
        await headRejects(ports, itemId)
      }
      return call()
    })
    const out = await handleApprovalItemEvent(racing, w.M, w.ETID, itemId)
    await w.settle()
    expect(held).toBe(true)
    expect(out.status).toBe('refused')
    expect(w.stageOf(itemId)).toBe('FAIL')
    expect((await w.record(itemId)).state.status).toBe('rejected')
  })
})
