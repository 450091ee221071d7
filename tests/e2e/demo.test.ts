// `npm run demo` end to end: the demo process prints one URL; headless Chromium opens it and sees
// the company card with our tab loaded from the app, through B24Frame and the verified /api session.
import { afterAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'

let demo: ChildProcess | null = null
afterAll(async () => {
  if (demo && demo.exitCode === null) {
    const gone = new Promise((r) => demo!.once('exit', r))
    demo.kill('SIGTERM')
    await gone
  }
})

function waitForUrl(child: ChildProcess, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no URL within ${ms} ms:\n${out}`)), ms)
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Open this URL: (\S+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`demo exited with ${code}:\n${out}`))
    })
  })
}

describe('npm run demo', () => {
  it('prints a URL within 60 s; the company card shows our tab with the counterparty header', async () => {
    const port = 41000 + Math.floor(Math.random() * 2000)
    demo = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/demo.ts',
        '--app-port',
        String(port),
        '--portal-port',
        String(port + 1),
        '--sandbox-port',
        String(port + 2),
        '--data',
        mkdtempSync(join(tmpdir(), 'rc-demo-')),
        '--log-level',
        'error',
      ],
      {
        env: { ...process.env, LOG_LEVEL: 'error', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const url = await waitForUrl(demo, 60_000)
    const browser = await launchChromium()
    try {
      // tall enough for the whole card: a modal sits in the middle of the (content-high) iframe
      const page = await browser.newPage({ viewport: { width: 1300, height: 2000 } })
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      await page.goto(url)
      const tab = page.frameLocator('iframe')
      await tab.getByTestId('summary').waitFor({ timeout: 30_000 })
      await expect
        .poll(async () => (await tab.getByTestId('row-count').textContent()) ?? '', { timeout: 15_000 })
        .toMatch(/\d+/)
      expect(await tab.getByTestId('summary-totalDebt').textContent()).toMatch(/₽/)
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-company-card.png'), fullPage: true })

      // hand an open invoice over to a colleague picked in the portal's own user picker
      await tab.getByTestId('interactions').waitFor({ timeout: 15_000 })
      await tab.locator('[data-testid^="hand-over-"]').first().click()
      await tab.getByTestId('hand-over-pick').click()
      await page.locator('#slider-panel a[data-user="3"]').click()
      await expect.poll(async () => (await tab.getByTestId('hand-over-pick').textContent()) ?? '').toContain('Анна')
      await tab.getByTestId('hand-over-comment').fill('Позвоните бухгалтеру клиента')
      await tab.getByTestId('hand-over-submit').click()
      const handed = tab.locator('[data-testid^="interaction-task-"]').filter({ hasText: 'Дебиторка' }).first()
      await handed.waitFor({ timeout: 15_000 })
      expect(await handed.textContent()).toContain('Анна Попова')
      // and ping its responsible from the history
      await handed.locator('[data-testid^="ping-task-"]').click()
      await expect
        .poll(async () => (await handed.locator('[data-testid^="ping-task-"]').textContent()) ?? '', {
          timeout: 15_000,
        })
        .toContain('Напомнили')
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'demo-company-card-history.png'), fullPage: true })
      expect(errors).toEqual([])
    } finally {
      await browser.close()
    }
  }, 120_000)
})
