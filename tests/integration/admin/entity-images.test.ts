// Our legal entity's logo, signature and stamp on the admin page, and the invoice of the receivable
// tab printed with them: uploads are checked by their bytes (PNG/JPEG), size and readability, only
// for an entity of ours, by an admin; the invoice PDF names a missing requisite instead of a file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PNG } from 'pngjs'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { parsePaymentQrPayload } from '../../../server/domain/money/payment-qr-payload.ts'
import { readPdfPage } from '../../helpers/pdf-qr-reader.ts'

let w: RobotWorld
let clerk: number
const call = async <T>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object, user = 1) => {
  const t = w.sb.admin.issueTokens(w.portalId, w.sbApp.id, user) as { access_token: string }
  const r = await w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${t.access_token}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
  return { status: r.statusCode, body: r.json() as T & { error?: string; message?: string } }
}
const png = (width: number, height: number) => {
  const img = new PNG({ width, height })
  img.data.fill(200)
  return PNG.sync.write(img).toString('base64')
}
const entity = {
  name: 'ООО "Поставщик"',
  inn: '7707083893',
  kpp: '773601001',
  signer: 'И. И. Иванов',
  signerTitle: 'Директор',
  accountant: 'А. А. Смирнова',
  vatRate: 22,
  bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '', corrAccount: '30101810400000000225' },
}
type Images = { images: { kind: string; mime: string; bytes: number }[] }

beforeAll(async () => {
  w = await startRobotWorld()
  clerk = w.sb.admin.addUser(w.portalId, { name: 'Пётр', lastName: 'Менеджер' }).id
}, 90_000)
afterAll(async () => {
  await w?.close()
}, 60_000)

describe('legal entity images and the invoice of the receivable tab', { timeout: 60_000 }, () => {
  it('keeps the VAT rate and the accountant of the entity, and refuses an unknown rate', async () => {
    const saved = await call<{ entities: { vatRate: unknown; accountant: string }[] }>('PUT', '/admin/legal-entities', {
      entity,
    })
    expect(saved.status).toBe(200)
    expect(saved.body.entities[0]).toMatchObject({ vatRate: 22, accountant: 'А. А. Смирнова' })
    const bad = await call('PUT', '/admin/legal-entities', { entity: { ...entity, vatRate: 18 } })
    expect(bad).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
    expect(bad.body.message).toContain('vatRate')
  })

  it('stores a PNG logo of an entity of ours and lists it; replaces and deletes it', async () => {
    const up = await call<Images>('PUT', `/admin/legal-entities/${entity.inn}/images/logo`, { data: png(40, 20) })
    expect(up.status).toBe(200)
    expect(up.body.images).toEqual([expect.objectContaining({ kind: 'logo', mime: 'image/png' })])
    await call('PUT', `/admin/legal-entities/${entity.inn}/images/stamp`, { data: png(60, 60) })
    const list = await call<Images>('GET', `/admin/legal-entities/${entity.inn}/images`)
    expect(list.body.images.map((i) => i.kind).sort()).toEqual(['logo', 'stamp'])
    const del = await call<Images>('DELETE', `/admin/legal-entities/${entity.inn}/images/stamp`)
    expect(del.body.images.map((i) => i.kind)).toEqual(['logo'])
  })

  it('refuses what is not a PNG or JPEG, too large, broken, of another entity or kind, or from a non-admin', async () => {
    const url = `/admin/legal-entities/${entity.inn}/images/signature`
    const text = await call('PUT', url, { data: Buffer.from('<svg></svg>').toString('base64') })
    expect(text).toMatchObject({ status: 400, body: { error: 'settings.invalid' } })
    expect(text.body.message).toContain('PNG or JPEG')
    const broken = Buffer.concat([Buffer.from(png(10, 10), 'base64').subarray(0, 30)]).toString('base64')
    expect((await call('PUT', url, { data: broken })).body.message).toContain('cannot be read')
    const big = Buffer.concat([Buffer.from(png(1, 1), 'base64'), Buffer.alloc(600 * 1024)]).toString('base64')
    expect((await call('PUT', url, { data: big })).body.message).toContain('larger than 512 KB')
    expect((await call('PUT', `/admin/legal-entities/7812345678/images/logo`, { data: png(4, 4) })).status).toBe(404)
    expect((await call('PUT', `/admin/legal-entities/${entity.inn}/images/photo`, { data: png(4, 4) })).status).toBe(
      400,
    )
    expect((await call('PUT', url, { data: png(4, 4) }, clerk)).status).toBe(403)
    const list = await call<Images>('GET', `/admin/legal-entities/${entity.inn}/images`)
    expect(list.body.images.map((i) => i.kind)).toEqual(['logo'])
  })

  it('the invoice tab gets the PDF with the QR code once the account is filled in; before, the missing field', async () => {
    const companyId = w.sb.admin.seedCompany(w.portalId, { TITLE: 'Вектор' }, [
      { RQ_COMPANY_NAME: 'ООО "Вектор"', RQ_INN: '7812345678', RQ_KPP: '781201001' },
    ])
    const rec = await call<{ id: number }>('POST', '/receivables', {
      counterparty: { type: 'company', id: companyId },
      contract: { number: '45/2024', date: '2024-01-15', legalEntity: entity.name },
      invoiceNumber: 'T-7',
      invoiceDate: '2026-01-12',
      dueDate: '2026-02-11',
      amount: 12_200_000,
      currency: 'RUB',
    })
    expect(rec.status).toBe(201)
    const missing = await call('GET', `/receivables/${rec.body.id}/invoice-pdf`)
    expect(missing).toMatchObject({ status: 409, body: { error: 'invoice.requisite-missing' } })
    expect(missing.body.message).toContain('«расчётный счёт»')
    await call('PUT', '/admin/legal-entities', {
      entity: { ...entity, bankDetails: { ...entity.bankDetails, account: '40702810900000000001' } },
      replaceInn: entity.inn,
    })
    const ok = await call<{ fileName: string; pdfBase64: string }>('GET', `/receivables/${rec.body.id}/invoice-pdf`)
    expect(ok.status).toBe(200)
    expect(ok.body.fileName).toBe('invoice-T-7.pdf')
    const page = readPdfPage(Buffer.from(ok.body.pdfBase64, 'base64'))
    expect(parsePaymentQrPayload(page.qr!)).toMatchObject({
      Sum: '12200000',
      PersonalAcc: '40702810900000000001',
      PayeeINN: '7707083893',
      Purpose: 'Оплата по счёту № T-7 от 12.01.2026. В т.ч. НДС 22% 22 000,00',
    })
    const text = page.text.replace(/[\u00a0 ]+/g, ' ')
    expect(text).toContain('Договор № 45/2024 от 15.01.2024')
    expect(text).toContain('ООО «Вектор», ИНН 7812345678, КПП 781201001')
    expect(text).toContain('Сто двадцать две тысячи рублей 00 копеек')
  })
})
