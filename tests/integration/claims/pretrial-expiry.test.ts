// Claims move on by themselves (issue 24 item 3): a case at "Claim sent" whose pre-trial deadline
// has passed unpaid goes to "Court preparation" once (and the lawyer's court task follows through the
// stage's event); a running promise or a partial payment since the claim holds it, said once in the
// case's timeline; with the setting "task" the lawyer gets one task to decide instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RobotWorld } from '../../helpers/installed-app.ts'
import { openRecoveryCase } from './recovery-case.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { escalateExpiredPretrial } from '../../../server/use-cases/claims/escalate-expired-pretrial.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'

let w: RobotWorld
let lawyer: number
let first: { claimItemId: number; receivableId: number }
const claims = () => w.state.processes.claims!
const wait = async <T>(what: string, read: () => T | undefined | null | false, ms = 15_000): Promise<T> => {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = read()
    if (v) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}
const item = (id: number) => w.sb.admin.items(w.portalId, claims().entityTypeId).find((i) => Number(i.id) === id)!
const stageOf = (id: number) => String(item(id).stageId)
const stage = (code: string) => w.stageId('claims', code, 'recovery')
const comments = (id: number) =>
  w.sb.admin
    .comments(w.portalId)
    .filter((c) => Number(c.ENTITY_ID) === id && String(c.COMMENT).startsWith('Досудебный срок истёк'))
    .map((c) => String(c.COMMENT))
const lawyerTasks = (prefix: string) =>
  w.sb.admin.tasks(w.portalId).filter((t) => Number(t.RESPONSIBLE_ID) === lawyer && String(t.TITLE).startsWith(prefix))
const scan = () => escalateExpiredPretrial(dunningPorts(w.ctx), w.memberId)
const caseStage = async (itemId: number) =>
  (
    await w.ctx.database.db
      .selectFrom('claim_cases')
      .select('stage')
      .where('member_id', '=', w.memberId)
      .where('item_id', '=', itemId)
      .executeTakeFirst()
  )?.stage

/** The claim was sent on `sentOn` (30 days + the next working day = the deadline); the case is at Claim sent. */
async function sendClaim(claimItemId: number, sentOn: string) {
  await w.sb.admin.call(w.portalId, 'crm.item.update', {
    entityTypeId: claims().entityTypeId,
    id: claimItemId,
    fields: { [claims().fields.claimSentDate.restName]: sentOn, stageId: stage('CLAIM_SENT') },
  })
  await wait('the pre-trial deadline', () => item(claimItemId)[claims().fields.pretrialDeadline.upperName])
  for (let i = 0; i < 100 && (await caseStage(claimItemId)) !== 'CLAIM_SENT'; i++)
    await new Promise((r) => setTimeout(r, 100))
}

async function anotherCase(): Promise<{ claimItemId: number; receivableId: number }> {
  const { itemId, receivableId } = await w.newReceivable({
    amount: 20_000_000,
    invoiceDate: '2026-06-10',
    dueDate: '2026-07-10',
  })
  const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  return { claimItemId: Number(run.steps[0].returnValues!.claimId), receivableId }
}

beforeAll(async () => {
  const c = await openRecoveryCase()
  ;({ w, lawyer } = c)
  first = { claimItemId: c.claimItemId, receivableId: c.receivableId }
}, 120_000)
afterAll(async () => w?.close(), 60_000)

describe('a claim whose pre-trial period has passed', () => {
  it('waits while a promise runs, said once in the timeline; then moves to Court preparation once', async () => {
    // sent 01.10.2026: the deadline 02.11.2026 (31.10 is a Saturday); today is 09.12.2026
    await sendClaim(first.claimItemId, '2026-10-01')
    expect(String(item(first.claimItemId)[claims().fields.pretrialDeadline.upperName]).slice(0, 10)).toBe('2026-11-02')
    const promise = (date: string | null) =>
      w.ctx.database.db
        .updateTable('dunning_receivables')
        .set({ promised_date: date })
        .where('member_id', '=', w.memberId)
        .where('receivable_id', '=', first.receivableId)
        .execute()
    await promise('2026-12-15')
    expect(await scan()).toEqual({ moved: 0, tasks: 0, held: 1 })
    expect(await scan()).toEqual({ moved: 0, tasks: 0, held: 0 })
    expect(comments(first.claimItemId)).toEqual([
      'Досудебный срок истёк 02.11.2026, но должник обещал оплатить до 15.12.2026: дело остаётся на этапе «Претензия направлена».',
    ])
    expect(stageOf(first.claimItemId)).toBe(stage('CLAIM_SENT'))
    // the promise is gone (broken and cleared): the case moves on, and the stage's own work follows
    await promise(null)
    expect(await scan()).toEqual({ moved: 1, tasks: 0, held: 0 })
    expect(stageOf(first.claimItemId)).toBe(stage('COURT_PREP'))
    await wait('the court task', () => lawyerTasks('Подготовить исковое заявление').length === 1)
    expect(comments(first.claimItemId)).toHaveLength(2)
    expect(comments(first.claimItemId)[1]).toBe(
      'Досудебный срок истёк 02.11.2026 без оплаты: дело переведено в «Подготовку иска».',
    )
  })

  it('is not moved again when a person moves it back to Claim sent', async () => {
    await new Promise((r) => setTimeout(r, 1100)) // portal events carry seconds
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: claims().entityTypeId,
      id: first.claimItemId,
      fields: { stageId: stage('CLAIM_SENT') },
    })
    for (let i = 0; i < 100 && (await caseStage(first.claimItemId)) !== 'CLAIM_SENT'; i++)
      await new Promise((r) => setTimeout(r, 100))
    expect(await scan()).toEqual({ moved: 0, tasks: 0, held: 0 })
    expect(stageOf(first.claimItemId)).toBe(stage('CLAIM_SENT'))
  })

  it('holds a case partly paid since the claim; with the setting "task" the lawyer decides, once', async () => {
    const b = await anotherCase()
    await sendClaim(b.claimItemId, '2026-10-01')
    await recordPayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        receivableId: b.receivableId,
        amount: 5_000_000,
        paidOn: '2026-10-20',
        source: 'manual',
        sourceRef: 'PP-PRETRIAL',
      },
    )
    expect(await scan()).toMatchObject({ moved: 0, held: 1 })
    expect(comments(b.claimItemId)[0]).toContain('частичная оплата (20.10.2026)')
    expect(stageOf(b.claimItemId)).toBe(stage('CLAIM_SENT'))

    await w.ctx.repos.settings.set(w.memberId, 'claims', { specialistId: lawyer, afterPretrial: 'task' }, 'test')
    const c = await anotherCase()
    await sendClaim(c.claimItemId, '2026-10-01')
    expect(await scan()).toMatchObject({ moved: 0, tasks: 1 })
    expect(await scan()).toMatchObject({ moved: 0, tasks: 0 })
    const tasks = lawyerTasks('Досудебный срок истёк')
    expect(tasks).toHaveLength(1)
    expect(String(tasks[0].DESCRIPTION)).toContain('Срок ответа на претензию истёк 02.11.2026, оплаты нет')
    expect(stageOf(c.claimItemId)).toBe(stage('CLAIM_SENT'))

    // "off": nothing at all
    await w.ctx.repos.settings.set(w.memberId, 'claims', { specialistId: lawyer, afterPretrial: 'off' }, 'test')
    const d = await anotherCase()
    await sendClaim(d.claimItemId, '2026-10-01')
    expect(await scan()).toEqual({ moved: 0, tasks: 0, held: 0 })
  })
})
