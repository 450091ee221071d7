// Issue 26 in headless Chromium on the sandbox portal page. The company card's "Receivables" tab, by
// contract: each contract's status kept by the app from the money (overdue with its days, active,
// settled) in the invoices' colours, the status filter, closing a contract (a reason missing is
// refused and changes nothing, then closed with its history) and the company card's field. The admin
// page's ladder editor: a task step 5 working days before the due day (an offset beyond a year is
// refused with the server's reason, nothing stored). Screenshots go to __screenshots__/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Frame, Page } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { startPortalPageApp, type PortalPageApp } from '../helpers/portal-page-app.ts'
import { addDays } from '../../server/domain/calendar/index.ts'
import type { DunningRules } from '../../server/domain/dunning/index.ts'
import { receivablesPorts } from '../../server/use-cases/receivables/receivables-ports.ts'
import { createReceivable } from '../../server/use-cases/receivables/create-receivable.ts'
import { recordPayment } from '../../server/use-cases/receivables/record-payment.ts'
import { portalDay } from '../../server/use-cases/receivables/receivable-calendar.ts'
import { refreshContractStatuses } from '../../server/use-cases/receivables/refresh-contract-statuses.ts'
import { dict } from '../../placement-ui/src/tabs/admin/i18n.ts'

let w: PortalPageApp
let browser: Browser
let companyId = 0

beforeAll(async () => {
  w = await startPortalPageApp()
  companyId = w.sb.admin.seedCompany(w.portalId, { TITLE: 'ООО Ромашка' })
  const ports = receivablesPorts(w.ctx)
  const who = { memberId: w.memberId, actor: 'user:1', source: 'test' }
  const { today } = await portalDay(ports, w.memberId)
  const invoice = (contract: string, n: string, dueIn: number) =>
    createReceivable(ports, who, {
      counterparty: { type: 'company', id: companyId },
      contract: { number: contract, date: addDays(today, -200) },
      invoiceNumber: n,
      invoiceDate: addDays(today, -60),
      dueDate: addDays(today, dueIn),
      amount: 120_000_00,
    })
  await invoice('Д-1/2026', 'С-101', -30) // overdue
  await invoice('Д-2/2026', 'С-201', 20) // active
  const paid = await invoice('Д-3/2026', 'С-301', -10) // settled once paid
  await recordPayment(ports, who, {
    receivableId: paid.id,
    amount: 120_000_00,
    paidOn: today,
    source: 'manual',
    sourceRef: 'e2e-301',
  })
  await refreshContractStatuses(ports, w.memberId, today) // what the 15-minute reconcile does
  browser = await launchChromium()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await w?.close()
})

async function appFrame(page: Page): Promise<Frame> {
  await page.locator('iframe.app').waitFor()
  for (const until = Date.now() + 10_000; ; await page.waitForTimeout(50)) {
    const f = page.frames().find((x) => x.url().includes('/bitrix/placements/'))
    if (f) return f
    if (Date.now() > until) throw new Error('the app frame did not load')
  }
}
async function shot(page: Page, f: Frame, name: string) {
  const height = await f.evaluate<number>(
    `Math.max(document.documentElement.scrollHeight, document.querySelector('[role="dialog"]') ? 700 : 0)`,
  )
  await page.evaluate(`document.querySelector('iframe.app').style.height = '${Math.ceil(height) + 16}px'`)
  await page.waitForTimeout(150)
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}
const badge = (f: Frame, n: string) =>
  f.getByTestId(`contract-status-${n}`).getByTestId('contract-status-badge').textContent()

describe('contract status and task steps in the browser', () => {
  it('the tab shows each contract status, filters by it, and closes a contract (bad input refused)', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    try {
      const path = `/crm/company/details/${companyId}/`
      await page.goto(`${w.portal.origin}${path}?tab=0`)
      const href = await page.locator(`.tabs a[data-tab="Дебиторка"]`).getAttribute('href')
      await page.goto(`${w.portal.origin}${path}${href}`)
      const f = await appFrame(page)
      await f.getByTestId('view-contracts').click({ timeout: 20_000 })
      await f.getByTestId('contract-status-Д-1/2026').waitFor({ timeout: 15_000 })
      expect(await badge(f, 'Д-1/2026')).toMatch(/^Есть просрочка: \d+ дн\.$/)
      expect(await badge(f, 'Д-2/2026')).toBe('Действует')
      expect(await badge(f, 'Д-3/2026')).toBe('Исполнен')
      await shot(page, f, 'contract-status-ru')
      // close Д-2: without a reason the server refuses and nothing changes
      await f.getByTestId('contract-status-Д-2/2026').getByTestId('contract-close').click()
      await f.getByTestId('close-contract-submit').click()
      await expect.poll(() => f.getByTestId('close-contract-problem').textContent()).toContain('причину')
      await shot(page, f, 'contract-close-refused-ru')
      const contract = () =>
        w.ctx.database.db
          .selectFrom('contracts')
          .select(['status', 'closed_reason'])
          .where('number', '=', 'Д-2/2026')
          .executeTakeFirstOrThrow()
      expect(await contract()).toEqual({ status: 'active', closed_reason: null })
      await f.getByTestId('close-contract-reason').fill('Договор расторгнут по соглашению сторон')
      await f.getByTestId('close-contract-submit').click()
      await f.getByTestId('close-contract-form').waitFor({ state: 'detached' })
      await expect.poll(() => badge(f, 'Д-2/2026')).toBe('Закрыт')
      expect(await contract()).toEqual({ status: 'closed', closed_reason: 'Договор расторгнут по соглашению сторон' })
      await f.getByTestId('contract-status-Д-2/2026').getByTestId('contract-history-toggle').click()
      expect(await f.getByTestId('contract-history').textContent()).toContain('Действует → Закрыт (Ирина Смирнова')
      // the status filter: only the closed contract
      await f.getByTestId('contract-filter-closed').click()
      await expect.poll(() => f.locator('[data-testid^="contract-status-Д"]').count()).toBe(1)
      await shot(page, f, 'contract-status-closed-ru')
      // the company card's field: the worst status of its contracts
      const field = w.state.companyFields!.contractStatus
      const card = (await w.sb.admin.call<Record<string, unknown>>(w.portalId, 'crm.company.get', { id: companyId }))
        .result
      expect(Number(card[field.upperName])).toBe(field.options!.overdue)
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('the admin ladder editor adds a task step; an offset beyond a year is refused and nothing is stored', async () => {
    w.setLang('ru')
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'ru-RU' })
    try {
      await page.goto(`${w.portal.origin}/marketplace/app/${w.sbApp.id}/`)
      const f = await appFrame(page)
      await f.getByTestId('admin-sections').waitFor({ timeout: 20_000 })
      await f.getByRole('tab', { name: dict.ru.sec_dunning, exact: true }).click()
      await f.getByTestId('task-steps-standard').waitFor({ timeout: 15_000 })
      await f.getByTestId('task-steps-standard-add').click()
      const offset = f.getByTestId('task-step-standard-offset-0')
      await offset.fill('-400')
      await offset.press('Tab')
      await f.getByTestId('dunning-save').click()
      await expect.poll(() => f.getByTestId('dunning-problem').textContent()).toContain('Проверьте правила напоминаний')
      expect(await w.ctx.repos.settings.get(w.memberId, 'dunning')).toBeNull()
      await offset.fill('-5')
      await offset.press('Tab')
      await f.getByTestId('dunning-save').click()
      await f.getByTestId('dunning-saved').waitFor()
      const stored = await w.ctx.repos.settings.get<DunningRules>(w.memberId, 'dunning')
      expect(stored!.ladders.find((l) => l.id === 'standard')!.tasks).toEqual([
        {
          id: expect.stringMatching(/^t[a-z0-9-]+$/),
          offset: -5,
          assignee: 'responsible',
          template: 'task-check-invoice',
          deadlineDays: 1,
        },
      ])
      await f.getByTestId('task-steps-standard').scrollIntoViewIfNeeded()
      await shot(page, f, 'admin-task-steps-ru')
    } finally {
      await page.close()
    }
  })
})
