// The claim work form of the admin page (section "Company") in the sandbox portal page, headless
// Chromium: the default accountant named from the approval roles, the people shown by name (never an id
// to type), the tranche accountant picked with the portal's user picker and the days changed; saved,
// stored and audited; read back in English with the person's name. Screenshots of the form in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Frame, Page } from 'playwright-core'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { startPortalPageApp, type PortalPageApp } from '../helpers/portal-page-app.ts'
import { dict } from '../../placement-ui/src/tabs/admin/i18n.ts'
import { claimSettingsDict } from '../../placement-ui/src/tabs/admin/company/claim-settings-i18n.ts'

let w: PortalPageApp
let browser: Browser
let junior: number
let payer: number

beforeAll(async () => {
  w = await startPortalPageApp()
  junior = w.sb.admin.addUser(w.portalId, { name: 'Анна', lastName: 'Бухгалтер', workPosition: 'Бухгалтер' }).id
  payer = w.sb.admin.addUser(w.portalId, {
    name: 'Мария',
    lastName: 'Выплатная',
    workPosition: 'Бухгалтер по расчётам',
  }).id
  await w.ctx.repos.settings.set(w.memberId, 'approvals.roles', { juniorAccountant: junior }, 'test')
  browser = await launchChromium()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await w?.close()
})

async function openCompany(page: Page, lang: 'ru' | 'en'): Promise<Frame> {
  await page.goto(`${w.portal.origin}/marketplace/app/${w.sbApp.id}/`)
  let f: Frame | undefined
  for (const until = Date.now() + 10_000; !f; await page.waitForTimeout(50)) {
    f = page.frames().find((x) => x.url().includes('/bitrix/placements/'))
    if (!f && Date.now() > until) throw new Error('the app frame did not load')
  }
  await f.getByTestId('admin-sections').waitFor({ timeout: 20_000 })
  await f.getByRole('tab', { name: dict[lang].sec_company, exact: true }).click()
  await f.getByTestId('cs-save').waitFor({ timeout: 15_000 })
  return f
}

describe('claim work settings in the admin page', () => {
  it('admin (ru): the default named, an accountant picked by name; saved, stored, audited; (en) read back', async () => {
    w.setLang('ru')
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'ru-RU' })
    try {
      const f = await openCompany(page, 'ru')
      const card = f.getByTestId('claim-settings')
      await expect
        .poll(() => card.textContent())
        .toContain('По умолчанию: Анна Бухгалтер — бухгалтер из ролей согласования')
      expect(await f.getByTestId('cs-days').inputValue()).toBe('2')
      // in the portal a person is picked, never typed: no id input, the empty field says "по умолчанию"
      expect(await card.locator('input[inputmode="numeric"]').count()).toBe(0)
      expect(await f.getByTestId('cs-specialist').textContent()).toBe(claimSettingsDict.ru.notChosen)
      await f.getByTestId('cs-accountant-pick').click()
      await page.locator(`#slider-panel a[data-user="${payer}"]`).click()
      await expect.poll(() => f.getByTestId('cs-accountant').textContent()).toBe('Мария Выплатная')
      await f.getByTestId('cs-days').fill('5')
      await f.getByTestId('cs-days').press('Tab')
      await f.getByTestId('cs-save').click()
      await f.getByTestId('cs-saved').waitFor()
      expect(await w.ctx.repos.settings.get(w.memberId, 'claims')).toEqual({
        accountantId: payer,
        taskDaysBefore: 5,
        specialistId: null,
      })
      const audit = await w.ctx.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('member_id', '=', w.memberId)
        .where('entity_id', '=', 'claims')
        .execute()
      expect(audit).toHaveLength(1)
      expect(audit[0]).toMatchObject({ action: 'settings.changed', actor: 'user:1', source: 'admin' })
      await card.screenshot({ path: join(SCREENSHOT_DIR, 'admin-claim-settings-ru.png') })
    } finally {
      await page.close()
    }

    w.setLang('en')
    const en = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' })
    try {
      const f = await openCompany(en, 'en')
      const card = f.getByTestId('claim-settings')
      await expect.poll(() => f.getByTestId('cs-accountant').textContent()).toBe('Мария Выплатная')
      expect(await card.textContent()).toContain(
        'By default: the person responsible for the claim (no lawyer in the approval roles)',
      )
      expect(await f.getByTestId('cs-days').inputValue()).toBe('5')
      await card.screenshot({ path: join(SCREENSHOT_DIR, 'admin-claim-settings-en.png') })
    } finally {
      await en.close()
    }
  }, 60_000)
})
