// The company card of the sandbox portal page with our "Receivables" tab over 1,000 invoices, in
// headless Chromium: header and first page, sort both ways, search, filters, page 2, a payment
// from the tab (the form refuses a bad amount first) that moves the header by exactly its amount
// and updates the ONE timeline totals comment; then the invoice card's "Payments" tab: payments,
// totals, a reversal (our dialog asks for its reason) with its negative row and the audit log. Screenshots in ru
// and en go to __screenshots__/. (The < 1 s first render is measured in bench/counterparty-tab.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Frame, Page } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { startPortalPageApp, type PortalPageApp } from '../helpers/portal-page-app.ts'
import { seedCompanyReceivables, type SeededReceivable } from '../helpers/seed-counterparty.ts'
import { recordPayment } from '../../server/use-cases/receivables/record-payment.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { formatAmount } from '../../server/domain/money/index.ts'

const N = 1000
let w: PortalPageApp
let browser: Browser
let seed: Awaited<ReturnType<typeof seedCompanyReceivables>>
let target: SeededReceivable
const PAY = 1_234_56

beforeAll(async () => {
  w = await startPortalPageApp()
  seed = await seedCompanyReceivables(w, { name: 'АО «Большой клиент»', n: N })
  // an overdue unpaid invoice that already has its totals comments (one payment mirrored)
  target = seed.rows.find((r) => r.paid === 0 && r.effectiveDueDate < seed.today && r.invoiceNumber.endsWith('7'))!
  await recordPayment(
    receivablesPorts(w.ctx),
    { memberId: w.memberId, actor: 'user:1', source: 'test' },
    { receivableId: target.id, amount: 1_000_00, paidOn: seed.today, source: 'manual', sourceRef: 'first' },
  )
  Object.assign(target, { paid: 1_000_00, remaining: target.amount - 1_000_00 })
  for (
    const until = Date.now() + 15_000;
    commentsOn(`dynamic_${w.receivablesEntityTypeId}`, target.itemId).length === 0;
    await new Promise((r) => setTimeout(r, 100))
  ) {
    if (Date.now() > until) throw new Error('the first payment was not mirrored within 15 s')
  }
  browser = await launchChromium()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await w?.close()
})

const commentsOn = (type: string, id: number) =>
  w.sb.admin
    .comments(w.portalId)
    .filter(
      (c) => String(c.ENTITY_TYPE ?? c.entityType).toLowerCase() === type && Number(c.ENTITY_ID ?? c.entityId) === id,
    )
    .map((c) => String(c.COMMENT ?? c.comment))
/** "1 234,56 ₽", "₽ 1,234.56", "−1 234,56 ₽" -> kopecks. */
const kopecksOf = (text: string | null) => (/[−-]/.test(text ?? '') ? -1 : 1) * Number((text ?? '').replace(/\D/g, ''))
const money = (k: number) => `${formatAmount(k, 'ru')} ₽`

type Key = 'dueDate' | 'amount'
function expected(
  o: { sort?: Key; dir?: 'asc' | 'desc'; filter?: 'all' | 'open' | 'overdue' | 'paid'; q?: string } = {},
): SeededReceivable[] {
  const { sort = 'dueDate', dir = 'asc', filter = 'all', q } = o
  const keep = (r: SeededReceivable) =>
    (filter === 'all' ||
      (filter === 'paid'
        ? r.remaining === 0
        : r.remaining > 0 && (filter === 'open' || r.effectiveDueDate < seed.today))) &&
    (!q || r.invoiceNumber.includes(q))
  const sign = dir === 'asc' ? 1 : -1
  return seed.rows.filter(keep).sort((a, b) => sign * (a[sort] < b[sort] ? -1 : a[sort] > b[sort] ? 1 : a.id - b.id))
}
const debt = (rows: SeededReceivable[], overdueOnly = false) =>
  rows
    .filter((r) => r.remaining > 0 && (!overdueOnly || r.effectiveDueDate < seed.today))
    .reduce((s, r) => s + r.remaining, 0)

async function openTab(page: Page, path: string, title: string): Promise<Frame> {
  await page.goto(`${w.portal.origin}${path}?tab=0`)
  const href = await page.locator(`.tabs a[data-tab="${title}"]`).getAttribute('href')
  await page.goto(`${w.portal.origin}${path}${href}`)
  await page.locator('iframe.app').waitFor()
  for (const until = Date.now() + 10_000; ; await page.waitForTimeout(50)) {
    const f = page.frames().find((x) => x.url().includes('/bitrix/placements/'))
    if (f) return f
    if (Date.now() > until) throw new Error('the app frame did not load')
  }
}
/** Cell texts of the visible table rows (page scripts as text: the test project has no DOM types). */
const visibleRows = (f: Frame) =>
  f.evaluate<string[][]>(`[...document.querySelectorAll('[data-testid="receivables-table"] tbody tr')]
  .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())).filter((cells) => cells.length > 2)`)
const visibleNumbers = async (f: Frame) => (await visibleRows(f)).map((r) => r[0])
const rowCount = async (f: Frame) => Number(((await f.getByTestId('row-count').textContent()) ?? '').replace(/\D/g, ''))

/** Grow the iframe to its content (the shell reports its height once at boot; a modal gets room for
 * its whole form, as the portal's slider would give it), then a full-page shot. */
async function shot(page: Page, f: Frame, name: string) {
  const height = await f.evaluate<number>(
    `Math.max(document.documentElement.scrollHeight, document.querySelector('[role="dialog"]') ? 800 : 0)`,
  )
  await page.evaluate(`document.querySelector('iframe.app').style.height = '${Math.ceil(height)}px'`)
  await page.waitForTimeout(150)
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

describe(`company card tab over ${N} receivables in the sandbox portal page`, () => {
  it('header and first page; sort, search, filters, page 2; a payment updates the header and the one totals comment', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    try {
      const f = await openTab(page, `/crm/company/details/${seed.companyId}/`, 'Дебиторка')
      await f.getByTestId('summary').waitFor({ timeout: 20_000 })
      const first = expected()
      await expect
        .poll(() => visibleNumbers(f), { timeout: 10_000 })
        .toEqual(first.slice(0, 50).map((r) => r.invoiceNumber))
      expect(await rowCount(f)).toBe(N)
      expect(kopecksOf(await f.getByTestId('summary-totalDebt').textContent())).toBe(debt(seed.rows))
      expect(kopecksOf(await f.getByTestId('summary-overdueDebt').textContent())).toBe(debt(seed.rows, true))
      expect(await f.getByTestId('summary-status').textContent()).toBe('Есть просрочка')
      const top = (await visibleRows(f))[0]
      expect(kopecksOf(top[3])).toBe(first[0].amount)
      // overdue is "Просрочен" or, idle for N days, "Завис"; open is "Ожидает оплаты", "Скоро срок" or "Отправлен клиенту"
      expect(
        first[0].remaining === 0
          ? ['Оплачен']
          : first[0].effectiveDueDate < seed.today
            ? ['Просрочен', 'Завис']
            : ['Ожидает оплаты', 'Скоро срок', 'Отправлен клиенту'],
      ).toContain(top[8])
      await shot(page, f, 'counterparty-tab-ru')

      // sort: amount and due date, both directions, the whole order of the visible page
      for (const [key, dirs] of [
        ['amount', ['asc', 'desc']],
        ['dueDate', ['asc', 'desc']],
      ] as const) {
        for (const dir of dirs) {
          await f.getByTestId(`sort-${key}`).click()
          await expect
            .poll(() => visibleNumbers(f))
            .toEqual(
              expected({ sort: key, dir })
                .slice(0, 50)
                .map((r) => r.invoiceNumber),
            )
          expect(await f.getByTestId(`sort-${key}`).textContent()).toContain(dir === 'asc' ? '▲' : '▼')
        }
      }

      await f.getByTestId('sort-dueDate').click() // back to the default order: due date ascending
      await expect.poll(() => visibleNumbers(f)).toEqual(first.slice(0, 50).map((r) => r.invoiceNumber))

      // search by invoice number
      await f.getByTestId('search').fill('INV-0004')
      await expect.poll(() => visibleNumbers(f)).toEqual(expected({ q: 'INV-0004' }).map((r) => r.invoiceNumber))
      expect(await rowCount(f)).toBe(10)
      await f.getByTestId('search').fill('')
      await expect.poll(() => rowCount(f)).toBe(N)

      // filters
      for (const filter of ['overdue', 'paid', 'open'] as const) {
        await f.getByTestId(`filter-${filter}`).click()
        const rows = expected({ filter })
        await expect.poll(() => visibleNumbers(f)).toEqual(rows.slice(0, 50).map((r) => r.invoiceNumber))
        expect(await rowCount(f)).toBe(rows.length)
      }
      await f.getByTestId('filter-all').click()
      await expect.poll(() => rowCount(f)).toBe(N)

      // page 2
      await f
        .getByRole('button', { name: 'Page 2', exact: true })
        .or(f.getByRole('button', { name: '2', exact: true }))
        .first()
        .click()
      await expect.poll(() => visibleNumbers(f)).toEqual(first.slice(50, 100).map((r) => r.invoiceNumber))
      await shot(page, f, 'counterparty-tab-page2-ru')

      // a payment from the tab: a bad amount is refused with a clear message, then a good one
      await f.getByTestId('search').fill(target.invoiceNumber)
      await expect.poll(() => visibleNumbers(f)).toEqual([target.invoiceNumber])
      const totalBefore = kopecksOf(await f.getByTestId('summary-totalDebt').textContent())
      const overdueBefore = kopecksOf(await f.getByTestId('summary-overdueDebt').textContent())
      await f.getByTestId(`pay-${target.invoiceNumber}`).click()
      await f.getByTestId('payment-amount').fill('-100')
      await f.getByTestId('payment-submit').click()
      await expect.poll(() => f.getByTestId('payment-problem').textContent()).toContain('Укажите положительную сумму')
      await shot(page, f, 'counterparty-tab-payment-invalid-ru')
      await f.getByTestId('payment-amount').fill('1 234,56')
      await f.getByTestId('payment-comment').fill('п/п 418')
      await f.getByTestId('payment-submit').click()
      await f.getByTestId('payment-form').waitFor({ state: 'detached', timeout: 10_000 })
      await expect.poll(() => f.getByTestId('summary-totalDebt').textContent().then(kopecksOf)).toBe(totalBefore - PAY)
      expect(kopecksOf(await f.getByTestId('summary-overdueDebt').textContent())).toBe(overdueBefore - PAY)
      const row = (await visibleRows(f))[0]
      expect([kopecksOf(row[4]), kopecksOf(row[5])]).toEqual([target.paid + PAY, target.remaining - PAY])
      Object.assign(target, { paid: target.paid + PAY, remaining: target.remaining - PAY })

      // the portal's timeline: ONE totals comment per receivable and counterparty, updated in place
      const onItem = () => commentsOn(`dynamic_${w.receivablesEntityTypeId}`, target.itemId)
      await expect.poll(() => onItem().join('\n'), { timeout: 15_000 }).toContain(`Оплачено: ${money(target.paid)}`)
      expect(onItem()).toHaveLength(1)
      expect(onItem()[0]).toContain(`Остаток: ${money(target.remaining)}`)
      expect(onItem()[0]).toContain(`Последняя оплата: ${money(PAY)}`)
      await expect
        .poll(() => commentsOn('company', seed.companyId).join('\n'), { timeout: 15_000 })
        .toContain(`Остаток: ${money(totalBefore - PAY)}`)
      expect(commentsOn('company', seed.companyId)).toHaveLength(1)
      await f.getByTestId('search').fill('')
      await expect.poll(() => rowCount(f)).toBe(N)
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('in English when the portal is English', async () => {
    w.setLang('en')
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    try {
      const f = await openTab(page, `/crm/company/details/${seed.companyId}/`, 'Дебиторка')
      await f.getByTestId('summary').waitFor({ timeout: 20_000 })
      await expect
        .poll(() => visibleNumbers(f))
        .toEqual(
          expected()
            .slice(0, 50)
            .map((r) => r.invoiceNumber),
        )
      expect(await f.getByTestId('summary').textContent()).toContain('Total debt')
      expect(kopecksOf(await f.getByTestId('summary-totalDebt').textContent())).toBe(debt(seed.rows))
      await shot(page, f, 'counterparty-tab-en')
    } finally {
      w.setLang('ru')
      await page.close()
    }
  })

  it('the invoice card tab: payments and totals; a reversal adds a negative row and shows in the audit log', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.accept()
    })
    try {
      const f = await openTab(page, `/crm/type/${w.receivablesEntityTypeId}/details/${target.itemId}/`, 'Оплаты')
      await f.getByTestId('totals').waitFor({ timeout: 20_000 })
      expect(kopecksOf(await f.getByTestId('total-total').textContent())).toBe(target.amount)
      expect(kopecksOf(await f.getByTestId('total-paid').textContent())).toBe(target.paid)
      expect(kopecksOf(await f.getByTestId('total-remaining').textContent())).toBe(target.remaining)
      const payments = f.locator('[data-testid="payments-table"] tbody tr')
      await expect.poll(() => payments.count()).toBe(2)
      const paidFromTab = payments.filter({ hasText: '1 234,56' })
      expect(await paidFromTab.textContent()).toContain('п/п 418') // the reference column shows the payment's comment
      // who recorded it, by the portal user's name (the cell after the reference), never "user:1"
      await expect.poll(() => paidFromTab.textContent()).toMatch(/п\/п 418[A-ZА-ЯЁ][a-zа-яё]+/)
      expect(await paidFromTab.textContent()).not.toMatch(/user:\d|сотрудник портала/)
      await shot(page, f, 'receivable-payments-ru')

      await payments.filter({ hasText: '1 234,56' }).getByRole('button', { name: 'Сторнировать' }).click()
      await f.getByTestId('reverse-submit').click() // no reason yet: the dialog says so and nothing is reversed
      expect(await f.getByTestId('reverse-problem').textContent()).toContain('Укажите причину')
      expect(await payments.count()).toBe(2)
      await f.getByTestId('reverse-reason').fill('Банк вернул платёж')
      await shot(page, f, 'receivable-payments-reverse-dialog-ru')
      await f.getByTestId('reverse-submit').click()
      await expect.poll(() => payments.count()).toBe(3)
      expect(dialogs).toEqual([]) // the browser's own confirm is not used
      const reversal = payments.filter({ hasText: '−1 234,56' })
      expect(await reversal.count()).toBe(1)
      expect(await reversal.textContent()).toContain('сторно')
      expect(await payments.filter({ hasText: 'сторнирована' }).count()).toBe(1)
      await expect.poll(() => f.getByTestId('total-paid').textContent().then(kopecksOf)).toBe(target.paid - PAY)
      expect(kopecksOf(await f.getByTestId('total-remaining').textContent())).toBe(target.remaining + PAY)
      expect(await f.getByTestId('audit').textContent()).toContain('Оплата сторнирована')
      await expect
        .poll(() => commentsOn(`dynamic_${w.receivablesEntityTypeId}`, target.itemId).join('\n'), { timeout: 15_000 })
        .toContain(`Оплачено: ${money(target.paid - PAY)}`)
      expect(commentsOn(`dynamic_${w.receivablesEntityTypeId}`, target.itemId)).toHaveLength(1)
      await shot(page, f, 'receivable-payments-reversed-ru')
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })
})
