// One tab of the built UI in headless Chromium inside the smallest portal page, with the /api answers
// staged through Playwright routing (what the screens test does, reusable by other browser tests).
import type { Browser, Route } from 'playwright-core'
import type { AppContext } from '../../server/context.ts'
import { seedPortal } from './app.ts'
import { startMinimalPortal } from './minimal-portal-page.ts'

export type StagedAnswers = Record<string, (body: unknown) => unknown>

export interface StagedScreenOptions {
  lang?: 'ru' | 'en'
  admin?: boolean
  viewport?: { width: number; height: number }
}

export async function openStagedScreen(
  env: { browser: Browser; appUrl: string; ctx: AppContext },
  tab: string,
  placement: string,
  options: Record<string, string>,
  answers: StagedAnswers,
  opts: StagedScreenOptions = {},
) {
  const init = {
    DOMAIN: '',
    PROTOCOL: 0,
    LANG: opts.lang ?? 'en',
    MEMBER_ID: 'member-ui',
    AUTH_ID: 'user-token',
    REFRESH_ID: 'r',
    AUTH_EXPIRES: 3600,
    IS_ADMIN: opts.admin ?? true,
    PLACEMENT: placement,
    PLACEMENT_OPTIONS: options,
    INSTALL: false,
    FIRST_RUN: false,
    APP_OPTIONS: {},
    USER_OPTIONS: {},
  }
  const portal = await startMinimalPortal(`${env.appUrl}/bitrix/placements/${tab}`, init)
  init.DOMAIN = new URL(portal.origin).host
  await seedPortal(env.ctx, 'member-ui', 'app-token-ui', `${portal.origin}/rest/`)
  const page = await env.browser.newPage({ viewport: opts.viewport ?? { width: 1200, height: 800 } })
  const errors: string[] = []
  const calls: { key: string; body: unknown }[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.route(`${env.appUrl}/api/**`, async (route: Route) => {
    const req = route.request()
    const key = `${req.method()} ${new URL(req.url()).pathname.replace(/^\/api/, '')}`
    let body: unknown
    try {
      body = req.postDataJSON()
    } catch {
      body = null // not JSON (a file upload)
    }
    calls.push({ key, body })
    const answer = answers[key]
    if (!answer)
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'x.not-found', message: `no fixture for ${key}` }),
      })
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer(body)) })
  })
  // the portal's REST: nobody to look up
  await page.route(`${portal.origin}/rest/**`, (route: Route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ result: [], time: { start: 0, finish: 0, duration: 0, processing: 0 } }),
    }),
  )
  await page.goto(portal.origin)
  return {
    page,
    frame: page.frameLocator('iframe'),
    errors,
    calls,
    close: async () => {
      await page.close()
      await portal.close()
    },
  }
}
