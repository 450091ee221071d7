import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import { ApiCallError, type Api } from '../../app/api.ts'
import type { TabContext } from '../../app/tab-context.ts'
import type { FrameContext } from '../../app/frame.ts'
import type { ClaimTrancheDto, ClaimViewDto } from '../../../../contracts/claims.ts'
import ClaimPayoutsTab from './ClaimPayoutsTab.vue'
import { dict } from './i18n.ts'
import { differenceToAgreed, lastDayOfMonth } from './use-claim-payouts.ts'

const tr = (id: string, amount: number, status: 'planned' | 'paid' = 'planned'): ClaimTrancheDto => ({
  id,
  deadline: '2025-07-31',
  amount,
  status,
  paidOn: status === 'paid' ? '2025-07-20' : null,
  paidBy: status === 'paid' ? 4 : null,
})
const view = (tranches: ClaimTrancheDto[], agreed: number | null = 3_500_00): ClaimViewDto => {
  const total = tranches.reduce((s, t) => s + t.amount, 0)
  const paid = tranches.filter((t) => t.status === 'paid').reduce((s, t) => s + t.amount, 0)
  return {
    today: '2025-06-30',
    id: 8,
    itemId: 40,
    kind: 'payout',
    stage: 'Payouts',
    counterparty: null,
    agreedCompensation: agreed,
    tranches,
    totals: { total, paid, remaining: total - paid },
    recovery: null,
    documents: [],
  }
}
function mountTab(api: Api) {
  const ctx: TabContext = {
    api,
    lang: 'en',
    frame: { placement: 'CRM_DYNAMIC_1050_DETAIL_TAB', entityId: '40' } as FrameContext,
  }
  return mount(
    defineComponent(() => () => h(B24App, null, () => h(ClaimPayoutsTab, { ctx }))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
}
const input = (sel: string, value: string) => {
  const el = document.querySelector<HTMLInputElement>(sel)!
  el.value = value
  el.dispatchEvent(new Event('input'))
}

describe('claim payouts tab', () => {
  it('defaults a deadline to the month end and measures the gap to the agreed amount', () => {
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29')
    expect(lastDayOfMonth('2025-12-01')).toBe('2025-12-31')
    expect(differenceToAgreed([tr('a', 1_000_00), tr('b', 1_000_00)], 3_500_00)).toBe(-1_500_00)
    expect(differenceToAgreed([tr('a', 1_000_00)], null)).toBeNull()
    expect(Object.keys(dict.ru).sort()).toEqual(Object.keys(dict.en).sort())
  })

  it('shows the totals and the shortfall, edits only planned tranches, and adds the missing sum', async () => {
    const calls: { path: string; method?: string; body?: unknown }[] = []
    let current = view([tr('a', 1_000_00, 'paid'), tr('b', 1_000_00)])
    const api = (async (path: string, init: { method?: string; body?: unknown } = {}) => {
      calls.push({ path, ...init })
      if (path === '/claims/8/tranches')
        current = view([...current.tranches, tr('c', (init.body as { amount: number }).amount)])
      return current
    }) as Api
    const w = mountTab(api)
    await flushPromises()
    expect(w.find('[data-testid="totals-paidTotal"]').text()).toContain('1,000.00')
    expect(w.find('[data-testid="difference"]').text()).toContain('1,500.00 short')
    expect(w.find('[data-testid="edit-0"]').exists()).toBe(false)
    expect(w.find('[data-testid="edit-1"]').exists()).toBe(true)
    await w.find('[data-testid="add-tranche"]').trigger('click')
    await flushPromises()
    expect(document.querySelector<HTMLInputElement>('[data-testid="tranche-amount"]')!.value).toBe('1500.00')
    // the portal's today (its timezone), not the browser's: the last day of the portal's month
    expect(document.querySelector<HTMLInputElement>('[data-testid="tranche-deadline"]')!.value).toBe('2025-06-30')
    input('[data-testid="tranche-deadline"]', '2025-08-31')
    document.querySelector<HTMLFormElement>('[data-testid="tranche-form"]')!.dispatchEvent(new Event('submit'))
    await flushPromises()
    expect(calls.at(-1)).toMatchObject({
      path: '/claims/8/tranches',
      body: { deadline: '2025-08-31', amount: 1_500_00 },
    })
    expect(w.find('[data-testid="difference"]').text()).toContain('matches')
    w.unmount()
  })

  it('a recovery case shows its settlement schedule: editable in Pre-trial settlement, read-only in other stages', async () => {
    const recovery = {
      principal: 3_000_00,
      penalty: 0,
      interest: 0,
      total: 3_000_00,
      method: null,
      claimSentOn: null,
      pretrialEndsOn: null,
      pretrialProvisional: false,
      limitationEndsOn: null,
      letter: null,
      courtCase: null,
    }
    const debtView = (stage: string): ClaimViewDto => ({
      ...view([tr('a', 1_000_00, 'paid'), tr('b', 2_000_00)], 4_000_00),
      kind: 'recovery',
      stage,
      recovery,
    })
    for (const [stage, editable] of [
      ['PRETRIAL', true],
      ['COURT_PREP', false],
    ] as const) {
      const w = mountTab((async () => debtView(stage)) as Api)
      await flushPromises()
      expect(w.find('[data-testid="tranches-title"]').text()).toBe('Debt settlement schedule')
      expect(w.find('[data-testid="totals-debtToSettle"]').text()).toContain('4,000.00')
      expect(w.find('[data-testid="difference"]').text().replace(/\s+/g, ' ')).toContain(
        'leaves ₽ 1,000.00 of the debt uncovered',
      )
      expect(w.find('[data-testid="add-tranche"]').exists()).toBe(editable)
      expect(w.find('[data-testid="edit-1"]').attributes('disabled') === undefined).toBe(editable)
      w.unmount()
    }
  })

  it('marks the pre-trial deadline provisional when it falls in a year without a calendar', async () => {
    const recovery = {
      principal: 3_000_00,
      penalty: 0,
      interest: 0,
      total: 3_000_00,
      method: null,
      claimSentOn: '2027-12-10',
      pretrialEndsOn: '2028-01-10',
      pretrialProvisional: true,
      limitationEndsOn: null,
      letter: null,
      courtCase: null,
    }
    const v: ClaimViewDto = { ...view([], 3_000_00), kind: 'recovery', stage: 'CLAIM_SENT', recovery }
    const w = mountTab((async () => v) as Api)
    await flushPromises()
    expect(w.find('[data-testid="pretrial-provisional"]').text()).toBe('(provisional)')
    w.unmount()
    const official = mountTab((async () => ({ ...v, recovery: { ...recovery, pretrialProvisional: false } })) as Api)
    await flushPromises()
    expect(official.find('[data-testid="pretrial-provisional"]').exists()).toBe(false)
    official.unmount()
  })

  it("lists the case's documents and finds them by any words of the name or the source", async () => {
    const documents: ClaimViewDto['documents'] = [
      {
        id: 'mail-5',
        name: 'Определение по делу А40-123456/2025',
        url: null,
        source: 'email',
        addedAt: '2025-06-12T09:30:00Z',
      },
      {
        id: 'letter-1',
        name: 'claim-P-2025_1-1.pdf',
        url: '/api/claims/letters/1',
        source: 'letter',
        addedAt: '2025-06-01T09:00:00Z',
      },
    ]
    const w = mountTab((async () => ({ ...view([]), documents })) as Api)
    await flushPromises()
    const names = () => w.findAll('[data-testid="docs"] li').map((li) => li.text())
    expect(names()).toHaveLength(2)
    await w.find('input[data-testid="docs-search"], [data-testid="docs-search"] input').setValue('а40 определение')
    expect(names()).toEqual([expect.stringContaining('Определение по делу А40-123456/2025')])
    await w.find('input[data-testid="docs-search"], [data-testid="docs-search"] input').setValue('claim letter')
    expect(names()).toEqual([expect.stringContaining('claim-P-2025_1-1.pdf')])
    await w.find('input[data-testid="docs-search"], [data-testid="docs-search"] input').setValue('nothing like it')
    expect(names()).toEqual(['Nothing found'])
    w.unmount()
  })

  it('says plainly when the claims service has no data for the card', async () => {
    const api = (async () => {
      throw new ApiCallError(404, 'claim.not-found', 'nope')
    }) as Api
    const w = mountTab(api)
    await flushPromises()
    expect(w.find('[data-testid="no-claim"]').exists()).toBe(true)
    w.unmount()
  })
})
