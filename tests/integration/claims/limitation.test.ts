// The limitation period of a debt-recovery case is computed by the app when the case is opened
// (3 years from the day after the oldest invoice's due date, domain rules §1.3), so the 90/30-day
// warnings fire for real cases; a case without the date gets it on its next event; a date the
// lawyer typed is never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RobotWorld } from '../../helpers/installed-app.ts'
import { openRecoveryCase } from './recovery-case.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { limitationEndsOn } from '../../../server/domain/claims/limitation-period.ts'
import { addDays, nextWorkingDayOnOrAfter } from '../../../server/domain/calendar/index.ts'
import { limitationWarning } from '../../../server/domain/claims/recovery-clock.ts'

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
const claims = () => w.state.processes.claims!
const itemOf = (id: number) => w.sb.admin.items(w.portalId, claims().entityTypeId).find((i) => Number(i.id) === id)!
const field = (key: string) => claims().fields[key].upperName
const limitationOf = (id: number) => {
  const v = itemOf(id)[field('limitationExpires')]
  return v ? String(v).slice(0, 10) : null
}
const update = (id: number, fields: Record<string, unknown>) =>
  w.sb.admin.call(w.portalId, 'crm.item.update', { entityTypeId: claims().entityTypeId, id, fields })
const warnings = () =>
  w.sb.admin
    .notifications(w.portalId)
    .filter(
      (n) => Number(n.userId ?? n.USER_ID ?? n.toUserId) === lawyer && JSON.stringify(n).includes('исковой давности'),
    )

beforeAll(async () => {
  ;({ w, lawyer, claimItemId } = await openRecoveryCase())
}, 90_000)
afterAll(async () => w?.close(), 60_000)

describe('the limitation period of a debt-recovery case', () => {
  it('is written when the case is opened: 3 years from the day after the due date', async () => {
    // due 10.07.2026 -> runs from 11.07.2026 -> ends 11.07.2029 (a Wednesday)
    expect(limitationOf(claimItemId)).toBe('2029-07-11')
  })

  it('a case without the date gets it on its next event; a date the lawyer typed stays', async () => {
    await update(claimItemId, { [field('limitationExpires')]: '' })
    await waitFor('the date filled in again', () => limitationOf(claimItemId) === '2029-07-11')
    await new Promise((r) => setTimeout(r, 1100))
    await update(claimItemId, { [field('limitationExpires')]: '2029-09-01' })
    await new Promise((r) => setTimeout(r, 1100))
    await update(claimItemId, { title: 'Претензия: ООО Ромашка (уточнено)' })
    await new Promise((r) => setTimeout(r, 1500))
    expect(limitationOf(claimItemId)).toBe('2029-09-01')
  })

  it('an old invoice: the case opened by hand warns the lawyer before the period ends, with no date typed by anyone', async () => {
    const { today, calendar } = await portalDay(receivablesPorts(w.ctx), w.memberId)
    // due so that the period ends about 60 days from today
    // a working day, so the payment due day is the due date itself (art. 193 would move a day off
    // to the next working day and the period with it, whatever day the suite runs on)
    const due = nextWorkingDayOnOrAfter(calendar, addDays(`${Number(today.slice(0, 4)) - 3}${today.slice(4)}`, 59))
    const endsOn = limitationEndsOn(calendar, [due])!
    const expected = limitationWarning(endsOn, today)!
    expect(expected.threshold).toBe(90)
    const { itemId } = await w.newReceivable({ amount: 10_000_000, invoiceDate: addDays(due, -30), dueDate: due })
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
      { robot: 'claim-open' },
    ])
    const oldCase = Number(run.steps[0].returnValues!.claimId)
    expect(oldCase).not.toBe(claimItemId)
    expect(limitationOf(oldCase)).toBe(endsOn)
    const warned = await waitFor('the warning', () =>
      warnings().find((n) => JSON.stringify(n).includes(`осталось ${expected.daysLeft} дн.`)),
    )
    expect(JSON.stringify(warned)).toContain(endsOn.split('-').reverse().join('.'))
  })
})
