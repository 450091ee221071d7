import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { createTestContext, seedPortal } from '../helpers/app.ts'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { startMinimalPortal } from '../helpers/minimal-portal-page.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
let appUrl: string
let browser: Browser

beforeAll(async () => {
  t = await createTestContext()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const addr = t.app.server.address() as { port: number }
  appUrl = `http://127.0.0.1:${addr.port}`
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await t.dispose()
})

describe('placement UI shell in headless Chromium', () => {
  it('boots inside a portal page through B24Frame, with no console errors', async () => {
    const init = {
      DOMAIN: '',
      PROTOCOL: 0,
      LANG: 'ru',
      MEMBER_ID: 'member-ui',
      AUTH_ID: 'user-token',
      REFRESH_ID: 'r',
      AUTH_EXPIRES: 3600,
      IS_ADMIN: true,
      PLACEMENT: 'CRM_COMPANY_DETAIL_TAB',
      PLACEMENT_OPTIONS: { ID: '12' },
      INSTALL: false,
      FIRST_RUN: false,
      APP_OPTIONS: {},
      USER_OPTIONS: {},
    }
    const portal = await startMinimalPortal(`${appUrl}/bitrix/placements/shell-probe`, init)
    try {
      init.DOMAIN = new URL(portal.origin).host
      await seedPortal(t.ctx, 'member-ui', 'app-token-ui', `${portal.origin}/rest/`)
      const page = await browser.newPage()
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(portal.origin)
      // A tab id the shell does not know: it must boot through B24Frame and say so, without any API call.
      const frame = page.frameLocator('iframe')
      await frame.locator('main[data-tab="shell-probe"]').waitFor({ timeout: 20_000 })
      await frame.getByText('Неизвестная вкладка shell-probe').waitFor({ timeout: 20_000 })
      await expect
        .poll(() => page.evaluate(() => (globalThis as unknown as { __messages: string[] }).__messages))
        .toContain('getInitData')
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'ui-shell.png'), fullPage: true })
      expect(errors).toEqual([])
    } finally {
      await portal.close()
    }
  })

  it('refuses to be framed by another origin (CSP frame-ancestors of the portal only)', async () => {
    const res = await fetch(`${appUrl}/bitrix/placements/counterparty-receivables`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'member_id=member-ui',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toMatch(/^frame-ancestors http:\/\/127\.0\.0\.1:\d+$/)
  })
})
