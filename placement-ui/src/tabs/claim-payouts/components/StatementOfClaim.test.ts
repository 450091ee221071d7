import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import StatementOfClaim from './StatementOfClaim.vue'

describe('StatementOfClaim', () => {
  it('downloads the draft for the filing date and the court', async () => {
    const calls: [string, string][] = []
    const w = mount(StatementOfClaim, {
      props: { caseId: 7, lang: 'ru', today: '2026-12-09', download: async (p, f) => void calls.push([p, f]) },
      global: { plugins: [b24UiPlugin] },
    })
    const court = w.find('[data-testid="st-court"]')
    await (court.element.tagName === 'INPUT' ? court : court.find('input')).setValue('Арбитражный суд города Москвы')
    await w.find('[data-testid="st-make"]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([
      [
        `/claims/7/statement-of-claim.docx?date=2026-12-09&courtName=${encodeURIComponent('Арбитражный суд города Москвы').replace(/%20/g, '+')}`,
        'statement-of-claim-7-2026-12-09.docx',
      ],
    ])
  })

  it("shows the server's reason when it makes nothing", async () => {
    const w = mount(StatementOfClaim, {
      props: {
        caseId: 7,
        lang: 'en',
        today: '2026-12-09',
        download: async () => {
          throw new Error("The debtor's INN is missing: add the requisites in the CRM")
        },
      },
      global: { plugins: [b24UiPlugin] },
    })
    await w.find('[data-testid="st-make"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="st-error"]').text()).toContain("The debtor's INN is missing")
  })
})
