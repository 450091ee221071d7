// Reports from the ledger with a fixed "today" (2025-06-15): overdue by week, DSO, collection
// effectiveness, promises kept/broken, payouts due this month, approvals by approver — exact to the
// kopeck; claims by stage read from the sandbox portal (stage names in the UI's language); exports
// (the register and each report as CSV, everything as XLSX) and admin-only access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { createReceivable } from '../../../server/use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts, type ReceivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { collectionReport } from '../../../server/use-cases/reports/report-collection.ts'
import { approvalsReport, payoutsReport, promisesReport } from '../../../server/use-cases/reports/report-work.ts'
import { dunningRepository } from '../../../server/storage/repositories/dunning.ts'
import { claimsRepository } from '../../../server/storage/repositories/claims.ts'
import type { ClaimsReportDto } from '../../../contracts/reports.ts'

let w: RobotWorld
let ports: ReceivablesPorts
const R: Record<string, number> = {}
let clerk: number

const get = async (url: string, user = 1) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  return w.app.inject({
    method: 'GET',
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
  })
}

beforeAll(async () => {
  w = await startRobotWorld()
  // the approvers below are portal users 5 and 7: the report names them
  for (let id = 0; id < 7;) id = w.sb.admin.addUser(w.portalId, { name: 'Сотрудник' }).id
  w.sb.admin.updateUser(w.portalId, 5, { name: 'Ольга', lastName: 'Финансова' })
  w.sb.admin.updateUser(w.portalId, 7, { name: 'Иван', lastName: 'Начальников' })
  ports = receivablesPorts(w.ctx, { now: () => new Date('2025-06-15T12:00:00+03:00') })
  const who = { memberId: w.memberId, actor: 'user:1', source: 'test' }
  const add = async (k: string, invoiceDate: string, dueDate: string, amount: number) => {
    R[k] = (
      await createReceivable(ports, who, {
        counterparty: { type: 'company', id: w.companyId, name: 'ООО Ромашка' },
        invoiceNumber: k,
        invoiceDate,
        dueDate,
        amount,
        currency: 'RUB',
        responsibleId: 1,
      })
    ).id
  }
  await add('A', '2025-03-01', '2025-04-01', 10_000_000)
  await add('B', '2025-05-05', '2025-05-20', 5_000_000)
  await add('C', '2025-06-02', '2025-07-02', 3_000_000)
  await add('D', '2025-05-01', '2025-05-10', 1_000_000) // overpaid on 06-01: never counts below zero
  const pay = (k: string, paidOn: string, amount: number) =>
    recordPayment(ports, who, { receivableId: R[k], amount, paidOn, source: 'manual', sourceRef: `${k}-${paidOn}` })
  await pay('A', '2025-05-10', 4_000_000)
  await pay('A', '2025-06-10', 6_000_000)
  await pay('B', '2025-06-12', 2_000_000)
  await pay('D', '2025-06-01', 1_500_000)
  const dun = dunningRepository(w.ctx.database.db)
  await dun.patchState(w.memberId, R.B, {
    promised_date: '2025-06-10',
    promised_amount: 2_000_000,
    promise_recorded_on: '2025-06-01',
    remaining_at_promise: 5_000_000,
  })
  await dun.patchState(w.memberId, R.C, {
    promised_date: '2025-06-12',
    promised_amount: 1_000_000,
    promise_recorded_on: '2025-06-05',
    remaining_at_promise: 3_000_000,
  })
  const claims = claimsRepository(w.ctx.database.db)
  const c = await claims.upsert(w.memberId, {
    itemId: 900,
    kind: 'payout',
    title: 'Компенсация Иванову',
    counterpartyName: 'Иванов И.',
    assignedById: 1,
  })
  await claims.addTranche(w.memberId, c.id, { deadline: '2025-06-20', amount: 350_000 })
  await claims.addTranche(w.memberId, c.id, { deadline: '2025-06-05', amount: 200_000 })
  await claims.addTranche(w.memberId, c.id, { deadline: '2025-07-10', amount: 150_000 })
  const step = (
    assigneeId: number,
    startedAt: string,
    decidedAt: string | null,
    o: { escalatedAt?: string; substitute?: boolean } = {},
  ) => ({
    kind: 'approval',
    assigneeId,
    startedAt,
    decidedAt,
    remindedAt: null,
    escalatedAt: o.escalatedAt ?? null,
    substitute: o.substitute ?? false,
  })
  const approval = (itemId: number, status: string, steps: object[]) =>
    w.ctx.database.db
      .insertInto('approvals')
      .values({
        member_id: w.memberId,
        entity_type_id: 1,
        item_id: itemId,
        pipeline: 'payments',
        status,
        state: JSON.stringify({ steps }),
        created_at: new Date('2025-06-02T08:00:00Z'),
      } as never)
      .execute()
  await approval(1, 'done', [
    step(5, '2025-06-02T08:00:00Z', '2025-06-02T12:00:00Z'),
    step(7, '2025-06-02T12:00:00Z', '2025-06-03T08:00:00Z', { escalatedAt: '2025-06-02T20:00:00Z', substitute: true }),
  ])
  await approval(2, 'in-progress', [
    step(5, '2025-06-04T08:00:00Z', '2025-06-04T10:00:00Z'),
    step(7, '2025-06-04T10:00:00Z', null, { escalatedAt: '2025-06-05T10:00:00Z' }),
  ])
  // claim items in the portal: two overdue, one with the claim sent
  const p = w.state.processes.claims!
  const rec = p.pipelines.recovery!
  // the amount is our debtPrincipal money field (the type has no opportunity: it reads back as null)
  for (const [stage, principal] of [
    ['NEW', '1000.50|RUB'],
    ['NEW', '2000|RUB'],
    ['CLAIM_SENT', '300|RUB'],
  ] as const) {
    await w.sb.admin.call(w.portalId, 'crm.item.add', {
      entityTypeId: p.entityTypeId,
      fields: {
        title: 'c',
        categoryId: rec.categoryId,
        stageId: rec.stages[stage],
        [p.fields.debtPrincipal.restName]: principal,
        opportunity: 99_999,
      },
    })
  }
  const comp = p.pipelines.compensation!
  await w.sb.admin.call(w.portalId, 'crm.item.add', {
    entityTypeId: p.entityTypeId,
    fields: {
      title: 'k',
      categoryId: comp.categoryId,
      stageId: comp.stages.PAYING_OUT,
      [p.fields.compensationAmount.restName]: '1500|RUB',
    },
  })
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
}, 90_000)
afterAll(async () => w?.close())

describe('reports', () => {
  it('overdue by week, DSO and collection effectiveness, to the kopeck', async () => {
    const r = await collectionReport(ports, w.memberId)
    expect(r.today).toBe('2025-06-15')
    const at = (d: string) => r.trend.find((t) => t.day === d)
    expect(r.trend).toHaveLength(12)
    expect(r.trend[0].day).toBe('2025-03-30')
    expect(at('2025-03-30')).toMatchObject({ overdue: 0, invoices: 0 })
    expect(at('2025-04-06')).toMatchObject({ overdue: 10_000_000, invoices: 1 })
    expect(at('2025-05-11')).toMatchObject({ overdue: 6_000_000, invoices: 1 }) // D is due Sat 05-10 -> Mon 05-12 (art. 193)
    expect(at('2025-05-18')).toMatchObject({ overdue: 7_000_000, invoices: 2 })
    expect(at('2025-05-25')).toMatchObject({ overdue: 12_000_000, invoices: 3 })
    expect(at('2025-06-15')).toMatchObject({ overdue: 3_000_000, invoices: 1 })
    expect(r.dso.map((d) => [d.month, d.outstanding, d.sales, d.dso])).toEqual([
      ['2025-01', 0, 0, null],
      ['2025-02', 0, 0, null],
      ['2025-03', 10_000_000, 10_000_000, 31],
      ['2025-04', 10_000_000, 0, null],
      ['2025-05', 12_000_000, 6_000_000, 62],
      ['2025-06', 6_000_000, 3_000_000, 30],
    ])
    expect(r.effectiveness.filter((e) => e.due > 0)).toEqual([
      { month: '2025-04', due: 10_000_000, collected: 0, rate: 0 },
      { month: '2025-05', due: 6_000_000, collected: 0, rate: 0 },
    ])
  })

  it('promises kept and broken, payouts due this month, approvals by approver', async () => {
    expect(await promisesReport(ports, w.memberId)).toEqual({
      today: '2025-06-15',
      total: { kept: 1, broken: 1, pending: 0 },
      months: [{ month: '2025-06', kept: 1, broken: 1, pending: 0, keptAmount: 2_000_000, brokenAmount: 1_000_000 }],
    })
    const p = await payoutsReport(ports, w.memberId)
    expect(p).toMatchObject({ month: '2025-06', total: 550_000 })
    expect(p.rows.map((x) => [x.deadline, x.amount, x.overdue])).toEqual([
      ['2025-06-05', 200_000, true],
      ['2025-06-20', 350_000, false],
    ])
    const a = await approvalsReport(ports, w.memberId)
    expect(a).toMatchObject({ requests: 2, done: 1, rejected: 0, avgCycleHours: 24 })
    expect(a.approvers).toEqual([
      { approverId: 7, approverName: 'Иван Начальников', decided: 1, avgHours: 20, breaches: 2, substituted: 1 },
      { approverId: 5, approverName: 'Ольга Финансова', decided: 2, avgHours: 3, breaches: 0, substituted: 0 },
    ])
  })

  it('claims by stage come from the portal; reports and exports are for admins', async () => {
    const r = await get('/reports/claims')
    expect(r.statusCode).toBe(200)
    const body = r.json() as ClaimsReportDto
    const row = (stage: string) => body.stages.find((s) => s.pipeline === 'recovery' && s.stage === stage)
    expect(row('NEW')).toEqual({ pipeline: 'recovery', stage: 'NEW', count: 2, amount: 300_050 })
    expect(row('CLAIM_SENT')).toMatchObject({ count: 1, amount: 30_000 })
    expect(body.stages.find((s) => s.pipeline === 'compensation' && s.stage === 'PAYING_OUT')).toMatchObject({
      count: 1,
      amount: 150_000,
    })
    expect(body.names['recovery:CLAIM_SENT']).toBe('Претензия направлена')
    // stage names follow the UI's language, not the portal's (an English UI on a Russian portal)
    const en = (await get('/reports/claims?lang=en')).json() as ClaimsReportDto
    expect(en.names['recovery:CLAIM_SENT']).toBe('Claim sent')
    expect(en.names['compensation:SUCCESS']).toBe('Completed')
    expect((await get('/reports/claims?lang=de')).statusCode).toBe(400)
    for (const url of ['/reports/collection', '/reports/claims', '/exports/receivables.csv'])
      expect((await get(url, clerk)).statusCode).toBe(403)
    expect((await get('/exports/secrets.txt')).statusCode).toBe(404)
  })

  it('exports the register as CSV and everything as XLSX', async () => {
    const csv = await get('/exports/receivables.csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="receivables-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'Контрагент;ИНН;Договор;Счёт;Дата счёта;Срок оплаты;Сумма;Оплачено;Остаток;Валюта;Дней просрочки;Стадия',
    )
    expect(lines.find((l) => l.includes(';B;'))).toMatch(
      /^ООО Ромашка;;;B;2025-05-05;2025-05-20;50000,00;20000,00;30000,00;RUB;\d+;/,
    )
    const xlsx = await get('/exports/reports.xlsx')
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Реестр дебиторки',
      'Возраст задолженности',
      'Возраст по юрлицам',
      'Просрочка по неделям',
      'DSO',
      'Эффективность сбора',
      'Обещания оплаты',
      'Претензии по стадиям',
      'Выплаты в этом месяце',
      'Согласующие',
    ])
    expect(wb.worksheets[0].rowCount).toBe(5)
    expect(wb.worksheets[0].getRow(1).getCell(7).value).toBe('Сумма')
    // the ageing sheet: B and C are open (30,000.00 each), the portal total last
    const ageing = wb.worksheets[1]
    expect(ageing.getRow(2).getCell(1).value).toBe('ООО Ромашка')
    expect(ageing.getRow(2).getCell(8).value).toBe(60_000)
    expect(ageing.getRow(3).getCell(1).value).toBe('Все контрагенты')
  })

  it('exports each report as its own CSV, in the language asked for', async () => {
    const csvOf = async (name: string, query = '') => {
      const r = await get(`/exports/reports/${name}.csv${query}`)
      expect(r.statusCode, `${name}: ${r.body}`).toBe(200)
      expect(r.headers['content-type']).toMatch(/^text\/csv/)
      expect(r.headers['content-disposition']).toMatch(
        new RegExp(`attachment; filename="${name}-\\d{4}-\\d{2}-\\d{2}\\.csv"`),
      )
      expect(r.body.startsWith('\ufeff')).toBe(true)
      return r.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
    }
    const ageing = await csvOf('ageing')
    expect(ageing[0]).toBe('Контрагент;ИНН;Не просрочено;1–30;31–60;61–90;90+;Итого')
    expect(ageing.slice(1)).toEqual([
      'ООО Ромашка;;0,00;0,00;0,00;0,00;60000,00;60000,00',
      'Все контрагенты;;0,00;0,00;0,00;0,00;60000,00;60000,00',
    ])
    expect(await csvOf('ageing-legal-entities', '?lang=en')).toEqual([
      'Our legal entity,INN,Current,1–30,31–60,61–90,90+,Total',
      'Not named on the contract,,0.00,0.00,0.00,0.00,60000.00,60000.00',
      'All legal entities,,0.00,0.00,0.00,0.00,60000.00,60000.00',
    ])
    const trend = await csvOf('trend')
    expect(trend[0]).toBe('Неделя до;Просрочено;Счетов')
    expect(trend).toHaveLength(13)
    expect((await csvOf('dso'))[0]).toBe('Месяц;Дебиторка на конец;Выставлено;DSO')
    expect((await csvOf('effectiveness'))[0]).toBe('Месяц;К оплате;Собрано;%')
    expect((await csvOf('promises'))[0]).toBe('Месяц;Выполнено;Нарушено;Ожидается;Сумма выполненных;Сумма нарушенных')
    const claims = await csvOf('claims', '?lang=en')
    expect(claims[0]).toBe('Pipeline,Stage,Cases,Amount')
    expect(claims).toContain('Debt recovery,Overdue,2,3000.50')
    expect(claims).toContain('Debt recovery,Claim sent,1,300.00')
    expect((await csvOf('payouts'))[0]).toBe('Срок;Претензия;Клиент;Сумма;Просрочено')
    const approvers = await csvOf('approvals')
    expect(approvers[0]).toBe('Сотрудник (ID);Сотрудник;Решений;Среднее время, ч;Нарушений SLA;Заменён')
    expect(approvers[1]).toBe('7;Иван Начальников;1;20;2;1')
    expect((await get('/exports/reports/ageing.csv', clerk)).statusCode).toBe(403)
    expect((await get('/exports/reports/secrets.csv')).statusCode).toBe(404)
    expect((await get('/exports/reports/ageing.xlsx')).statusCode).toBe(404)
    expect((await get('/exports/reports/ageing.csv?lang=xx')).statusCode).toBe(400)
  })

  it('payouts of any period, by day and by case, as CSV and XLSX; a bad period changes nothing', async () => {
    const r = await get('/reports/payouts?from=2025-06-01&to=2025-07-31')
    expect(r.statusCode, r.body).toBe(200)
    const p = r.json()
    expect(p).toMatchObject({ from: '2025-06-01', to: '2025-07-31', total: 700_000 })
    expect(p.byDay).toEqual([
      { day: '2025-06-05', count: 1, amount: 200_000 },
      { day: '2025-06-20', count: 1, amount: 350_000 },
      { day: '2025-07-10', count: 1, amount: 150_000 },
    ])
    expect(p.byCase).toEqual([
      expect.objectContaining({ title: 'Компенсация Иванову', count: 3, amount: 700_000, firstDeadline: '2025-06-05' }),
    ])
    // a period that starts by today also lists the tranches still unpaid before it, as overdue
    const july = (await get('/reports/payouts?from=2025-07-01&to=2025-07-31')).json()
    expect(july.rows.map((x: { deadline: string; overdue: boolean }) => [x.deadline, x.overdue])).toEqual([
      ['2025-06-05', true],
      ['2025-06-20', true],
      ['2025-07-10', true],
    ])
    const byDay = await get('/exports/payouts.csv?from=2025-06-01&to=2025-07-31&group=day')
    expect(byDay.statusCode, byDay.body).toBe(200)
    expect(byDay.headers['content-disposition']).toBe('attachment; filename="payouts-2025-06-01-2025-07-31-day.csv"')
    expect(
      byDay.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['Дата;Выплат;Сумма', '2025-06-05;1;2000,00', '2025-06-20;1;3500,00', '2025-07-10;1;1500,00'])
    const byCase = await get('/exports/payouts.csv?from=2025-06-01&to=2025-07-31&group=case&lang=en')
    expect(
      byCase.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['Claim,Customer,First deadline,Payouts,Amount', 'Компенсация Иванову,Иванов И.,2025-06-05,3,7000.00'])
    const xlsx = await get('/exports/payouts.xlsx?from=2025-06-01&to=2025-07-31')
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Выплаты 01.06.2025–31.07.2025',
      'По дням 01.06.2025–31.07.2025',
      'По делам 01.06.2025–31.07.2025',
    ])
    for (const [url, code] of [
      ['/reports/payouts?from=2025-07-01&to=2025-06-01', 'payout.period-invalid'],
      ['/reports/payouts?period=next-year', 'payout.period-invalid'],
      ['/exports/payouts.csv?from=2025-06-01&to=2025-07-31&group=week', 'request.invalid-query'],
    ]) {
      const bad = await get(url)
      expect(bad.statusCode, url).toBe(400)
      expect(bad.json().error).toBe(code)
    }
    expect((await get('/reports/payouts?period=this-week', clerk)).statusCode).toBe(403)
  })
})
