// The "Reminder review" section of the admin page in the sandbox portal page, headless Chromium, the
// clock pinned at the suite's Wednesday 09.12.2026 09:00 Moscow: the morning scan puts the high-risk
// debtors' reminders on the list (the worker runs the queue jobs); the list shows them by name with
// dd.mm.yyyy dates in Russian; "Отправить" lets one go (stored as approved, gone from the list).
// Screenshot: __screenshots__/admin-dunning-review-ru.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Frame, Page } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { startPortalPageApp, type PortalPageApp } from '../helpers/portal-page-app.ts'
import { dict } from '../../placement-ui/src/tabs/admin/i18n.ts'
import { dunningPorts } from '../../server/use-cases/dunning/dunning-ports.ts'
import { runDunningScan } from '../../server/use-cases/dunning/run-dunning-scan.ts'

const DAY = '2026-12-09'
let w: PortalPageApp
let browser: Browser

async function debtor(name: string, invoices: [string, number][], manager: number) {
  const db = w.ctx.database.db
  const company = w.sb.admin.seedCompany(w.portalId, { TITLE: name })
  const cp = await db
    .insertInto('counterparties')
    .values({
      member_id: w.memberId,
      entity_type: 'company',
      entity_id: company,
      name,
      inn: null,
      kpp: null,
      email: 'buh@client.test',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('dunning_counterparties')
    .values({ member_id: w.memberId, counterparty_id: Number(cp.id), risk_segment: 'high', updated_at: new Date() })
    .execute()
  for (const [number, amount] of invoices)
    await db
      .insertInto('receivables')
      .values({
        member_id: w.memberId,
        counterparty_id: Number(cp.id),
        item_id: null,
        invoice_number: number,
        invoice_date: '2026-11-09',
        due_date: DAY,
        effective_due_date: DAY,
        amount,
        stage: 'AWAITING',
        responsible_id: manager,
        created_by: 't',
        created_source: 't',
      })
      .execute()
}

beforeAll(async () => {
  w = await startPortalPageApp()
  const manager = w.sb.admin.addUser(w.portalId, { name: 'Иван', lastName: 'Менеджеров' }).id
  await debtor('ООО «Ромашка»', [['А-1024', 150_000_00]], manager)
  await debtor(
    'ИП Васильков Пётр Сергеевич',
    [
      ['В-17', 48_250_50],
      ['В-18', 12_000_00],
    ],
    manager,
  )
  await w.ctx.repos.settings.set(w.memberId, 'dunning.review', { segments: ['high'], releaseHour: 15 }, 'test')
  await runDunningScan(dunningPorts(w.ctx), w.memberId)
  for (const until = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 100))) {
    const n = await w.ctx.database.db.selectFrom('dunning_review').select('id').execute()
    if (n.length === 2) break
    if (Date.now() > until) throw new Error('the review lines were not queued')
  }
  browser = await launchChromium()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
}, 90_000)
afterAll(async () => {
  await browser?.close()
  await w?.close()
})

async function openReview(page: Page): Promise<Frame> {
  await page.goto(`${w.portal.origin}/marketplace/app/${w.sbApp.id}/`)
  let f: Frame | undefined
  for (const until = Date.now() + 10_000; !f; await page.waitForTimeout(50)) {
    f = page.frames().find((x) => x.url().includes('/bitrix/placements/'))
    if (!f && Date.now() > until) throw new Error('the app frame did not load')
  }
  await f.getByTestId('admin-sections').waitFor({ timeout: 20_000 })
  await f.getByRole('tab', { name: dict.ru.sec_review, exact: true }).click()
  await f.getByTestId('review-title').waitFor({ timeout: 15_000 })
  return f
}

describe('the reminder review list in the admin page', () => {
  it('(ru) lists the waiting reminders by name with dd.mm.yyyy dates; send lets one go', async () => {
    w.setLang('ru')
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 }, locale: 'ru-RU' })
    try {
      const f = await openReview(page)
      expect(await f.getByTestId('review-title').textContent()).toBe('Ждут проверки — 09.12.2026')
      const text = await f.getByTestId('review-section').textContent()
      expect(text).toContain('ООО «Ромашка»')
      expect(text).toContain('ИП Васильков Пётр Сергеевич')
      expect(text).toContain('№ В-17 от 09.11.2026, срок 09.12.2026, остаток 48\u00a0250,50\u00a0₽')
      expect(await f.getByTestId('review-section').locator('textarea').first().inputValue()).toContain(
        'Иван Менеджеров',
      )
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-dunning-review-ru.png'), fullPage: true })
      const lines = await w.ctx.database.db.selectFrom('dunning_review').select(['id', 'message']).execute()
      const romashka = lines.find((l) => JSON.stringify(l.message).includes('Ромашка'))!
      await f.getByTestId(`review-item-${romashka.id}-send`).click()
      await f.getByTestId(`review-item-${romashka.id}`).waitFor({ state: 'detached', timeout: 15_000 })
      const stored = await w.ctx.database.db
        .selectFrom('dunning_review')
        .select(['status', 'decided_by'])
        .where('id', '=', romashka.id)
        .executeTakeFirstOrThrow()
      expect(stored).toEqual({ status: 'approved', decided_by: expect.stringMatching(/^user:\d+$/) })
    } finally {
      await page.close()
    }
  }, 90_000)
})
