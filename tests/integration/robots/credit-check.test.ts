// credit-check through the sandbox's automation runner: the counterparty's debt from the ledger, the
// yes/no against each limit, the party read from the document or given by id, bad input refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'

let w: RobotWorld
let itemId: number
beforeAll(async () => {
  // the suite's today is 09.12.2026: R-1 is 69 days overdue, R-2 not yet due
  w = await startRobotWorld()
  itemId = (await w.newReceivable({ amount: 1_000_000, dueDate: '2026-10-01' })).itemId
  await w.newReceivable({ amount: 550_050, dueDate: '2026-12-31', invoiceDate: '2026-12-01' })
}, 60_000)
afterAll(async () => w?.close())

const check = (properties: Record<string, unknown>, stage = 'CHECK') =>
  w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', stage), [
    { robot: 'credit-check', properties },
  ])

describe('credit-check', () => {
  it('reads the company of the document and says no when anything is overdue and no limit is set', async () => {
    const run = await check({})
    expect(run.steps[0].returnValues).toMatchObject({
      success: 'Y',
      allowed: 'N',
      totalDebt: '15500.50',
      overdueDebt: '10000.00',
      oldestOverdueDays: 69,
      openInvoices: 2,
    })
    expect(String(run.steps[0].returnValues!.verdict)).toBe(
      'Лимит превышен: просроченный долг 10 000,00 ₽ больше лимита 0,00 ₽',
    )
  })

  it('names every limit that is broken, and says yes within all of them', async () => {
    const strict = await check({ maxTotal: '15000', maxOverdue: '9999,99', maxOverdueDays: '60' }, 'OVERDUE')
    expect(strict.steps[0].returnValues).toMatchObject({ success: 'Y', allowed: 'N' })
    expect(String(strict.steps[0].returnValues!.verdict)).toBe(
      'Лимит превышен: общий долг 15 500,50 ₽ больше лимита 15 000,00 ₽; ' +
        'просроченный долг 10 000,00 ₽ больше лимита 9 999,99 ₽; просрочка 69 дн. больше допустимых 60 дн.',
    )
    const loose = await check({ maxTotal: '15500.50', maxOverdue: '10000', maxOverdueDays: '69' })
    expect(loose.steps[0].returnValues).toMatchObject({ success: 'Y', allowed: 'Y', verdict: 'Лимит не превышен' })
  })

  it('takes the company from a template and a debt-free company by id', async () => {
    const tpl = await check({ company: '{=Document:companyId}', maxTotal: '100000' }, 'OVERDUE')
    expect(tpl.steps[0].returnValues).toMatchObject({ success: 'Y', allowed: 'Y', totalDebt: '15500.50' })
    const clean = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Чистая' })
    const run = await check({ company: String(clean) })
    expect(run.steps[0].returnValues).toMatchObject({
      success: 'Y',
      allowed: 'Y',
      totalDebt: '0.00',
      overdueDebt: '0.00',
      oldestOverdueDays: 0,
      openInvoices: 0,
    })
  })

  it('refuses a company the portal does not have, and bad limits, with a clear message and no writes', async () => {
    w.sb.admin.resetCounters(w.portalId)
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'OVERDUE'), [
      { robot: 'credit-check', properties: { company: '987654' } },
      { robot: 'credit-check', properties: { contact: 'ООО' } },
      { robot: 'credit-check', properties: { maxTotal: '-1' } },
      { robot: 'credit-check', properties: { maxOverdueDays: '-3' } },
    ])
    const answers = run.steps.map((s) => s.returnValues)
    expect(answers.map((a) => a?.success)).toEqual(['N', 'N', 'N', 'N'])
    expect(String(answers[0]!.errorMessage)).toContain('There is no company 987654 in the portal')
    expect(String(answers[1]!.errorMessage)).toContain('"contact" must be a whole number')
    expect(String(answers[2]!.errorMessage)).toContain('"maxTotal" must be 0 or more')
    expect(String(answers[3]!.errorMessage)).toContain('"maxOverdueDays" must be 0 or more')
    const writes = w.sb.admin
      .requestLog(w.portalId)
      .map((e) => String((e as { method?: string }).method))
      .filter((m) => /\.(add|update|delete)$/.test(m) && m !== 'crm.item.update')
    expect(writes).toEqual([])
  })
})
