// The reports section with a fake API: the legal-entity ageing, the tables under the trend and the
// promises charts, the claims asked in the UI's language, and a CSV button per report card.
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { Api } from '../../../app/api.ts'
import type { AgeingDto, AgeingRowDto } from '../../../../../contracts/receivables.ts'
import type { CollectionReportDto, PromisesReportDto } from '../../../../../contracts/reports.ts'
import { dict } from '../i18n.ts'
import { translator } from '../../../app/i18n.ts'
import ReportsSection from './ReportsSection.vue'

const row = (a: number[]): AgeingRowDto => {
  const cell = (amount: number) => ({ amount, count: amount ? 1 : 0 })
  return {
    current: cell(a[0]!),
    d1_30: cell(a[1]!),
    d31_60: cell(a[2]!),
    d61_90: cell(a[3]!),
    d90_plus: cell(a[4]!),
    total: cell(a.reduce((x, y) => x + y, 0)),
  }
}
const ageing: AgeingDto = {
  today: '2025-06-20',
  portal: row([300_00, 0, 0, 0, 700_00]),
  counterparties: [
    {
      counterparty: { id: 1, type: 'company', entityId: 1, name: 'ООО Ромашка', inn: null },
      ageing: row([300_00, 0, 0, 0, 700_00]),
    },
  ],
  legalEntities: [
    { legalEntity: 'ООО «Альфа»', inn: '7700000001', ageing: row([300_00, 0, 0, 0, 0]) },
    { legalEntity: null, inn: null, ageing: row([0, 0, 0, 0, 700_00]) },
  ],
}
const collection: CollectionReportDto = {
  today: '2025-06-20',
  trend: [
    { day: '2025-06-08', overdue: 500_00, invoices: 2 },
    { day: '2025-06-15', overdue: 700_00, invoices: 1 },
  ],
  dso: [],
  effectiveness: [],
}
const promises: PromisesReportDto = {
  today: '2025-06-20',
  months: [{ month: '2025-06', kept: 1, broken: 2, pending: 0, keptAmount: 100_00, brokenAmount: 250_00 }],
  total: { kept: 1, broken: 2, pending: 0 },
}

function mountSection() {
  const calls: string[] = []
  const downloads: [string, string][] = []
  const api = (async (path: string) => {
    calls.push(path)
    if (path === '/ageing') return ageing
    if (path === '/reports/collection') return collection
    if (path === '/reports/promises') return promises
    if (path.startsWith('/reports/claims'))
      return {
        stages: [{ pipeline: 'recovery', stage: 'CLAIM_SENT', count: 1, amount: 300_00 }],
        names: { 'recovery:CLAIM_SENT': 'Claim sent' },
      }
    if (path === '/reports/payouts') return { month: '2025-06', rows: [], total: 0 }
    if (path === '/reports/approvals') return { requests: 0, done: 0, rejected: 0, avgCycleHours: null, approvers: [] }
    throw new Error(`unexpected ${path}`)
  }) as Api
  const download = async (path: string, name: string) => {
    downloads.push([path, name])
  }
  const t = translator(dict, 'en')
  const w = mount(
    defineComponent(
      () => () =>
        h(B24App, null, () => h(ReportsSection, { api, download, lang: 'en', t, failed: (e: unknown) => String(e) })),
    ),
    {
      global: { plugins: [b24UiPlugin], stubs: { ChartBar: true, ChartDoughnut: true } },
      attachTo: document.body,
    },
  )
  return { w, calls, downloads }
}

describe('reports section', () => {
  it('shows ageing by our legal entity, the trend and promises tables, and asks claims in the UI language', async () => {
    const { w, calls } = mountSection()
    await flushPromises()
    const le = w.find('[data-testid="ageing-legal-entities-table"]')
    expect(le.findAll('tbody tr').map((r) => r.find('td').text())).toEqual([
      'ООО «Альфа»',
      'Not named on the contract',
      'All legal entities',
    ])
    expect(w.find('[data-testid="trend-table"]').findAll('tbody tr')).toHaveLength(2)
    expect(w.find('[data-testid="trend-table"]').text()).toContain('Week to')
    const pr = w.find('[data-testid="promises-table"]')
    expect(pr.findAll('tbody tr')).toHaveLength(1)
    expect(pr.text()).toContain('Broken amount')
    expect(calls).toContain('/reports/claims?lang=en')
    w.unmount()
  })

  it('has a CSV button on every report card that downloads the server CSV in the UI language', async () => {
    const { w, downloads } = mountSection()
    await flushPromises()
    const reports = [
      'ageing',
      'ageing-legal-entities',
      'trend',
      'dso',
      'effectiveness',
      'promises',
      'claims',
      'payouts',
      'approvals',
    ]
    for (const r of reports) {
      const button = w.find(`[data-testid="export-report-${r}"]`)
      expect(button.exists(), r).toBe(true)
      await button.trigger('click')
    }
    await flushPromises()
    expect(downloads).toEqual(reports.map((r) => [`/exports/reports/${r}.csv?lang=en`, `${r}-2025-06-20.csv`]))
    w.unmount()
  })
})
