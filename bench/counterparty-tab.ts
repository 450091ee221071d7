// counterparty_tab_*: the company card tab in headless Chromium inside the sandbox portal page, for a
// company with 1,000 receivables (compared with one with 100, same run): the time from the frame's
// navigation (the portal's form POST into the iframe: HTML, bundle on a cold cache, B24Frame
// handshake, /api calls, render) until the header and the first page of 50 rows are in the DOM and
// painted, and the browser-side time of the two API calls. PGlite, the default storage. Median of
// RUNS runs after one warm-up, each in a fresh browser context. Target: under 1 s.
import type { Browser } from 'playwright-core'
import { launchChromium } from '../tests/helpers/browser.ts'
import { startPortalPageApp, type PortalPageApp } from '../tests/helpers/portal-page-app.ts'
import { seedCompanyReceivables } from '../tests/helpers/seed-counterparty.ts'
import type { Metric } from './lib/metrics.ts'

const RUNS = Number(process.env.BENCH_TAB_RUNS ?? 7)

// Runs in every frame at document start; in our tab it stamps the first paint with the header and
// 50 rows (frame-relative: performance.now() counts from the frame's navigation start).
const probe = `(() => {
  if (!location.pathname.startsWith('/bitrix/placements/')) return;
  const ready = () => document.querySelector('[data-testid="summary-totalDebt"]') && document.querySelectorAll('[data-testid="receivables-table"] tbody [data-testid^="open-"]').length >= 50;
  let seen = false;
  const check = () => {
    if (seen || !ready()) return;
    seen = true; obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__tabRendered = performance.now() }, 0));
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true });
})()`

type Run = { render: number; summary: number; page: number }

async function openOnce(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  try {
    await context.addInitScript(probe)
    const page = await context.newPage()
    await page.goto(url)
    const frame = await (async () => {
      for (const until = Date.now() + 15_000; Date.now() < until; await page.waitForTimeout(20)) {
        const f = page.frames().find((x) => x.url().includes('/bitrix/placements/'))
        if (f) return f
      }
      throw new Error('the tab frame did not open')
    })()
    await frame.waitForFunction('window.__tabRendered !== undefined', undefined, { timeout: 15_000, polling: 50 })
    return await frame.evaluate<Run>(`(() => {
      const api = (part) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).map((e) => e.responseEnd - e.startTime)[0] ?? NaN;
      return { render: window.__tabRendered, summary: api('/api/counterparties/'), page: api('/api/receivables?') };
    })()`)
  } finally {
    await context.close()
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

async function tabUrl(w: PortalPageApp, companyId: number): Promise<string> {
  const html = await (await fetch(`${w.portal.origin}/crm/company/details/${companyId}/?tab=0`)).text()
  const href = /<a href="([^"]+)"[^>]*data-tab="Дебиторка"/.exec(html)?.[1]
  if (!href) throw new Error('the company card has no Receivables tab')
  return `${w.portal.origin}/crm/company/details/${companyId}/${href}`
}

export async function benchCounterpartyTab(): Promise<Metric[]> {
  // the default storage (npm run bench points DATABASE_URL at PostgreSQL for the other benches)
  const saved = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  let w: PortalPageApp
  try {
    w = await startPortalPageApp()
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved
  }
  const browser = await launchChromium()
  try {
    const big = await seedCompanyReceivables(w, { name: 'АО «Большой клиент»', n: 1000 })
    const small = await seedCompanyReceivables(w, { name: 'ООО «Малый клиент»', n: 100, prefix: 'SM' })
    const urls = { big: await tabUrl(w, big.companyId), small: await tabUrl(w, small.companyId) }
    await openOnce(browser, urls.big) // warm-up: server JIT, token check cache, PGlite plans
    await openOnce(browser, urls.small)
    const runs: Record<'big' | 'small', Run[]> = { big: [], small: [] }
    for (let i = 0; i < RUNS; i++)
      for (const k of ['big', 'small'] as const) runs[k].push(await openOnce(browser, urls[k]))
    const m = (k: 'big' | 'small', f: keyof Run) => median(runs[k].map((r) => r[f]))
    const note = `headless Chromium, cold cache, median of ${RUNS}, PGlite`
    return [
      {
        name: 'tab_first_render_ms',
        value: m('big', 'render'),
        unit: 'ms',
        comparison: { name: 'same, 100 receivables', value: m('small', 'render') },
        target: '<= 500 ms',
        note: `frame navigation -> header + 50 rows painted; ${note}; max ${Math.round(Math.max(...runs.big.map((r) => r.render)))} ms`,
      },
      {
        name: 'counterparty_tab_api_summary_1000',
        value: m('big', 'summary'),
        unit: 'ms',
        comparison: { name: 'same, 100 receivables', value: m('small', 'summary') },
        note: `GET /api/counterparties/company/:id/summary seen by the browser; ${note}`,
      },
      {
        name: 'counterparty_tab_api_first_page_1000',
        value: m('big', 'page'),
        unit: 'ms',
        comparison: { name: 'same, 100 receivables', value: m('small', 'page') },
        note: `GET /api/receivables (page 1 of 50, due date order) seen by the browser; ${note}`,
      },
    ]
  } finally {
    await browser.close()
    await w.close()
  }
}
