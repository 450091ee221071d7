// A debt-recovery case moved through its stages in the sandbox portal: "First notice" e-mails the
// debtor once; "Claim sent" records the date and the 30-day pre-trial deadline and gives the lawyer
// the follow-up due that day in working time; "Court preparation" gives the lawyer a task with the
// document checklist; a limitation period ending within 90 days warns the lawyer once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RobotWorld } from '../../helpers/installed-app.ts'
import { openRecoveryCase } from './recovery-case.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { pretrialDeadline } from '../../../server/domain/claims/recovery-clock.ts'
import { endOfWorkingDay } from '../../../server/domain/calendar/index.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { reconcileClaimStages } from '../../../server/use-cases/claims/handle-claim-stage.ts'
import { closePaidClaims } from '../../../server/use-cases/claims/close-paid-claims.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'

let w: RobotWorld
let claimItemId: number
let lawyer: number
const waitFor = async <T>(what: string, read: () => T | undefined | null | false, ms = 15_000): Promise<T> => {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const v = read()
    if (v) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}
const claimItem = () =>
  w.sb.admin.items(w.portalId, w.state.processes.claims!.entityTypeId).find((i) => Number(i.id) === claimItemId)!
const field = (key: string) => w.state.processes.claims!.fields[key].upperName
const move = (stage: string) =>
  w.sb.admin.call(w.portalId, 'crm.item.update', {
    entityTypeId: w.state.processes.claims!.entityTypeId,
    id: claimItemId,
    fields: { stageId: w.stageId('claims', stage, 'recovery') },
  })
const lawyerTasks = () => w.sb.admin.tasks(w.portalId).filter((t) => Number(t.RESPONSIBLE_ID) === lawyer)

beforeAll(async () => {
  ;({ w, lawyer, claimItemId } = await openRecoveryCase())
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('debt-recovery stages', () => {
  it('First notice e-mails the debtor once', async () => {
    await move('FIRST_NOTICE')
    const mail = await waitFor(
      'the notice e-mail',
      () =>
        w.sb.admin.activities(w.portalId).filter((a) => String(a.SUBJECT).startsWith('Уведомление о задолженности'))
          .length === 1 && w.sb.admin.activities(w.portalId),
    )
    const notice = mail.find((a) => String(a.SUBJECT).startsWith('Уведомление о задолженности'))!
    expect(String(notice.DESCRIPTION).replace(/\u00a0/g, ' ')).toContain('500 000,00 ₽')
    // the same stage again (a repeated event) sends nothing more
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: w.state.processes.claims!.entityTypeId,
      id: claimItemId,
      fields: { title: 'Претензия: ООО Ромашка (уточнено)' },
    })
    await new Promise((r) => setTimeout(r, 1500))
    expect(
      w.sb.admin.activities(w.portalId).filter((a) => String(a.SUBJECT).startsWith('Уведомление о задолженности')),
    ).toHaveLength(1)
  })

  it("Claim sent: the date, the 30-day deadline on a working day, and the lawyer's follow-up due then", async () => {
    await move('CLAIM_SENT')
    const task = await waitFor('the follow-up task', () =>
      lawyerTasks().find((t) => String(t.TITLE).startsWith('Срок ответа на претензию истёк')),
    )
    const { today, calendar } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    const deadline = pretrialDeadline(calendar, today)
    const item = await waitFor('the dates on the item', () =>
      claimItem()[field('pretrialDeadline')] ? claimItem() : null,
    )
    expect(String(item[field('claimSentDate')]).slice(0, 10)).toBe(today)
    expect(String(item[field('pretrialDeadline')]).slice(0, 10)).toBe(deadline)
    expect(new Date(Number(task.DEADLINE)).toISOString()).toBe(
      new Date(endOfWorkingDay(calendar, deadline)).toISOString(),
    )
    expect(String(task.DESCRIPTION)).toContain('ч. 5 ст. 4 АПК РФ')
    expect(task.UF_CRM_TASK).toEqual([`T${w.state.processes.claims!.entityTypeId.toString(16)}_${claimItemId}`])
  })

  it('Court preparation, its event lost: the 15-minute reconcile gives the lawyer the task with the checklist, once', async () => {
    await new Promise((r) => setTimeout(r, 1100)) // portal events carry seconds: keep this move apart from our own write
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 1 })
    await move('COURT_PREP')
    await new Promise((r) => setTimeout(r, 500))
    w.sb.admin.setFaults(w.portalId, { dropEventRate: 0 })
    expect(lawyerTasks().some((t) => String(t.TITLE).startsWith('Подготовить исковое заявление'))).toBe(false)
    expect(await reconcileClaimStages(dunningPorts(w.ctx), w.memberId)).toBe(1)
    const task = await waitFor('the court task', () =>
      lawyerTasks().find((t) => String(t.TITLE).startsWith('Подготовить исковое заявление')),
    )
    const list = await (async () => {
      for (let i = 0; i < 100; i++) {
        const l = (
          (await w.sb.admin.call(w.portalId, 'task.checklistitem.getlist', { TASKID: task.id })) as {
            result: { TITLE: string }[]
          }
        ).result
        if (l.length) return l
        await new Promise((r) => setTimeout(r, 100))
      }
      return []
    })()
    expect(list.map((c) => c.TITLE)).toEqual([
      'Копия претензии',
      'Доказательство отправки претензии (опись, квитанция)',
      'Договор и допсоглашения',
      'Акты, накладные, УПД',
      'Расчёт долга и неустойки (процентов)',
      'Акт сверки (если подписан)',
      'Госпошлина оплачена',
    ])
    await move('PRETRIAL')
    await new Promise((r) => setTimeout(r, 1100))
    await move('COURT_PREP')
    await new Promise((r) => setTimeout(r, 1500))
    expect(await reconcileClaimStages(dunningPorts(w.ctx), w.memberId)).toBe(0)
    expect(lawyerTasks().filter((t) => String(t.TITLE).startsWith('Подготовить исковое заявление'))).toHaveLength(1)
  })

  it('the limitation period ending within 90 days warns the lawyer once', async () => {
    const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    const ends = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10)
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: w.state.processes.claims!.entityTypeId,
      id: claimItemId,
      fields: { [field('limitationExpires')]: ends },
    })
    const warned = () =>
      w.sb.admin
        .notifications(w.portalId)
        .filter(
          (n) =>
            Number(n.userId ?? n.USER_ID ?? n.toUserId) === lawyer && JSON.stringify(n).includes('исковой давности'),
        )
    await waitFor('the warning', () => warned().length > 0)
    await w.sb.admin.call(w.portalId, 'crm.item.update', {
      entityTypeId: w.state.processes.claims!.entityTypeId,
      id: claimItemId,
      fields: { title: 'ещё раз' },
    })
    await new Promise((r) => setTimeout(r, 1500))
    expect(warned()).toHaveLength(1)
    expect(JSON.stringify(warned()[0])).toContain('осталось 60 дн.')
  })

  it('paying the debt moves the case to Recovered (principal field follows), once', async () => {
    const rec = await w.ctx.database.db
      .selectFrom('dunning_receivables')
      .select('receivable_id')
      .where('claim_item_id', '=', claimItemId)
      .executeTakeFirstOrThrow()
    const { today } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    await recordPayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        receivableId: Number(rec.receivable_id),
        amount: 20_000_000,
        paidOn: today,
        source: 'manual',
        sourceRef: 'part-1',
      },
    )
    expect(await closePaidClaims(dunningPorts(w.ctx), w.memberId)).toBe(1)
    expect(String(claimItem()[field('debtPrincipal')])).toBe('300000.00|RUB')
    expect(claimItem().stageId).toBe(w.stageId('claims', 'COURT_PREP', 'recovery'))
    expect(await closePaidClaims(dunningPorts(w.ctx), w.memberId)).toBe(0) // nothing changed since
    await recordPayment(
      receivablesPorts(w.ctx),
      { memberId: w.memberId, actor: 'user:1', source: 'test' },
      {
        receivableId: Number(rec.receivable_id),
        amount: 30_000_000,
        paidOn: today,
        source: 'manual',
        sourceRef: 'part-2',
      },
    )
    expect(await closePaidClaims(dunningPorts(w.ctx), w.memberId)).toBe(1)
    expect(claimItem().stageId).toBe(w.stageId('claims', 'SUCCESS', 'recovery'))
    expect(
      w.sb.admin
        .comments(w.portalId)
        .filter((c) => Number(c.ENTITY_ID) === claimItemId && String(c.COMMENT).startsWith('Долг погашен полностью')),
    ).toHaveLength(1)
  })
})
