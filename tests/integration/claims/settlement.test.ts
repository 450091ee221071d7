// A settlement schedule in "Pre-trial settlement" (seed 002): the debtor pays 500,000 RUB in three
// tranches. Payments on the case's invoice cover the tranches in deadline order (a partial payment
// covers none), a reversal uncovers them, the case's ONE totals comment shows the schedule, and a
// tranche left unpaid after its due day gives the lawyer one task. Outside that stage the schedule
// cannot be edited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RobotWorld } from '../../helpers/installed-app.ts'
import { openRecoveryCase } from './recovery-case.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { claimTotalsTitles } from '../../../server/domain/claims/claim-totals-comment.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { reversePayment } from '../../../server/use-cases/receivables/reverse-payment.ts'
import { trackSettlements } from '../../../server/use-cases/claims/track-settlement.ts'

let w: RobotWorld
let claimItemId: number
let receivableId: number
let lawyer: number
let view: ClaimViewDto

const api = async <T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
): Promise<{ status: number; body: T }> => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
const move = (stage: string) =>
  w.sb.admin.call(w.portalId, 'crm.item.update', {
    entityTypeId: w.state.processes.claims!.entityTypeId,
    id: claimItemId,
    fields: { stageId: w.stageId('claims', stage, 'recovery') },
  })
const statuses = async () =>
  (
    await w.ctx.database.db
      .selectFrom('claim_tranches')
      .select('status')
      .where('case_id', '=', view.id)
      .orderBy('deadline')
      .execute()
  ).map((t) => t.status)
const pay = async (amount: number, ref: string) => {
  const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
  return recordPayment(
    receivablesPorts(w.ctx),
    { memberId: w.memberId, actor: 'user:1', source: 'test' },
    { receivableId, amount, paidOn: today, source: 'manual', sourceRef: ref },
  )
}

beforeAll(async () => {
  ;({ w, lawyer, claimItemId, receivableId } = await openRecoveryCase())
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('settlement schedule of a debt-recovery case', () => {
  it('is refused outside "Pre-trial settlement", with a clear code', async () => {
    view = (await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)).body
    const r = await api<{ error: string }>('POST', `/claims/${view.id}/tranches`, {
      deadline: '2026-12-15',
      amount: 20_000_000,
    })
    expect(r.status).toBe(409)
    expect(r.body.error).toBe('claim.not-pretrial')
    expect(await statuses()).toEqual([])
  })

  it('three tranches in Pre-trial settlement cover the principal claimed', async () => {
    await move('PRETRIAL')
    for (const [deadline, amount] of [
      ['2027-01-15', 20_000_000],
      ['2026-12-15', 20_000_000],
      ['2027-02-15', 10_000_000],
    ] as const) {
      const r = await api<ClaimViewDto>('POST', `/claims/${view.id}/tranches`, { deadline, amount })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      view = r.body
    }
    expect(view.tranches.map((t) => t.deadline)).toEqual(['2026-12-15', '2027-01-15', '2027-02-15'])
    // measured against what the case claims today: the principal and the interest accrued so far
    expect(view.agreedCompensation).toBe(view.recovery!.total)
    expect(view.recovery!.principal).toBe(50_000_000)
    expect(view.recovery!.interest + view.recovery!.penalty).toBeGreaterThan(0)
    expect(view.totals).toEqual({ total: 50_000_000, paid: 0, remaining: 50_000_000 })
    expect(view.tranches.every((t) => t.taskId === null)).toBe(true) // the debtor pays: no accountant's task
  })

  it('payments cover tranches in deadline order, only in full; a reversal uncovers; one totals comment', async () => {
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const run = (now?: string) =>
      trackSettlements(dunningPorts(w.ctx, now ? { now: () => new Date(now) } : {}), client, w.memberId)
    await pay(15_000_000, 's-1')
    expect(await run()).toEqual({ paid: 0, reverted: 0, missed: 0 })
    expect(await statuses()).toEqual(['planned', 'planned', 'planned'])
    const second = await pay(6_000_000, 's-2')
    expect(await run()).toMatchObject({ paid: 1, reverted: 0 })
    expect(await statuses()).toEqual(['paid', 'planned', 'planned'])
    expect(await run()).toEqual({ paid: 0, reverted: 0, missed: 0 }) // nothing changed since
    const comments = () =>
      w.sb.admin
        .comments(w.portalId)
        .filter(
          (c) => Number(c.ENTITY_ID) === claimItemId && claimTotalsTitles().includes(String(c.COMMENT).split('\n')[0]),
        )
    expect(comments()).toHaveLength(1)
    expect(String(comments()[0].COMMENT).replace(/\u00a0/g, ' ')).toContain(
      '500 000,00 ₽ / 200 000,00 ₽ / 300 000,00 ₽',
    )
    const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    await reversePayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      second.payment.id,
      'bounced',
      today,
    )
    expect(await run()).toMatchObject({ paid: 0, reverted: 1 })
    expect(await statuses()).toEqual(['planned', 'planned', 'planned'])
    expect(comments()).toHaveLength(1)
    expect(String(comments()[0].COMMENT).replace(/\u00a0/g, ' ')).toContain('500 000,00 ₽ / 0,00 ₽ / 500 000,00 ₽')
    const tab = (await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)).body
    expect(tab.totals).toEqual({ total: 50_000_000, paid: 0, remaining: 50_000_000 })
  })

  it('claim work opened by hand from the invoice card is the same claim; a paid invoice is refused and opens nothing', async () => {
    const again = await api<{ claimItemId: number; entityTypeId: number }>(
      'POST',
      `/dunning/receivables/${receivableId}/open-claim`,
      {},
    )
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body).toEqual({ claimItemId, entityTypeId: w.state.processes.claims!.entityTypeId })
    const other = await w.newReceivable({ amount: 100_000 })
    const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    await recordPayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      { receivableId: other.receivableId, amount: 100_000, paidOn: today, source: 'manual', sourceRef: 'full' },
    )
    const items = () => w.sb.admin.items(w.portalId, w.state.processes.claims!.entityTypeId).length
    const before = items()
    const refused = await api<{ error: string }>('POST', `/dunning/receivables/${other.receivableId}/open-claim`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('dunning.conflict')
    expect(items()).toBe(before)
  })

  it('a tranche unpaid after its due day gives the lawyer one task, bound to the case', async () => {
    const client = await w.ctx.b24!.forPortal(w.memberId)
    const run = (now: string) => trackSettlements(dunningPorts(w.ctx, { now: () => new Date(now) }), client, w.memberId)
    expect((await run('2026-12-15T12:00:00Z')).missed).toBe(0) // the due day itself
    expect((await run('2026-12-16T12:00:00Z')).missed).toBe(1)
    await run('2026-12-16T15:00:00Z')
    const tasks = w.sb.admin
      .tasks(w.portalId)
      .filter(
        (t) => Number(t.RESPONSIBLE_ID) === lawyer && String(t.TITLE).startsWith('Должник не внёс платёж по графику'),
      )
    expect(tasks).toHaveLength(1)
    expect(String(tasks[0].TITLE).replace(/\u00a0/g, ' ')).toContain('200 000,00 ₽ до 15.12.2026')
    expect(tasks[0].UF_CRM_TASK).toEqual([`T${w.state.processes.claims!.entityTypeId.toString(16)}_${claimItemId}`])
  })
})
