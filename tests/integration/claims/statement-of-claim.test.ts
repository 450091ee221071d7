// The statement of claim draft (DOCX) of a debt-recovery case in the sandbox: read back from the
// DOCX XML, every number asserted against the case (debt, art. 395 interest to the filing date, the
// claim value, the state duty by art. 333.21 and its scale row, the claim letter and its date);
// missing requisites or no claim letter give a clear error and no file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRobotWorld, type RobotWorld } from '../../helpers/installed-app.ts'
import { recordPayment } from '../../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { calculateStateDuty } from '../../../server/domain/claims/state-duty.ts'
import type { ClaimViewDto } from '../../../contracts/claims.ts'
import { claimsRepository } from '../../../server/storage/repositories/claims.ts'
import { localDateOf } from '../../../server/domain/calendar/index.ts'
import { docxText } from '../documents/document-text.ts'

let w: RobotWorld
let caseId: number

const token = () => (w.sb.admin.issueTokens(w.portalId, w.sbApp.id, 1) as { access_token: string }).access_token
const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  w.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${token()}`, 'x-b24-member-id': w.memberId },
    ...(payload ? { payload } : {}),
  })
const statement = (q = 'date=2025-06-20') => call('GET', `/claims/${caseId}/statement-of-claim.docx?${q}`)

const ENTITY = {
  name: 'ООО «Поставщик»',
  inn: '7701234567',
  kpp: '770101001',
  ogrn: '',
  address: 'Москва, ул. Ленина, 1',
  signer: 'И. И. Иванов',
  signerTitle: 'Генеральный директор',
  bankDetails: { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810900000000001', corrAccount: '' },
}

beforeAll(async () => {
  w = await startRobotWorld()
  await w.ctx.repos.settings.set(w.memberId, 'claims.legalEntities', [ENTITY], 'test')
  const { receivableId, itemId } = await w.newReceivable({
    amount: 50_000_000,
    invoiceDate: '2024-06-10',
    dueDate: '2024-07-10',
    contract: { number: 'Д-15', date: '2024-01-15' },
  })
  await recordPayment(
    receivablesPorts(w.ctx),
    { memberId: w.memberId, actor: 'user:1', source: 'test' },
    { receivableId, amount: 20_000_000, paidOn: '2024-11-15', source: 'manual', sourceRef: 'pp-1' },
  )
  const run = await w.runRule(w.receivables.entityTypeId, itemId, w.stageId('receivables', 'NEGOTIATION'), [
    { robot: 'claim-open' },
  ])
  const view = await call('GET', `/claims/item/${Number(run.steps[0]!.returnValues!.claimId)}`)
  caseId = (view.json() as ClaimViewDto).id
}, 60_000)
afterAll(async () => w?.close())

describe('statement of claim', () => {
  it('no claim letter yet: refused, naming the pre-trial procedure', async () => {
    const r = await statement()
    expect(r.statusCode).toBe(409)
    expect(r.json()).toMatchObject({ error: 'claim.no-letter', message: expect.stringContaining('APK art. 4 p. 5') })
  })

  it('missing requisites: our OGRN, then the debtor INN, each named', async () => {
    expect((await call('POST', `/claims/${caseId}/letter`, {})).statusCode).toBe(200)
    const r = await statement()
    expect(r.statusCode).toBe(400)
    // in the portal's language (ru), naming the field and our entity
    expect(r.json()).toMatchObject({
      error: 'requisites.missing',
      message:
        'Исковое заявление не сформировано: у нашей организации ООО «Поставщик» не заполнено поле «ОГРН». ' +
        'Заполните его в настройках приложения (Юридические лица).',
    })
    // the plaintiff's bank details are printed in the header: without the account, it is named
    const noAccount = { ...ENTITY, ogrn: '1027700132195', bankDetails: { ...ENTITY.bankDetails, account: '' } }
    await w.ctx.repos.settings.set(w.memberId, 'claims.legalEntities', [noAccount], 'test')
    expect((await statement()).json().message).toContain('не заполнено поле «расчётный счёт»')
    await w.ctx.repos.settings.set(w.memberId, 'claims.legalEntities', [{ ...ENTITY, ogrn: '1027700132195' }], 'test')
    const d = await statement()
    expect(d.statusCode).toBe(400)
    expect(d.json().message).toMatch(
      /^Исковое заявление не сформировано: в реквизитах должника .+ не заполнено поле «ИНН»/,
    )
  })

  it('is a DOCX whose every number matches the case', async () => {
    await w.sb.admin.call(w.portalId, 'crm.requisite.add', {
      fields: {
        ENTITY_TYPE_ID: 4,
        ENTITY_ID: w.companyId,
        RQ_COMPANY_NAME: 'ООО «Ромашка»',
        RQ_INN: '7728168971',
        RQ_KPP: '772801001',
        RQ_OGRN: '1037739877295',
      },
    })
    const r = await statement('date=2025-06-20&courtName=Арбитражный суд города Москвы')
    expect(r.statusCode, r.body).toBe(200)
    expect(r.headers['content-type']).toContain('wordprocessingml')
    const text = docxText(r.rawPayload)
    // debt 300 000,00; art. 395 interest on 500 000 from 11.07.2024 and on 300 000 after 15.11.2024 to
    // the filing day 20.06.2025: the reference example of the penalty CLI, 69 670,54
    const interest = Number(/(\d[\d ]*,\d\d) руб\. по 20\.06\.2025/.exec(text)?.[1]?.replace(/ /g, '').replace(',', ''))
    expect(interest).toBe(6_967_054)
    const claimValue = 30_000_000 + interest
    const duty = calculateStateDuty(claimValue, 'arbitration')
    const rub = (k: number) =>
      `${String(Math.trunc(k / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(k % 100).padStart(2, '0')}`
    expect(text).toContain('В Арбитражный суд города Москвы')
    expect(text).toContain(
      'Истец: ООО «Поставщик», ИНН 7701234567, КПП 770101001, ОГРН 1027700132195, адрес: Москва, ул. Ленина, 1',
    )
    expect(text).toContain('Ответчик: ООО «Ромашка», ИНН 7728168971, КПП 772801001, ОГРН 1037739877295')
    expect(text).toContain(`Цена иска: ${rub(claimValue)} руб.`)
    expect(text).toContain(`Государственная пошлина: ${rub(duty.duty)} руб.`)
    // 300 000 + interest is in 100 001 – 1 000 000: 10 000 + 5 % over 100 000
    expect(duty.row.over).toBe(100_000)
    expect(text).toContain('от 100 001 до 1 000 000 ₽: 10 000 ₽ + 5 % суммы свыше 100 000 ₽')
    expect(text).toContain('договор № Д-15 от 15.01.2024')
    expect(text).toMatch(/R-\d+ \| 10\.06\.2024 \| 10\.07\.2024 \| 500 000,00 \| 200 000,00 \| 300 000,00/)
    expect(text).toContain('Задолженность ответчика составляет 300 000,00 руб.')
    const letter = (await claimsRepository(w.ctx.database.db).latestLetter(w.memberId, caseId))!
    const letterDate = localDateOf('Europe/Moscow', letter.generatedAt.getTime()).split('-').reverse().join('.')
    // the letter's stored number, the first of its entity's series that year
    expect(letter.number).toBe(`П-${letterDate.slice(-4)}/1`)
    expect(text).toContain(`претензия № ${letter.number} от ${letterDate}.`)
    expect(text).toContain('Исх. № ИЗ-2025/1 от 20.06.2025')
    expect(text).toContain('основной долг 300 000,00 руб.')
    expect(text).toContain(`расходы по уплате государственной пошлины ${rub(duty.duty)} руб.`)
    // the interest table's rows add up to the interest claimed
    const table = text.split('\n').filter((l) => /^\d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4} \| \d+ \|/.test(l))
    expect(table.length).toBeGreaterThan(3)
    const sum = table.reduce((s, l) => s + Number(l.split(' | ').at(-1)!.replace(/ /g, '').replace(',', '')), 0)
    expect(sum).toBe(interest)
    expect(text).toMatch(/Итого: [\d ]+,\d\d руб\./)
    expect(text).toContain('Документ об уплате государственной пошлины')
    expect(text).toContain('Генеральный директор ____________________ И. И. Иванов')
  }, 60_000)

  it('bad query: a clear 400', async () => {
    expect((await statement('date=20.06.2025')).statusCode).toBe(400)
    expect((await statement('court=supreme')).statusCode).toBe(400)
    expect((await call('GET', '/claims/999999/statement-of-claim.docx')).statusCode).toBe(404)
  })
})
