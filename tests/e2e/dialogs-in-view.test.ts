// Every form dialog of the tabs opens in the part of the portal page a person sees. The portal grows our
// iframe with its content (here 2 000+ px in an 800 px window), so a dialog centred in the frame used to
// open far below the fold. Here the parent page is scrolled to where the person is (at the clicked row, or
// at the top), the dialog opens, and its submit button must be inside the 800 px window and take a
// real mouse click at its own coordinates (the form then answers: a problem, a confirmation or a request).
// Screenshots of the window (what the person sees) go to __screenshots__/dialog-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { createTestContext } from '../helpers/app.ts'
import { launchChromium, SCREENSHOT_DIR } from '../helpers/browser.ts'
import { openStagedScreen, type StagedAnswers } from '../helpers/staged-screen.ts'
import {
  collectionSettings,
  contracts,
  interactions,
  paymentsDetail,
  receivablesPage,
  rows,
  summary,
  tallClaim,
  tallPlan,
  TODAY,
} from './dialogs-fixtures.ts'

const VIEW = { width: 1200, height: 800 }
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

type Screen = Awaited<ReturnType<typeof openStagedScreen>>
const open = (tab: string, placement: string, id: string, answers: StagedAnswers) =>
  openStagedScreen({ browser, appUrl, ctx: t.ctx }, tab, placement, { ID: id }, answers, {
    lang: 'ru',
    viewport: VIEW,
  })

/** The frame is tall (the portal grew it), the submit button lies inside the window, and a mouse click at
 *  its coordinates reaches it: `answered` then shows what the form did. */
async function submitInView(s: Screen, testid: string, shot: string, answered: () => Promise<unknown>) {
  const submit = s.frame.getByTestId(`${testid}-submit`)
  await submit.waitFor({ timeout: 10_000 })
  await s.page.waitForTimeout(400) // placed in the visible part, the opening animation over
  const frameHeight = await s.page.evaluate<number>(`document.querySelector('iframe').getBoundingClientRect().height`)
  expect(frameHeight, 'the frame is taller than the window').toBeGreaterThan(VIEW.height + 400)
  const box = (await submit.boundingBox())!
  expect(box, `${testid}: the submit button has a box`).not.toBeNull()
  expect(box.y, `${testid}: the submit button's top is in the window`).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, `${testid}: its bottom too`).toBeLessThanOrEqual(VIEW.height)
  await s.page.screenshot({ path: join(SCREENSHOT_DIR, `dialog-${shot}.png`) })
  await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await answered()
}
const visible = (s: Screen, testid: string) => s.frame.getByTestId(testid).waitFor({ timeout: 5_000 })
async function closeDialog(s: Screen, testid: string) {
  await s.page.keyboard.press('Escape')
  await s.frame.getByTestId(`${testid}-form`).waitFor({ state: 'detached', timeout: 5_000 })
}
/** A screen whose content is shorter still gets a frame of 2 400 px before a dialog opens, as a portal card page
 *  with a long card can give it (the dialog must not depend on the frame being exactly its content). */
async function tallFrame(s: Screen) {
  await s.page.evaluate(
    `(() => { const f = document.querySelector('iframe'); f.style.height = Math.max(2400, f.getBoundingClientRect().height) + 'px' })()`,
  )
}
const scrollParent = (s: Screen, to: 'top' | 'bottom') =>
  s.page.evaluate(`window.scrollTo(0, ${to === 'top' ? 0 : 'document.documentElement.scrollHeight'})`)

describe('dialogs open in the visible part of a tall frame (800 px window)', () => {
  it('collection plan: pause, promise and send-now of the last of 20 invoices', async () => {
    const s = await open('collection-plan', 'CRM_COMPANY_DETAIL_TAB', '12', {
      'GET /dunning/counterparties/company/12/plan': () => tallPlan,
      'POST /dunning/templates/preview': () => ({ subject: 'Счёт П-020', body: 'Оплатите', variables: [] }),
    })
    try {
      await s.frame.getByTestId('plan-П-020').waitFor({ timeout: 20_000 })
      await s.frame.getByTestId('pause-П-020').click()
      await submitInView(s, 'pause', 'pause', () => visible(s, 'pause-problem'))
      await closeDialog(s, 'pause')

      await s.frame.getByTestId('promise-П-020').click()
      await s.frame.getByTestId('promise-amount').fill('')
      await submitInView(s, 'promise', 'promise', () => visible(s, 'promise-problem'))
      await closeDialog(s, 'promise')

      await s.frame.getByTestId('send-П-020').click()
      await expect.poll(() => s.frame.getByTestId('send-subject').inputValue()).toBe('Счёт П-020')
      await s.frame.getByTestId('send-subject').fill('')
      await submitInView(s, 'send', 'send-now', () => visible(s, 'send-problem'))
      await closeDialog(s, 'send')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('counterparty tab: a new invoice from the top, a payment and a hand-over of the last of 40 rows', async () => {
    const paid: unknown[] = []
    const s = await open('counterparty-receivables', 'CRM_COMPANY_DETAIL_TAB', '12', {
      'GET /counterparties/company/12/summary': () => summary,
      'GET /receivables': () => receivablesPage,
      'GET /counterparties/company/12/contracts': () => contracts,
      'GET /counterparties/company/12/interactions': () => interactions,
      'GET /dunning/counterparties/company/12/settings': () => collectionSettings,
      [`POST /receivables/${rows[39].id}/payments`]: (body) => {
        paid.push(body)
        return { payment: {}, receivable: rows[39], duplicate: false }
      },
    })
    try {
      const last = rows[39].invoiceNumber
      await s.frame.getByTestId(`pay-${last}`).waitFor({ timeout: 20_000 })
      await tallFrame(s)
      await scrollParent(s, 'top')
      await s.frame.getByTestId('new-receivable').click()
      await submitInView(s, 'create', 'new-invoice', () => visible(s, 'create-problem'))
      await closeDialog(s, 'create')

      await tallFrame(s)
      await s.frame.getByTestId(`pay-${last}`).click()
      await s.frame.getByTestId('payment-amount').fill('300000')
      // more than the remaining 235 179,00: the dialog asks first and says what becomes an advance
      await submitInView(s, 'payment', 'payment-advance', () => visible(s, 'payment-warning'))
      expect(await s.frame.getByTestId('payment-warning').textContent()).toMatch(/64\s821,00\s₽ станет авансом/)
      expect(paid).toEqual([])
      await submitInView(s, 'payment', 'payment-confirm', () =>
        expect.poll(() => paid.length, { timeout: 5_000 }).toBe(1),
      )
      expect(paid[0]).toMatchObject({ amount: 300_000_00, paidOn: TODAY, confirmAdvance: true })

      await tallFrame(s)
      await scrollParent(s, 'bottom')
      await s.frame.getByTestId(`hand-over-${last}`).click()
      await submitInView(s, 'hand-over', 'hand-over', () => visible(s, 'hand-over-problem'))
      await closeDialog(s, 'hand-over')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('invoice card: a payment from the top, the reversal of the last of 30 payments asks for its reason', async () => {
    const s = await open('receivable-payments', 'CRM_DYNAMIC_1040_DETAIL_TAB', String(rows[0].itemId), {
      [`GET /items/receivables/${rows[0].itemId}`]: () => ({ receivableId: rows[0].id }),
      [`GET /receivables/${rows[0].id}`]: () => paymentsDetail,
    })
    try {
      await s.frame.getByTestId('payments-table').waitFor({ timeout: 20_000 })
      await tallFrame(s)
      await scrollParent(s, 'top')
      await s.frame.getByTestId('add-payment').click()
      await s.frame.getByTestId('payment-amount').fill('999999999')
      await submitInView(s, 'payment', 'payment-absurd', () => visible(s, 'payment-problem'))
      await closeDialog(s, 'payment')

      const lastRow = s.frame.locator('[data-testid="payments-table"] tbody tr').last()
      await tallFrame(s)
      await lastRow.getByRole('button', { name: 'Сторнировать' }).click()
      await submitInView(s, 'reverse', 'reverse', () => visible(s, 'reverse-problem'))
      await closeDialog(s, 'reverse')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('claim tab: a tranche from the top and the edit of the last of 12 tranches', async () => {
    const s = await open('claim-payouts', 'CRM_DYNAMIC_1050_DETAIL_TAB', '40', {
      'GET /claims/item/40': () => tallClaim,
    })
    try {
      await s.frame.getByTestId('edit-11').waitFor({ timeout: 20_000 })
      const frameHeight = await s.page.evaluate<number>(
        `document.querySelector('iframe').getBoundingClientRect().height`,
      )
      if (frameHeight <= 2 * VIEW.height)
        await s.page.evaluate(`document.querySelector('iframe').style.height = '2400px'`)
      await tallFrame(s)
      await scrollParent(s, 'top')
      await s.frame.getByTestId('add-tranche').click()
      await s.frame.getByTestId('tranche-deadline').fill('2025-01-31')
      await s.frame.getByTestId('tranche-amount').fill('1000')
      await submitInView(s, 'tranche', 'tranche-past', () => visible(s, 'tranche-problem'))
      await closeDialog(s, 'tranche')

      await tallFrame(s)
      await s.frame.getByTestId('edit-11').click()
      await s.frame.getByTestId('tranche-amount').fill('99000')
      await submitInView(s, 'tranche', 'tranche-over', () => visible(s, 'tranche-problem'))
      expect(await s.frame.getByTestId('tranche-problem').textContent()).toMatch(/согласованную сумму на 10\s000,00/)
      await closeDialog(s, 'tranche')
      expect(s.errors).toEqual([])
    } finally {
      await s.close()
    }
  })
})
