// The claim letter's accruals with the portal's penalty defaults, on the sandbox portal: an invoice
// whose contract sets a penalty per day gets the contractual penalty (capped), one without gets the
// portal default (art. 395 until the admin picks another method), a letter mixing both has a table
// per invoice titled by its method; a debt from before 01.04.2022 skips the moratorium days unless
// its debtor opted out (the penalty robot too); bad settings are refused with 400 and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { dunningRepository } from '../../../server/storage/repositories/dunning.ts'
import { calculatePenalty } from '../../../server/domain/penalties/index.ts'
import { toDayNumber } from '../../../server/domain/calendar/local-date.ts'
import { portalDay } from '../../../server/use-cases/receivables/receivable-calendar.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'

let w: RobotWorld
let today: string
type Answer<T> = { status: number; body: T & { error?: string; message?: string } }
const api = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, user = 1): Promise<Answer<T>> => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() }
}
const pdfText = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'))
  writeFileSync(join(dir, 'l.pdf'), pdf)
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'l.pdf'), join(dir, 'page')])
  return execFileSync('pdftotext', ['-layout', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' })
}
/** Opens the claim of a receivable item with the claim-open robot; its id in our database. */
async function claimOf(itemId: number): Promise<number> {
  const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  return (await api<ClaimViewDto>('GET', `/claims/item/${Number(run.steps[0].returnValues!.claimId)}`)).body.id
}
/** A new letter of the claim: the claim's money as the API reports it and the PDF's text (spaces squeezed). */
async function letter(claimId: number) {
  const made = await api<ClaimViewDto>('POST', `/claims/${claimId}/letter`, {})
  expect(made.status, JSON.stringify(made.body)).toBe(200)
  const pdf = (await w.app.inject({ method: 'GET', url: made.body.recovery!.letter!.url })).rawPayload
  return { recovery: made.body.recovery!, text: pdfText(pdf).replace(/[\s\u00a0]+/g, ' ') }
}
const kopecks = (k: number) => (k / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 }).replace(/\s/g, ' ')
const days = (from: string, to: string) => toDayNumber(to) - toDayNumber(from) + 1

beforeAll(async () => {
  w = await startRobotWorld()
  today = (await portalDay(receivablesPorts(w.ctx), w.memberId)).today
  await w.ctx.repos.settings.set(
    w.memberId,
    'claims.creditor',
    {
      name: 'ООО «Поставщик»',
      inn: '7701234567',
      kpp: '770101001',
      address: 'Москва',
      signer: 'И. И. Иванов',
      signerTitle: 'Генеральный директор',
      bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810900000000001' },
    },
    'test',
  )
}, 60_000)
afterAll(async () => w?.close())

describe('claim letter with the penalty defaults', () => {
  let mixedClaim: number
  let plainInvoice: string

  it('contract terms per day give the contractual penalty (capped); an invoice without them the portal default, art. 395; one table per invoice', async () => {
    const contract = {
      number: 'П-7',
      penaltyTerms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } },
    }
    const a = await w.newReceivable({ amount: 50_000_000, invoiceDate: '2024-06-10', dueDate: '2024-07-10', contract })
    const b = await w.newReceivable({ amount: 10_000_000, invoiceDate: '2024-06-10', dueDate: '2024-07-10' })
    mixedClaim = await claimOf(a.itemId)
    const claimItemId = (await dunningRepository(w.ctx.database.db).one(w.memberId, a.receivableId))!.claimItemId!
    await dunningRepository(w.ctx.database.db).patchState(w.memberId, b.receivableId, { claim_item_id: claimItemId }) // both invoices in one claim
    plainInvoice = (await dunningRepository(w.ctx.database.db).one(w.memberId, b.receivableId))!.invoiceNumber
    const { recovery, text } = await letter(mixedClaim)
    const interest = calculatePenalty({
      principal: 10_000_000,
      dueDate: '2024-07-10',
      to: today,
      terms: { method: '395' },
    }).total
    expect(recovery).toMatchObject({
      principal: 60_000_000,
      penalty: 5_000_000,
      interest,
      total: 65_000_000 + interest,
      method: 'both',
    })
    expect(text).toContain('Расчёт неустойки по договору № П-7 (0,1 % в день) — счёт №')
    expect(text).toContain('0,1 % в день')
    // the uncapped figure and the cap that was applied
    expect(text).toContain(
      `Начислено по расчёту: ${kopecks((50_000_000 * days('2024-07-11', today)) / 1000)}. Ограничение по договору (не более 10 % от долга): 50 000,00 — к взысканию 50 000,00`,
    )
    expect(text).toContain(`Расчёт процентов по ст. 395 ГК РФ — счёт № ${plainInvoice}`)
    expect(text).toMatch(/Ставка, %.*годовых/) // the art. 395 table: a rate a year and the days of the year
    expect(text).toContain(`Итого проценты по ст. 395 ГК РФ: ${kopecks(interest)}`)
    expect(text).toContain('Итого неустойка: 50 000,00')
    expect(text).toContain('Расчёт процентов и неустойки')
    expect(text).toContain(kopecks(65_000_000 + interest))
  })

  it("the admin's default method applies to the invoice without contract terms; the contract's terms stay", async () => {
    const put = await api('PUT', '/admin/penalty-defaults', {
      terms: { method: 'per-day', percentPerDay: '0,05' },
      windows: [
        {
          id: 'moratorium-2022',
          label: 'Мораторий 2022',
          from: '2022-04-01',
          to: '2022-10-01',
          appliesToObligationsBefore: '2022-04-01',
        },
      ],
      optOuts: [],
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const { recovery, text } = await letter(mixedClaim)
    const plain = ((10_000_000 * 5) / 10_000) * days('2024-07-11', today)
    expect(recovery).toMatchObject({ interest: 0, penalty: 5_000_000 + plain })
    expect(text).toContain(`Расчёт неустойки (0,05 % в день) — счёт № ${plainInvoice}`)
    expect(text).toContain('Расчёт неустойки по договору № П-7 (0,1 % в день)')
    expect(text).not.toContain('ст. 395')
  })

  it('a debt from before 01.04.2022 skips the moratorium days; once its debtor opts out they accrue (the letter and the penalty robot)', async () => {
    await api('PUT', '/admin/penalty-defaults', {
      terms: { method: 'per-day', percentPerDay: '0.1' },
      windows: [
        {
          id: 'moratorium-2022',
          label: 'Мораторий 2022',
          from: '2022-04-01',
          to: '2022-10-01',
          appliesToObligationsBefore: '2022-04-01',
        },
      ],
      optOuts: [],
    })
    const old = await w.newReceivable({ amount: 10_000_000, invoiceDate: '2022-02-01', dueDate: '2022-03-01' })
    const claim = await claimOf(old.itemId)
    const all = days('2022-03-02', today)
    const robot = async (stage: string) =>
      (
        await w.runRule(w.receivables.entityTypeId, old.itemId, w.stageId('receivables', stage), [
          {
            robot: 'penalty-calculate',
            properties: {
              debt: '100000',
              dueDate: '2022-03-01',
              paymentDate: '2022-10-31',
              method: 'per-day',
              rate: '0.1',
            },
          },
        ])
      ).steps[0].returnValues!

    const skipped = await letter(claim)
    expect(skipped.recovery.penalty).toBe(10_000 * (all - 184))
    expect(skipped.text).toContain('01.04.2022 – 01.10.2022 184')
    expect(skipped.text).toContain('не начисляется')
    expect(skipped.text).toContain(
      'Не начисляется: 01.04.2022 – 01.10.2022 — мораторий (постановление Правительства РФ № 497 от 28.03.2022)',
    )
    expect(await robot('OVERDUE')).toMatchObject({ success: 'Y', days: 60, penalty: '6000.00' })

    const optOut = await api<{ optOuts: { entityId: number; name: string | null }[] }>(
      'PUT',
      '/admin/penalty-defaults',
      {
        terms: { method: 'per-day', percentPerDay: '0.1' },
        windows: [
          {
            id: 'moratorium-2022',
            label: 'Мораторий 2022',
            from: '2022-04-01',
            to: '2022-10-01',
            appliesToObligationsBefore: '2022-04-01',
          },
        ],
        optOuts: [{ entityType: 'company', entityId: w.companyId, windowIds: ['moratorium-2022'] }],
      },
    )
    expect(optOut.status, JSON.stringify(optOut.body)).toBe(200)
    expect(optOut.body.optOuts).toEqual([
      { entityType: 'company', entityId: w.companyId, windowIds: ['moratorium-2022'], name: 'ООО Ромашка' },
    ])
    const accrued = await letter(claim)
    expect(accrued.recovery.penalty).toBe(10_000 * all)
    expect(accrued.text).not.toContain('не начисляется')
    expect(await robot('REMINDER')).toMatchObject({ success: 'Y', days: 244, penalty: '24400.00' })
  })

  it('finds debtors for the opt-out picker by name, INN or ID', async () => {
    const byName = await api<{ debtors: { entityType: string; entityId: number; name: string }[] }>(
      'GET',
      `/admin/penalty-defaults/debtors?q=${encodeURIComponent('ромаш')}`,
    )
    expect(byName.body.debtors).toEqual([
      expect.objectContaining({ entityType: 'company', entityId: w.companyId, name: 'ООО Ромашка' }),
    ])
    expect(
      (await api<{ debtors: unknown[] }>('GET', `/admin/penalty-defaults/debtors?q=${w.companyId}`)).body.debtors,
    ).toHaveLength(1)
    expect(
      (await api<{ debtors: unknown[] }>('GET', '/admin/penalty-defaults/debtors?q=%25')).body.debtors,
    ).toHaveLength(0)
  })

  it('bad settings are refused with 400 and the reason, and change nothing; a non-admin gets 403', async () => {
    const before = await api<object>('GET', '/admin/penalty-defaults')
    const audits = async () =>
      (
        await w.ctx.database.db
          .selectFrom('audit_log')
          .select('id')
          .where('member_id', '=', w.memberId)
          .where('entity_id', '=', 'penalty.defaults')
          .execute()
      ).length
    expect(await audits()).toBe(3)
    const window = { id: 'moratorium-2022', label: 'Мораторий 2022', from: '2022-04-01', to: '2022-10-01' }
    const cases: [object, string, RegExp][] = [
      [
        { terms: { method: '395' }, windows: [{ ...window, to: '2022-03-31' }], optOuts: [] },
        'penalty.invalid-window',
        /ends \(2022-03-31\) before it starts/,
      ],
      [{ terms: { method: '395' }, windows: [window, window], optOuts: [] }, 'penalty.invalid-window', /used twice/],
      [
        { terms: { method: '395' }, windows: [{ ...window, from: '2022-02-30' }], optOuts: [] },
        'penalty.invalid-date',
        /not a YYYY-MM-DD date/,
      ],
      [
        {
          terms: { method: '395' },
          windows: [],
          optOuts: [{ entityType: 'company', entityId: w.companyId, windowIds: ['moratorium-2022'] }],
        },
        'penalty.invalid-opt-out',
        /unknown window "moratorium-2022"/,
      ],
      [
        {
          terms: { method: 'key-rate-fraction', fraction: 200, rateMode: 'periodised' },
          windows: [window],
          optOuts: [],
        },
        'penalty.invalid-fraction',
        /1\/300, 1\/150 or 1\/130/,
      ],
      [
        { terms: { method: 'per-day', percentPerDay: '120' }, windows: [window], optOuts: [] },
        'penalty.rate-out-of-range',
        /above 100/,
      ],
      [
        {
          terms: { method: 'per-day', percentPerDay: '0.1' },
          windows: Array.from({ length: 21 }, (_, i) => ({ ...window, id: `w-${i}` })),
          optOuts: [],
        },
        'penalty.invalid-defaults',
        /at most 20/,
      ],
    ]
    for (const [body, error, message] of cases) {
      const r = await api('PUT', '/admin/penalty-defaults', body)
      expect(r.status, JSON.stringify(r.body)).toBe(400)
      expect(r.body.error).toBe(error)
      expect(r.body.message).toMatch(message)
    }
    const clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
    expect(
      (await api('PUT', '/admin/penalty-defaults', { terms: { method: '395' }, windows: [], optOuts: [] }, clerk))
        .status,
    ).toBe(403)
    expect((await api('GET', '/admin/penalty-defaults', undefined, clerk)).status).toBe(403)
    expect((await api<object>('GET', '/admin/penalty-defaults')).body).toEqual(before.body)
    expect(await audits()).toBe(3)
  })
})
