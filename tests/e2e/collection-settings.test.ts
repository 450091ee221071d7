// The counterparty tab's "Collection settings" section in headless Chromium, in Russian: what is set,
// the one-time Telegram link for the client, and the dialog refusing a time zone in Russian (nothing
// saved) before it saves. Screenshots: __screenshots__/collection-settings-ru.png and -dialog-ru.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { createTestContext } from '../helpers/app.ts'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { openStagedScreen } from '../helpers/staged-screen.ts'
import { collectionSettings, contracts, interactions, receivablesPage, summary } from './dialogs-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
let appUrl: string
let browser: Browser

beforeAll(async () => {
  t = await createTestContext()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  appUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
  browser = await launchChromium()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await t?.dispose()
})

describe('collection settings in the counterparty tab', () => {
  it('shows the settings, gives the Telegram link, and saves the dialog after a refusal in Russian', async () => {
    const saved: unknown[] = []
    const s = await openStagedScreen(
      { browser, appUrl, ctx: t.ctx },
      'counterparty-receivables',
      'CRM_COMPANY_DETAIL_TAB',
      { ID: '12' },
      {
        'GET /counterparties/company/12/summary': () => summary,
        'GET /receivables': () => receivablesPage,
        'GET /counterparties/company/12/contracts': () => contracts,
        'GET /counterparties/company/12/interactions': () => interactions,
        'GET /dunning/counterparties/company/12/settings': () => collectionSettings,
        'POST /dunning/counterparties/company/12/telegram-link': () => ({
          url: 'https://t.me/rc_pay_bot?start=cp_Q2xpZW50TGlua0V4YW1wbGUx',
          expiresAt: '2025-06-27T06:00:00Z',
          validUntil: '27.06.2025',
        }),
        'POST /dunning/counterparties/company/12/settings': (body) => {
          saved.push(body)
          return { ok: true }
        },
      },
      { lang: 'ru', viewport: { width: 1200, height: 800 } },
    )
    try {
      const section = s.frame.getByTestId('collection-settings')
      await s.frame.getByTestId('cs-risk-value').waitFor({ timeout: 20_000 })
      expect(await s.frame.getByTestId('cs-risk-value').textContent()).toBe('Высокий')
      expect(await s.frame.getByTestId('cs-telegram-value').textContent()).toBe('подключён 18.06.2025')
      await s.frame.getByTestId('cs-tg-link').click()
      await s.frame.getByTestId('cs-tg-result').waitFor()
      expect(await s.frame.getByTestId('cs-tg-url').inputValue()).toContain('https://t.me/rc_pay_bot?start=cp_')
      await section.scrollIntoViewIfNeeded()
      await section.screenshot({ path: join(SCREENSHOT_DIR, 'collection-settings-ru.png') })

      await s.frame.getByTestId('cs-edit').click()
      await s.frame.getByTestId('cs-timezone').fill('Марс')
      // the server's refusal, as the real route answers it for a bad zone
      await s.page.route(`${appUrl}/api/dunning/counterparties/company/12/settings`, (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 400,
              contentType: 'application/json',
              body: JSON.stringify({
                error: 'dunning.invalid-input',
                message: 'timezone',
                params: { rule: 'timezone' },
              }),
            })
          : route.fallback(),
      )
      await s.frame.getByTestId('collection-settings-submit').click()
      await s.frame.getByTestId('collection-settings-problem').waitFor()
      expect(await s.frame.getByTestId('collection-settings-problem').textContent()).toContain(
        'Часовой пояс — например, московское время (Europe/Moscow)',
      )
      await s.page.waitForTimeout(300)
      await s.page.screenshot({ path: join(SCREENSHOT_DIR, 'collection-settings-dialog-ru.png') })
      await s.page.unroute(`${appUrl}/api/dunning/counterparties/company/12/settings`)
      await s.frame.getByTestId('cs-timezone').fill('Europe/Samara')
      await s.frame.getByTestId('collection-settings-submit').click()
      await expect.poll(() => saved.length, { timeout: 5_000 }).toBe(1)
      expect(saved[0]).toEqual({
        riskSegment: 'high',
        doNotDun: false,
        segment: 'ключевой',
        lang: null,
        timezone: 'Europe/Samara',
        override: { ladder: 'soft' },
      })
      // the refused save was the one 400 the page met; nothing else failed
      expect(s.errors.filter((e) => !e.includes('400'))).toEqual([])
    } finally {
      await s.close()
    }
  }, 90_000)
})
