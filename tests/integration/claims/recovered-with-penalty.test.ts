// A recovery case whose penalty was claimed closes as Recovered when the debtor pays the debt AND the
// penalty (what is paid above the invoices counts towards it); with the principal alone paid, the
// lawyer hears once what is left and the case stays open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RobotWorld } from '../../helpers/installed-app.ts'
import { openRecoveryCase } from './recovery-case.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { closePaidClaims } from '../../../server/use-cases/claims/close-paid-claims.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'

let w: RobotWorld
let lawyer: number
let receivableId: number
let claimItemId: number
const claims = () => w.state.processes.claims!
const claimItem = () => w.sb.admin.items(w.portalId, claims().entityTypeId).find((i) => Number(i.id) === claimItemId)!
const pay = async (amount: number, ref: string) => {
  const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
  await recordPayment(
    receivablesPorts(w.ctx),
    { memberId: w.memberId, actor: 'user:1', source: 'test' },
    { receivableId, amount, paidOn: today, source: 'manual', sourceRef: ref },
  )
}

beforeAll(async () => {
  ;({ w, lawyer, receivableId, claimItemId } = await openRecoveryCase())
  // the lawyer claimed a penalty of 12,345.67 RUB on the 500,000 RUB debt
  await w.sb.admin.call(w.portalId, 'crm.item.update', {
    entityTypeId: claims().entityTypeId,
    id: claimItemId,
    fields: { [claims().fields.penalty.restName]: '12345.67|RUB' },
  })
}, 60_000)
afterAll(async () => w?.close())

describe('a recovery case with a claimed penalty', () => {
  it('the principal paid: stays open, the lawyer hears once what is left', async () => {
    await pay(50_000_000, 'principal')
    await closePaidClaims(dunningPorts(w.ctx), w.memberId)
    expect(claimItem().stageId).not.toBe(w.stageId('claims', 'SUCCESS', 'recovery'))
    const told = () =>
      w.sb.admin
        .notifications(w.portalId)
        .filter((n) => Number(n.userId) === lawyer && String(n.message).includes('основной долг погашен'))
    expect(told()).toHaveLength(1)
    expect(String(told()[0].message)).toContain('12 345,67')
    expect(await closePaidClaims(dunningPorts(w.ctx), w.memberId)).toBe(0)
    expect(told()).toHaveLength(1)
  })

  it('part of the penalty paid: still open; the rest paid: Recovered, once', async () => {
    await pay(1_000_000, 'penalty-1')
    await closePaidClaims(dunningPorts(w.ctx), w.memberId)
    expect(claimItem().stageId).not.toBe(w.stageId('claims', 'SUCCESS', 'recovery'))
    await pay(234_567, 'penalty-2')
    expect(await closePaidClaims(dunningPorts(w.ctx), w.memberId)).toBe(1)
    expect(claimItem().stageId).toBe(w.stageId('claims', 'SUCCESS', 'recovery'))
    const closed = w.sb.admin
      .comments(w.portalId)
      .filter(
        (c) =>
          Number(c.ENTITY_ID) === claimItemId && String(c.COMMENT).startsWith('Долг, неустойка и проценты погашены'),
      )
    expect(closed).toHaveLength(1)
    expect(await closePaidClaims(dunningPorts(w.ctx), w.memberId)).toBe(0)
  })
})
