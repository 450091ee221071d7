// The claim letter of a debt-recovery claim (the tab computes its interest before any letter): from the tab
// (API) and from the robot, rendered to
// PDF with the debtor, the total and every interest row in its text layer; opened through a signed
// link that refuses tampering; attached to the claim item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startRobotWorld as startInstalledApp, type RobotWorld as InstalledApp } from '../../helpers/installed-app.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'

let w: InstalledApp
let claimItemId: number

const api = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const tokens = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${tokens.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T }
}
const pdfText = (pdf: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'))
  writeFileSync(join(dir, 'l.pdf'), pdf)
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'l.pdf'), join(dir, 'page')])
  return execFileSync('pdftotext', ['-layout', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' })
}

beforeAll(async () => {
  w = await startInstalledApp()
  await w.ctx.repos.settings.set(
    w.memberId,
    'claims.creditor',
    {
      name: 'ООО «Поставщик»',
      inn: '7701234567',
      kpp: '770101001',
      address: 'Москва, ул. Ленина, 1',
      signer: 'И. И. Иванов',
      signerTitle: 'Генеральный директор',
      bankDetails: {
        bank: 'ПАО Сбербанк',
        bic: '044525225',
        account: '40702810900000000001',
        corrAccount: '30101810400000000225',
      },
    },
    'test',
  )
  const { receivableId, itemId } = await w.newReceivable({
    amount: 50_000_000,
    invoiceDate: '2024-06-10',
    dueDate: '2024-07-10',
  })
  await recordPayment(
    receivablesPorts(w.ctx),
    { memberId: w.memberId, actor: 'user:1', source: 'test' },
    { receivableId, amount: 20_000_000, paidOn: '2024-11-15', source: 'manual', sourceRef: 'pp-1' },
  )
  const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  claimItemId = Number(run.steps[0].returnValues!.claimId)
}, 60_000)
afterAll(async () => w?.close())

describe('claim letter', () => {
  it("is written by the legal entity of ours named on the invoice's contract, with that entity's template", async () => {
    const second = {
      name: 'ООО «Второе юрлицо»',
      inn: '7702345678',
      kpp: '770201001',
      address: 'Москва, ул. Мира, 2',
      signer: 'П. П. Петров',
      signerTitle: 'Директор',
      bankDetails: {
        bank: 'АО Альфа-Банк',
        bic: '044525593',
        account: '40702810100000000002',
        corrAccount: '30101810200000000593',
      },
    }
    const added = await api<{ entities: { inn: string }[] }>('PUT', '/admin/legal-entities', { entity: second })
    expect(added.status, JSON.stringify(added.body)).toBe(200)
    expect(added.body.entities.map((e) => e.inn)).toEqual(['7701234567', '7702345678'])
    const tpl = await api('PUT', '/admin/claim-letter-template', {
      lang: 'ru',
      inn: '7702345678',
      template: {
        body: 'Между {creditor} и {debtor} {contract}. Долг: {principal} руб.',
        demand: 'Второе юрлицо просит оплатить {total} руб. до {pay_by}.',
      },
    })
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(200)
    expect(
      (await api('PUT', '/admin/claim-letter-template', { lang: 'ru', inn: '7709999999', template: null })).status,
    ).toBe(400)
    const { itemId } = await w.newReceivable({
      amount: 10_000_000,
      invoiceDate: '2024-06-10',
      dueDate: '2024-07-10',
      contract: { number: 'K-2', legalEntity: 'ООО "Второе юрлицо"' },
    })
    const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
      { robot: 'claim-open' },
    ])
    const view = await api<ClaimViewDto>('GET', `/claims/item/${Number(run.steps[0].returnValues!.claimId)}`)
    const made = await api<ClaimViewDto>('POST', `/claims/${view.body.id}/letter`, {})
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    const text = pdfText((await w.app.inject({ method: 'GET', url: made.body.recovery!.letter!.url })).rawPayload)
    expect(text).toContain('ООО «Второе юрлицо»')
    expect(text).toContain('7702345678')
    expect(text).toContain('АО Альфа-Банк')
    expect(text).toContain('Второе юрлицо просит оплатить')
    expect(text).not.toContain('ООО «Поставщик»')
  })

  it('is generated from the tab: PDF with the debtor, the total and every interest row; a signed link opens it', async () => {
    const view = await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)
    expect(view.status, JSON.stringify(view.body)).toBe(200)
    expect(view.body.kind).toBe('recovery')
    // the tab shows the interest as soon as it opens, before any letter, as the letter will compute it
    expect(view.body.recovery!.letter).toBeNull()
    expect(view.body.recovery!.interest).toBeGreaterThan(0)
    expect(view.body.recovery!.total).toBe(view.body.recovery!.principal + view.body.recovery!.interest)
    const made = await api<ClaimViewDto>('POST', `/claims/${view.body.id}/letter`, {})
    expect(made.status, JSON.stringify(made.body)).toBe(200)
    expect(made.body.recovery!.interest).toBe(view.body.recovery!.interest)
    const url = made.body.recovery!.letter!.url
    const r = await w.app.inject({ method: 'GET', url })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toBe('application/pdf')
    const text = pdfText(r.rawPayload)
    expect(text).toContain('ООО Ромашка')
    expect(text).toContain('ООО «Поставщик»')
    expect(text).toContain('Расчёт процентов по ст. 395 ГК РФ')
    expect(text).toContain('11.07.2024')
    const rows = text.split('\n').filter((l) => /\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/.test(l))
    expect(rows.length).toBeGreaterThanOrEqual(8) // a row per key-rate period and per payment
    expect(made.body.recovery!.interest).toBeGreaterThan(0)
    const total = made.body.recovery!.principal + made.body.recovery!.interest
    expect(text.replace(/\s/g, '')).toContain(
      (total / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2 }).replace(/\s/g, ''),
    )
    // tampered or expired links open nothing
    expect((await w.app.inject({ method: 'GET', url: url.replace(/s=[^&]+/, 's=forged') })).statusCode).toBe(403)
    expect((await w.app.inject({ method: 'GET', url: url.replace(/e=\d+/, 'e=1') })).statusCode).toBe(403)
    // attached to the item and announced in its timeline
    const item = w.sb.admin
      .items(w.portalId, w.state.processes.claims!.entityTypeId)
      .find((i) => Number(i.id) === claimItemId)!
    expect(JSON.stringify(item)).toMatch(/claim-/)
    expect(
      w.sb.admin
        .comments(w.portalId)
        .some((c) => Number(c.ENTITY_ID) === claimItemId && String(c.COMMENT).startsWith('Сформирована претензия')),
    ).toBe(true)
  })

  it('is generated by the robot claim-letter-generate, which returns a working link and the total', async () => {
    const run = await w.runRule(
      w.state.processes.claims!.entityTypeId,
      claimItemId,
      w.stageId('claims', 'CLAIM_SENT', 'recovery'),
      [{ robot: 'claim-letter-generate' }],
    )
    const v = run.steps[0].returnValues!
    expect(v).toMatchObject({ success: 'Y' })
    const link = new URL(String(v.fileLink))
    const r = await w.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` })
    expect(r.statusCode).toBe(200)
    expect(Number(v.total)).toBeGreaterThan(300_000)
  })

  it('refuses a letter for a compensation claim', async () => {
    const c = w.state.processes.claims!
    const { result } = await w.sb.admin.call<{ item: { id: number } }>(w.portalId, 'crm.item.add', {
      entityTypeId: c.entityTypeId,
      fields: { title: 'Компенсация', categoryId: c.pipelines.compensation!.categoryId },
    })
    const view = await api<ClaimViewDto>('GET', `/claims/item/${result.item.id}`)
    expect((await api<{ error: string }>('POST', `/claims/${view.body.id}/letter`, {})).body.error).toBe(
      'claim.not-recovery',
    )
  })

  it('payment-totals-post on the recovery claim: the debt totals, ONE comment updated in place', async () => {
    const et = w.state.processes.claims!.entityTypeId
    for (const stage of ['PRETRIAL', 'COURT_PREP']) {
      const run = await w.runRule(et, claimItemId, w.stageId('claims', stage, 'recovery'), [
        { robot: 'payment-totals-post' },
      ])
      expect(run.steps[0].returnValues).toMatchObject({
        success: 'Y',
        total: '500000.00',
        paid: '200000.00',
        remaining: '300000.00',
      })
    }
    const comments = w.sb.admin
      .comments(w.portalId)
      .filter((c) => Number(c.ENTITY_ID) === claimItemId && String(c.COMMENT).includes('Долг по претензии'))
    expect(comments).toHaveLength(1)
    expect(String(comments[0].COMMENT).replace(/\u00a0/g, ' ')).toContain('Осталось: 300 000,00 ₽')
  })

  it('the admin words the letter: unknown variables refused, a preview, and the next PDF uses it', async () => {
    const put = (template: object | null) =>
      api<{ error?: string; message?: string; custom: { ru: boolean } }>('PUT', '/admin/claim-letter-template', {
        lang: 'ru',
        template,
      })
    const bad = await put({ body: 'Долг {debtor} равен {debt}', demand: 'Оплатите {total}' })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/unknown variable \{debt\}/)
    const mine = {
      body: 'Уважаемые коллеги из {debtor}! Ваш долг перед {creditor} составляет {principal} руб.',
      demand: 'Просим оплатить {total} руб. до {pay_by}. Претензия № {number}.',
    }
    const preview = await api<{ body: string; demand: string }>('POST', '/admin/claim-letter-template/preview', {
      lang: 'ru',
      template: mine,
    })
    expect(preview.body.body.replace(/\u00a0/g, ' ')).toBe(
      'Уважаемые коллеги из ООО «Ромашка»! Ваш долг перед ООО «Поставщик» составляет 300 000,00 руб.',
    )
    expect((await put(mine)).body.custom.ru).toBe(true)
    const view = await api<ClaimViewDto>('GET', `/claims/item/${claimItemId}`)
    const made = await api<ClaimViewDto>('POST', `/claims/${view.body.id}/letter`, {})
    const r = await w.app.inject({ method: 'GET', url: made.body.recovery!.letter!.url })
    const text = pdfText(r.rawPayload).replace(/\s+/g, ' ')
    expect(text).toContain('Уважаемые коллеги из ООО Ромашка!')
    expect(text).toContain('Просим оплатить')
    expect(text).not.toContain('Требуем в течение')
    expect((await put(null)).body.custom.ru).toBe(false) // back to the default wording
  })
})
