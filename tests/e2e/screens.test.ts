// The approval, collection plan, claim and admin screens in headless Chromium inside a portal page,
// with the /api answers staged through Playwright routing; screenshots go to __screenshots__/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page, Route } from 'playwright-core'
import { createTestContext, seedPortal } from '../helpers/app.ts'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { startMinimalPortal } from '../helpers/minimal-portal-page.ts'
import { latinWords } from './latin-words.ts'
import {
  ageing,
  approvalSettings,
  approvalView,
  claimView,
  dunningPlan,
  dunningRules,
  reviewQueue,
  statementDone,
  statementUpload,
  statementsOverview,
  collectionReport,
  promisesReport,
  claimsReport,
  payoutsReport,
  approvalsReport,
  calendarView,
  keyRates,
  legalEntity,
  connectionView,
  apiKeysList,
  letterTemplates,
  penaltyDefaults,
} from './screens-fixtures.ts'

let t: Awaited<ReturnType<typeof createTestContext>>
let appUrl: string
let browser: Browser

beforeAll(async () => {
  t = await createTestContext()
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  appUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
  browser = await launchChromium()
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await t?.dispose()
})

type Answers = Record<string, (body: unknown) => unknown>
const people: Record<number, { NAME: string; LAST_NAME: string }> = {
  2: { NAME: 'Виктор', LAST_NAME: 'Директоров' },
  3: { NAME: 'Ольга', LAST_NAME: 'Финансова' },
  4: { NAME: 'Олег', LAST_NAME: 'Операционный' },
  9: { NAME: 'Нина', LAST_NAME: 'Бухгалтерова' },
  8: { NAME: 'Анна', LAST_NAME: 'Смирнова' },
  12: { NAME: 'Пётр', LAST_NAME: 'Иванов' },
  21: { NAME: 'Илья', LAST_NAME: 'Инициатор' },
}
const preview = (body: unknown) => {
  const tpl = (body as { template?: { subject: string; body: string } }).template ?? {
    subject: 'Просрочен счёт {{invoice_number}}',
    body: 'Оплатите {{remaining}}',
  }
  const fill = (x: string) =>
    x
      .replace('{{invoice_number}}', 'A-1024')
      .replace('{{due_date}}', '16.06.2025')
      .replace('{{counterparty}}', 'ООО «Ромашка»')
      .replace('{{remaining}}', '100 000,00 ₽')
      .replace('{{days_overdue}}', '12')
  return {
    subject: fill(tpl.subject),
    body: fill(tpl.body),
    variables: ['counterparty', 'invoice_number', 'due_date', 'remaining', 'days_overdue'],
  }
}

async function openScreen(
  tab: string,
  placement: string,
  options: Record<string, string>,
  answers: Answers,
  opts: { lang?: 'ru' | 'en'; admin?: boolean } = {},
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
  const portal = await startMinimalPortal(`${appUrl}/bitrix/placements/${tab}`, init)
  init.DOMAIN = new URL(portal.origin).host
  await seedPortal(t.ctx, 'member-ui', 'app-token-ui', `${portal.origin}/rest/`)
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
  const errors: string[] = []
  const calls: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.route(`${appUrl}/api/**`, async (route: Route) => {
    const req = route.request()
    const key = `${req.method()} ${new URL(req.url()).pathname.replace(/^\/api/, '')}`
    calls.push(key)
    const answer = answers[key]
    if (!answer)
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'x.not-found', message: `no fixture for ${key}` }),
      })
    try {
      let body: unknown
      try {
        body = req.postDataJSON()
      } catch {
        body = req.postDataBuffer()
      } // a file upload is raw bytes
      return await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(answer(body)) })
    } catch (e) {
      const err = e as { status?: number; message: string }
      return route.fulfill({
        status: err.status ?? 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'x', message: err.message }),
      })
    }
  })
  // The portal's REST (the approval tab looks up people's names with one user.get batch).
  await page.route(`${portal.origin}/rest/**`, async (route: Route) => {
    const body = (route.request().postDataJSON() ?? {}) as { cmd?: Record<string, string> | string[] }
    const cmd = body.cmd ?? {}
    const answer = (q: string) => {
      const id = Number(/ID=(\d+)/.exec(q)?.[1])
      return people[id] ? [{ ID: String(id), ...people[id] }] : []
    }
    const result = Array.isArray(cmd)
      ? cmd.map(answer)
      : Object.fromEntries(Object.entries(cmd).map(([k, q]) => [k, answer(q)]))
    const time = {
      start: 0,
      finish: 0,
      duration: 0,
      processing: 0,
      date_start: '2025-06-06T10:00:00+03:00',
      date_finish: '2025-06-06T10:00:00+03:00',
      operating: 0,
    }
    calls.push(`REST ${new URL(route.request().url()).pathname}`)
    await route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({
        result: { result, result_error: [], result_total: [], result_next: [], result_time: [] },
        time,
      }),
    })
  })
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
/** Latin names and codes the fixtures carry (a person typed them; they are not the app's words). */
const FIXTURE_NAMES: string[] = ['· company'] // the portal's licence code, as the portal names it
/** Words in English a Russian screen showed, by screen (checked at the end of each test). */
const latinSeen: Record<string, string[]> = {}

/** The shell asks the portal for its height once at boot; grow the iframe to the content before a shot. */
async function shot(page: Page, name: string) {
  if (/-ru$|^collection-plan|^claim-payouts|^approval-route-ru/.test(name)) {
    const found = await latinWords(page, FIXTURE_NAMES)
    if (found.length) latinSeen[name] = found
  }
  const inner = page.frames().find((f) => f !== page.mainFrame())
  // Page scripts as text: the test project has no DOM types.
  const height = inner
    ? await inner.evaluate<number>(
        `Math.max(document.documentElement.scrollHeight, ...[...document.querySelectorAll('[role="dialog"]')].map((d) => d.getBoundingClientRect().bottom + 16))`,
      )
    : 600
  await page.evaluate(`document.querySelector('iframe').style.height = '${Math.ceil(height)}px'`)
  await page.waitForTimeout(150)
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

describe('screens in headless Chromium', () => {
  it('approval route: steps with SLA badges, decision buttons, audit log', async () => {
    const s = await openScreen(
      'approval-route',
      'CRM_DYNAMIC_1040_DETAIL_TAB',
      { ID: '9' },
      {
        'GET /approvals/item/1040/9': () => approvalView,
        'GET /approvals/telegram/link': () => ({ linked: false }),
        'POST /approvals/telegram/link-code': () => ({
          code: 'K7Q2-9XZ',
          expiresAt: '2025-06-06T12:00:00Z',
          command: '/start K7Q2-9XZ',
          linked: false,
        }),
      },
    )
    try {
      await s.frame.getByTestId('step-sla-finance').waitFor({ timeout: 20_000 })
      expect(await s.frame.getByTestId('step-sla-finance').textContent()).toBe('Escalated')
      await expect.poll(() => s.frame.getByTestId('step-head').textContent()).toContain('Пётр Иванов')
      await s.frame.getByTestId('telegram-code').click()
      await s.frame.getByTestId('telegram-command').waitFor()
      await shot(s.page, 'approval-route')
      await s.frame.getByTestId('reject').click()
      await s.frame.getByTestId('reject-submit').click()
      await s.frame.getByTestId('reject-problem').waitFor()
      await shot(s.page, 'approval-route-reject')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('collection plan: steps per overdue invoice, promise, pause, claim; send-now editor', async () => {
    const s = await openScreen(
      'collection-plan',
      'CRM_COMPANY_DETAIL_TAB',
      { ID: '12' },
      {
        'GET /dunning/counterparties/company/12/plan': () => dunningPlan,
        'POST /dunning/templates/preview': preview,
      },
      { lang: 'ru' },
    )
    try {
      await s.frame.getByTestId('plan-A-1024').waitFor({ timeout: 20_000 })
      await shot(s.page, 'collection-plan')
      await s.frame.getByTestId('send-A-1024').click()
      await s.frame.getByTestId('send-body').waitFor()
      await expect.poll(() => s.frame.getByTestId('send-body').inputValue()).toContain('100 000,00')
      await shot(s.page, 'collection-plan-send-now')
      expect(s.errors).toEqual([])
      expect({ plan: latinSeen['collection-plan'], sendNow: latinSeen['collection-plan-send-now'] }).toEqual({})
    } finally {
      await s.close()
    }
  })

  it('claim payouts: tranches, totals and the difference to the agreed compensation', async () => {
    const s = await openScreen(
      'claim-payouts',
      'CRM_DYNAMIC_1050_DETAIL_TAB',
      { ID: '40' },
      { 'GET /claims/item/40': () => claimView },
      { lang: 'ru' },
    )
    try {
      await s.frame.getByTestId('difference').waitFor({ timeout: 20_000 })
      expect(await s.frame.getByTestId('difference').textContent()).toContain('500,00')
      await shot(s.page, 'claim-payouts')
      expect(s.errors).toEqual([])
      expect(latinSeen['claim-payouts']).toBeUndefined()
    } finally {
      await s.close()
    }
  })

  for (const lang of ['ru', 'en'] as const) {
    it(`admin page (${lang}): approvals, reminders with live preview, statements (upload with progress, review queue), reports with the ageing chart`, async () => {
      let uploaded = 0
      const s = await openScreen(
        'admin',
        'DEFAULT',
        {},
        {
          'GET /whoami': () => ({ isAdmin: true }),
          'GET /approvals/settings': () => approvalSettings,
          'GET /dunning/settings': () => dunningRules,
          'POST /dunning/templates/preview': preview,
          'GET /ageing': () => ageing,
          'GET /statements': () => statementsOverview,
          'GET /statement-review': () => reviewQueue,
          'POST /statements': (b) => {
            uploaded = (b as Buffer).length
            return statementUpload
          },
          'GET /statements/5': () => statementDone,
          'GET /admin/receivable-statuses': () => ({ dueSoonDays: 5, stuckDays: 14 }),
          'GET /admin/claim-settings': () => ({
            stored: { accountantId: null, taskDaysBefore: 3, specialistId: null },
            effective: { accountantId: 1, taskDaysBefore: 3, specialistId: 1 },
            defaults: {
              accountant: { role: 'juniorAccountant', userId: 1 },
              specialist: { role: 'lawyer', userId: 1 },
              taskDaysBefore: 2,
            },
          }),
          'GET /admin/statement-settings': () => ({
            stored: { notifyIds: [1] },
            effective: [1],
            defaults: { chiefAccountant: 1, juniorAccountant: null },
          }),
          'GET /reports/collection': () => collectionReport,
          'GET /reports/promises': () => promisesReport,
          'GET /reports/claims': () => claimsReport(lang),
          'GET /reports/payouts': () => payoutsReport,
          'GET /reports/approvals': () => approvalsReport,
          'GET /admin/calendar': () => calendarView,
          'GET /admin/key-rates': () => keyRates,
          'GET /admin/penalty-defaults': () => penaltyDefaults,
          'POST /admin/key-rates': (b) => ({
            rates: [{ ...(b as { from: string; percent: string }), percent: '15.50', added: true }, ...keyRates.rates],
          }),
          'GET /admin/legal-entities': () => ({
            entities: [
              legalEntity.entity,
              {
                ...legalEntity.entity,
                name: 'ООО «Поставщик-Север»',
                inn: '2901234567',
                kpp: '290101001',
                address: 'Архангельск, пр. Троицкий, 5',
              },
            ],
          }),
          'GET /admin/legal-entities/7701234567/images': () => ({ images: [] }),
          'GET /admin/legal-entities/2901234567/images': () => ({ images: [] }),
          'GET /admin/stage-requirements': () => ({
            requirements: { CLAIM_SENT: ['claim-letter'] },
            documents: ['first-notice', 'claim-letter', 'settlement-schedule', 'statement-of-claim'],
          }),
          'GET /admin/stage-templates': () => ({ templates: [], variables: ['counterparty', 'debt'] }),
          'GET /admin/email-sender': () => ({
            sender: {
              name: lang === 'ru' ? 'Отдел дебиторской задолженности' : 'Receivables team',
              address: 'debts@supplier.ru',
            },
          }),
          'GET /admin/thank-you': () => ({
            enabled: true,
            subject: lang === 'ru' ? 'Спасибо за оплату' : 'Thank you for your payment',
            template:
              lang === 'ru'
                ? 'Здравствуйте! Оплата по счёту {invoice} получена полностью. Спасибо!'
                : 'Hello! Invoice {invoice} is paid in full. Thank you!',
          }),
          'GET /admin/receivable-source': () => ({
            settings: { source: 'deals', stages: { '0': 'WON' } },
            pipelines: {
              deals: [
                {
                  id: 0,
                  name: lang === 'ru' ? 'Продажи' : 'Sales',
                  stages: [
                    { id: 'NEW', name: lang === 'ru' ? 'Новая' : 'New' },
                    { id: 'WON', name: lang === 'ru' ? 'Сделка успешна' : 'Deal won' },
                  ],
                },
              ],
              invoices: [],
            },
          }),
          'GET /admin/claim-letter-template': () => letterTemplates,
          'POST /admin/claim-letter-template/preview': (b) => {
            const t = (b as { template: { body: string; demand: string } }).template
            const f = (x: string) =>
              x
                .replace('{creditor}', 'ООО «Поставщик»')
                .replace('{debtor}', 'ООО «Ромашка»')
                .replace('{contract}', 'заключён договор № 15/2024 от 01.03.2024')
                .replace('{principal}', '300 000,00')
                .replace('{pay_within_days}', '30')
                .replace('{pay_by}', '03.01.2027')
                .replace('{total}', '321 548,11')
            return { body: f(t.body), demand: f(t.demand) }
          },
          'GET /admin/connection': () => connectionView,
          'GET /admin/api-keys': () => apiKeysList,
          'POST /admin/api-keys': () => ({ ...apiKeysList[0], id: 2, key: 'rck_NewKeyShownOnce0123456789' }),
        },
        { lang },
      )
      try {
        await s.frame.getByTestId('sla-form').waitFor({ timeout: 20_000 })
        await shot(s.page, `admin-approvals-${lang}`)
        expect(s.calls.some((c) => c.startsWith('GET /ageing'))).toBe(false) // reports (and their charts) load only when opened
        await s.frame.getByRole('tab').nth(1).click()
        await s.frame.getByTestId('template-preview').waitFor()
        await s.frame.getByTestId('template-subject').fill('Счёт {{invoice_number}}: срок {{due_date}}')
        await expect
          .poll(() => s.frame.getByTestId('preview-subject').textContent())
          .toBe('Счёт A-1024: срок 16.06.2025')
        await shot(s.page, `admin-reminders-${lang}`)
        // the sections' tabs: approvals, reminders, reminder review, statements, reports, company, connection
        await s.frame.getByRole('tab').nth(3).click()
        await s.frame.getByTestId('review-table').waitFor()
        await s.frame.getByTestId('statement-file').setInputFiles({
          name: 'kl_to_1c.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('1CClientBankExchange\r\nВерсияФормата=1.03\r\nКонецФайла\r\n'),
        })
        await s.frame.getByTestId('statement-result').waitFor()
        expect(uploaded).toBeGreaterThan(20)
        await expect.poll(() => s.frame.getByTestId('statement-result').textContent()).toContain('176')
        await s.frame.getByTestId('sn-person').first().waitFor() // who hears about lines to review
        await shot(s.page, `admin-statements-${lang}`)
        await s.frame.getByRole('tab').nth(4).click()
        await s.frame.locator('[data-testid="chart-bar"] [data-testid="chart-bar-rect"]').first().waitFor()
        await s.frame.locator('[data-testid="report-approvals"]').waitFor()
        expect(await s.frame.locator('[data-testid="chart-bar"] svg').count()).toBe(7) // ageing, by legal entity, trend, DSO, effectiveness, promises, claims
        expect(await s.frame.getByTestId('report-claims').textContent()).toContain(
          lang === 'ru' ? 'Претензия направлена' : 'Claim sent',
        )
        expect(await s.frame.getByTestId('ageing-legal-entities-table').textContent()).toContain(
          lang === 'ru' ? 'Не указано в договоре' : 'Not named on the contract',
        )
        expect(await s.frame.getByTestId('trend-table').locator('tbody tr').count()).toBe(collectionReport.trend.length)
        expect(await s.frame.getByTestId('promises-table').locator('tbody tr').count()).toBe(
          promisesReport.months.length,
        )
        await s.page.waitForTimeout(600) // chart animation
        await shot(s.page, `admin-reports-${lang}`)
        await s.frame.getByRole('tab').nth(5).click()
        await s.frame.getByTestId('le-inn').waitFor()
        expect(await s.frame.getByTestId('calendar-missing').textContent()).toContain('2027')
        await s.frame.getByTestId('rate-from').fill('2026-12-20')
        await s.frame.getByTestId('rate-percent').fill('15,5')
        await s.frame.getByTestId('rate-add').click()
        await s.frame.getByText('15.50 %').waitFor()
        await s.frame.getByTestId('letter-demand').fill('Просим оплатить {total} руб. до {pay_by}.')
        await expect
          .poll(() => s.frame.getByTestId('letter-preview').textContent())
          .toContain('Просим оплатить 321 548,11 руб. до 03.01.2027.')
        // the default entity is open for editing, the second is one click away, and nothing failed
        expect(await s.frame.getByTestId('le-inn').inputValue()).toBe('7701234567')
        expect(await s.frame.getByTestId('le-problem').count()).toBe(0)
        await s.frame.getByTestId('pd-fraction').waitFor() // penalty defaults: 1/300 of the key rate, the moratorium, one debtor opted out
        expect(await s.frame.getByTestId('pd-opt-out-0').textContent()).toContain('ООО «Вектор»')
        await shot(s.page, `admin-company-${lang}`)
        await s.frame.getByRole('tab').nth(6).click()
        await s.frame.getByTestId('plan-apply').waitFor()
        await s.frame.getByTestId('api-key-name').fill('Банк-клиент')
        await s.frame.getByTestId('api-key-create').click()
        await s.frame.getByTestId('api-key-fresh').waitFor()
        await shot(s.page, `admin-connection-${lang}`)
        expect(s.errors).toEqual([])
        // one language: no English words on a Russian screen (names and codes aside)
        expect(Object.fromEntries(Object.entries(latinSeen).filter(([k]) => k.endsWith(`-${lang}`)))).toEqual({})
      } finally {
        await s.close()
      }
    })
  }

  it('admin page for a non-admin: the "administrators only" state', async () => {
    const s = await openScreen('admin', 'DEFAULT', {}, { 'GET /whoami': () => ({ isAdmin: false }) }, { admin: false })
    try {
      await s.frame.getByTestId('admins-only').waitFor({ timeout: 20_000 })
      await shot(s.page, 'admin-non-admin')
      expect(s.calls).toEqual(['GET /whoami'])
    } finally {
      await s.close()
    }
  })
})
