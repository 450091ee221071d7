// Every document the app makes, generated from the demo data (built as `npm run demo` builds it) and
// read back: the invoice PDF (its QR code decoded), the reconciliation act (PDF and XLSX), the claim
// letter PDF and the statement of claim DOCX; each sum, date, number and requisite is compared with
// what the demo data says, worked out here from the seed itself. The pages are kept as PNG under
// $TMPDIR/demo-documents for looking at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { startDemoWorld, type DemoWorld } from './demo-world.ts'
import { dmy, docxText, pdfPages, rub } from './document-text.ts'
import { readPdfPage } from '../../helpers/pdf-qr-reader.ts'
import { demoContracts, demoCounterparties, demoInvoices } from '../../../scripts/demo/seed-data.ts'
import { parsePaymentQrPayload } from '../../../server/domain/money/payment-qr-payload.ts'
import { receivablesPorts } from '../../../server/use-cases/receivables/receivables-ports.ts'
import { dunningPorts } from '../../../server/use-cases/dunning/dunning-ports.ts'
import { buildInvoiceDocument } from '../../../server/use-cases/receivables/invoice-document.ts'
import { generateReconciliationAct } from '../../../server/use-cases/receivables/generate-reconciliation-act.ts'
import { generateClaimLetter } from '../../../server/use-cases/claims/generate-claim-letter.ts'
import { generateClaimStatement } from '../../../server/use-cases/claims/generate-claim-statement.ts'
import { receivablesRepository } from '../../../server/storage/repositories/receivables.ts'

const OUT = join(tmpdir(), 'demo-documents')
// our legal entity as scripts/demo/seed-work.ts sets it up
const US = 'ООО «Ромашка», ИНН 7712345671, КПП 770101001'
const BANK = { bank: 'ПАО Сбербанк', bic: '044525225', account: '40702810938000012345', corr: '30101810400000000225' }
const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября']
let w: DemoWorld
const cps = demoCounterparties()
const contracts = demoContracts(cps)
let invoices: ReturnType<typeof demoInvoices>
const paidOf = (i: (typeof invoices)[number]) => i.paid.reduce((s, p) => s + p, 0)
const paidOn = (i: (typeof invoices)[number]) => (i.dueDate < w.today ? i.dueDate : w.today)
const client = () => w.ctx.b24!.forPortal(w.memberId)

beforeAll(async () => {
  w = await startDemoWorld()
  invoices = demoInvoices(contracts, w.today)
}, 600_000)
afterAll(async () => w?.close())

describe('the documents of the demo data', { timeout: 120_000 }, () => {
  it('the invoice: every requisite, the sum in Russian format and in words, the QR code decoded', async () => {
    const inv = invoices[0]!
    const cp = cps.find((c) => c.key === inv.counterparty)!
    const k = contracts.find((c) => c.number === inv.contract)!
    const rec = (await receivablesRepository(w.ctx.database.db).get(w.memberId, 1))!
    expect(rec.invoiceNumber).toBe(inv.number)
    const doc = await buildInvoiceDocument(receivablesPorts(w.ctx), await client(), rec, 'ru')
    if (doc.state !== 'ready') throw new Error(JSON.stringify(doc))
    const page = readPdfPage(doc.pdf)
    pdfPages(doc.pdf, OUT, 'invoice')
    expect(page.qr).toBe(doc.qrPayload)
    expect(parsePaymentQrPayload(page.qr!)).toEqual({
      Name: 'ООО «Ромашка»',
      PersonalAcc: BANK.account,
      BankName: BANK.bank,
      BIC: BANK.bic,
      CorrespAcc: BANK.corr,
      PayeeINN: '7712345671',
      KPP: '770101001',
      Sum: String(inv.amount),
      Purpose: `Оплата по счёту № ${inv.number} от ${dmy(inv.date)}. НДС не облагается`,
    })
    const text = page.text.replace(/[\u00a0 ]+/g, ' ')
    const [y, m, d] = inv.date.split('-').map(Number)
    // С-1001 of 23.08.2026 for 235 179,00 (the seed's first invoice on the pinned day 09.12.2026)
    expect(inv.amount).toBe(23_517_900)
    for (const s of [
      `Счёт на оплату № ${inv.number} от ${d} ${MONTHS[m! - 1]} ${y} г.`,
      `${US}, 125009, г. Москва, ул.`,
      `${cp.name}, ИНН ${cp.inn}, КПП ${cp.kpp}`,
      `Договор № ${k.number} от ${dmy(k.date)}`,
      `Оплата по счёту № ${inv.number} (договор № ${k.number})`,
      `Всего к оплате: ${rub(inv.amount)}`,
      `Всего наименований 1, на сумму ${rub(inv.amount)} руб.`,
      'Двести тридцать пять тысяч сто семьдесят девять рублей 00 копеек',
      `Оплатить не позднее ${dmy(inv.dueDate)}`,
      BANK.bic,
      BANK.account,
      BANK.corr,
      'Смирнова Ирина',
    ])
      expect(text).toContain(s)
  })

  it('the reconciliation act of the first company: opening, turnover and closing exact to the kopeck', async () => {
    const cp = cps[0]!
    const from = '2026-01-01'
    const mine = invoices.filter((i) => i.counterparty === cp.key)
    const opening = mine
      .filter((i) => i.date < from)
      .reduce((s, i) => s + i.amount - (paidOn(i) < from ? paidOf(i) : 0), 0)
    const debit = mine.filter((i) => i.date >= from).reduce((s, i) => s + i.amount, 0)
    const credit = mine.filter((i) => paidOn(i) >= from).reduce((s, i) => s + paidOf(i), 0)
    const rows =
      mine.filter((i) => i.date >= from).length + mine.filter((i) => i.paid.length && paidOn(i) >= from).length
    const made = await generateReconciliationAct(
      receivablesPorts(w.ctx),
      w.memberId,
      { type: 'company', entityId: w.companies.get(cp.key)!.id, contractId: null, from },
      'user:5',
    )
    const a = made.model.act
    expect([a.opening, a.debit, a.credit, a.closing]).toEqual([opening, debit, credit, opening + debit - credit])
    expect(a.rows).toHaveLength(rows)
    expect(made.number).toBe('АС-2026/1')
    const { text } = pdfPages(made.pdf, OUT, 'act')
    const flat = text.replace(/\n/g, ' ')
    for (const s of [
      'Акт сверки взаимных расчётов № АС-2026/1',
      `за период с 01.01.2026 по ${dmy(w.today)}`,
      `между ООО «Ромашка» и ${cp.name}`,
      `По данным ${US}, руб.`,
      `По данным ${cp.name}, ИНН ${cp.inn}, КПП ${cp.kpp}, руб.`,
      rub(debit),
      rub(credit),
    ])
      expect(flat).toContain(s)
    for (const i of mine.filter((x) => x.date >= from))
      expect(flat).toContain(`${dmy(i.date)} Продажа (счёт № ${i.number}`)
    const closing = opening + debit - credit
    // the first company owes us: the act says so in our favour
    expect(closing).toBeGreaterThan(0)
    expect(flat).toContain(
      `По данным ООО «Ромашка» на ${dmy(w.today)} задолженность в пользу ООО «Ромашка» составляет ${rub(closing)} руб.`,
    )
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(made.xlsx as unknown as ArrayBuffer)
    const cells: unknown[][] = []
    wb.worksheets[0]!.eachRow((r) => cells.push((r.values as unknown[]).slice(1)))
    const line = (label: string) => {
      const r = cells.find((x) => x[2] === label)!
      return [r[3] ?? null, r[4] ?? null]
    }
    // rubles as numbers; a zero balance is written as 0 on the debit side, as the PDF prints 0,00
    const side = (v: number) => (v >= 0 ? [v / 100, null] : [null, -v / 100])
    expect(opening).toBe(0) // the seed's invoices are all of the last 180 days
    expect(line('Сальдо начальное')).toEqual(side(opening))
    expect(line('Обороты за период')).toEqual([debit / 100, credit / 100])
    expect(line('Сальдо конечное')).toEqual(side(closing))
  })

  it('the claim letter and the statement of claim of the most overdue invoice', async () => {
    // the claim seedClaims opened first: the open invoice due the earliest
    const inv = invoices.filter((i) => i.amount > paidOf(i)).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]!
    const cp = cps.find((c) => c.key === inv.counterparty)!
    const k = contracts.find((c) => c.number === inv.contract)!
    const debt = inv.amount - paidOf(inv)
    const item = await w.ctx.database.db
      .selectFrom('dunning_receivables as d')
      .innerJoin('receivables as r', 'r.id', 'd.receivable_id')
      .select('d.claim_item_id')
      .where('r.invoice_number', '=', inv.number)
      .executeTakeFirstOrThrow()
    const itemId = Number(item.claim_item_id)
    const letter = await generateClaimLetter(dunningPorts(w.ctx), await client(), w.memberId, itemId, 'user:7')
    const { text } = pdfPages(letter.pdf, OUT, 'letter')
    const flat = text.replace(/\n/g, ' ')
    // art. 395 rows: each is debt × rate × days / days in the year, the rows add up to the interest
    const rows = [
      ...flat.matchAll(
        /(\d\d\.\d\d\.\d{4}) – (\d\d\.\d\d\.\d{4}) (\d+) ([\d ]+,\d\d) (\d+,\d\d) (\d{3}) ([\d ]+,\d\d)/g,
      ),
    ]
    expect(rows.length).toBeGreaterThan(0)
    const kop = (s: string) => Number(s.replace(/[ ,]/g, ''))
    let interest = 0
    for (const r of rows) {
      expect(kop(r[4]!)).toBe(debt)
      const rate = Number(r[5]!.replace(',', '.'))
      expect(kop(r[7]!)).toBe(Math.round((debt * rate * Number(r[3])) / (100 * Number(r[6]))))
      interest += kop(r[7]!)
    }
    expect(rows[0]![1]).toBe(dmy(addDay(inv.dueDate)))
    expect(rows.at(-1)![2]).toBe(dmy(w.today))
    const total = debt + interest
    expect(letter.total).toBe(total)
    expect(letter.letter.number).toBe('П-2026/1')
    for (const s of [
      `ПРЕТЕНЗИЯ № П-2026/1 ${dmy(w.today)}`,
      `Кому: ${cp.name} ИНН ${cp.inn}, КПП ${cp.kpp}`,
      `От: ООО «Ромашка» ИНН 7712345671, КПП 770101001 125009, г. Москва, ул. Тверская, д. 1, офис 12`,
      `договор № ${k.number} от ${dmy(k.date)}`,
      `составляет ${rub(debt)} руб.`,
      `${inv.number} ${dmy(inv.date)} ${dmy(inv.dueDate)} ${rub(inv.amount)} ${rub(paidOf(inv))}`,
      `Итого начислено: ${rub(interest)}`,
      `Итого к оплате: ${rub(total)}`,
      // 30 days from 09.12.2026 is 08.01.2027, a New Year holiday: the next working day
      `не позднее 11.01.2027, перечислить ${rub(total)}`,
      `р/с ${BANK.account}, ${BANK.bank}, БИК ${BANK.bic}, к/с ${BANK.corr}`,
      'Генеральный директор',
    ])
      expect(flat).toContain(s)

    const st = await generateClaimStatement(dunningPorts(w.ctx), await client(), w.memberId, itemId, 'user:7')
    const doc = docxText(st.docx)
    // the state duty of art. 333.21: 10 000 ₽ + 5 % over 100 000 ₽, in whole rubles
    const duty = Math.round((1_000_000 + (total - 10_000_000) * 0.05) / 100) * 100
    expect(total).toBeGreaterThan(10_000_000)
    expect(st.model.duty.duty).toBe(duty)
    for (const s of [
      `Исх. № ИЗ-2026/1 от ${dmy(w.today)}`,
      `Истец: ${US}, ОГРН 1027700000001, адрес: 125009, г. Москва, ул. Тверская, д. 1, офис 12; ` +
        `р/с ${BANK.account}, ${BANK.bank}, БИК ${BANK.bic}, к/с ${BANK.corr}`,
      `Ответчик: ${cp.name}, ИНН ${cp.inn}, КПП ${cp.kpp}`,
      `Цена иска: ${rub(total)} руб.`,
      `Государственная пошлина: ${rub(duty)} руб.`,
      [inv.number, dmy(inv.date), dmy(inv.dueDate), rub(inv.amount), rub(paidOf(inv)), rub(debt)].join(' | '),
      `Задолженность ответчика составляет ${rub(debt)} руб.`,
      `претензия № П-2026/1 от ${dmy(w.today)}.`,
      `Итого: ${rub(interest)} руб.`,
      `взыскать с ответчика основной долг ${rub(debt)} руб.`,
      `расходы по уплате государственной пошлины ${rub(duty)} руб.`,
      `Копия договора № ${k.number}`,
    ])
      expect(doc).toContain(s)
  })
})

function addDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
