import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import type { ContractGroupDto, ReceivableRowDto } from '../../../../../contracts/receivables.ts'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import ContractGroups from './ContractGroups.vue'

const row = (id: number, n: string, remaining: number, status: ReceivableRowDto['status']): ReceivableRowDto =>
  ({
    id,
    itemId: 100 + id,
    counterpartyId: 1,
    counterpartyName: 'ООО Ромашка',
    contractId: null,
    contractNumber: null,
    invoiceNumber: n,
    invoiceDate: '2026-10-01',
    dueDate: '2026-10-31',
    effectiveDueDate: '2026-11-02',
    amount: 100_000,
    paid: 100_000 - remaining,
    remaining,
    currency: 'RUB',
    stage: 'NEW',
    manualStage: false,
    daysOverdue: 0,
    status,
  }) as ReceivableRowDto
const groups: ContractGroupDto[] = [
  {
    contract: {
      id: 1,
      number: '15/2026',
      contractDate: '2026-01-15',
      legalEntity: 'ООО Поставщик',
      paymentTermsDays: 30,
      paymentTermsKind: 'calendar',
      penaltyTerms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } },
      status: 'overdue',
      oldestDays: 12,
      closedOn: null,
      closedReason: null,
      history: [{ from: 'active', to: 'overdue', oldestDays: 1, onDate: '2026-11-03', actor: 'system', reason: null }],
    },
    totals: { amount: 200_000, paid: 100_000, remaining: 100_000, count: 2 },
    receivables: [row(1, 'A-1', 100_000, 'overdue'), row(2, 'A-2', 0, 'paid')],
  },
  {
    contract: null,
    totals: { amount: 100_000, paid: 0, remaining: 100_000, count: 3 },
    receivables: [row(3, 'B-1', 100_000, 'open')],
  },
]

describe('contracts with their receivables nested', () => {
  it('shows each contract with its totals, nests its invoices, folds, and opens an invoice', async () => {
    const w = mount(ContractGroups, {
      props: { groups, loading: false, lang: 'en', t: translator(dict, 'en') as never },
      global: { plugins: [b24UiPlugin] },
    })
    expect(w.find('[data-testid="contract-15/2026"]').text()).toContain('Contract 15/2026')
    expect(w.find('[data-testid="contract-15/2026"]').text()).toContain('30 days to pay')
    expect(w.find('[data-testid="contract-penalty"]').text()).toBe('penalty 0.1 % a day, at most 10 %')
    expect(w.find('[data-testid="contract-status-badge"]').text()).toBe('Overdue: 12 days')
    expect(w.find('[data-testid="contract-filter-claim"]').text()).toBe('In claim work')
    expect(
      w.find('[data-testid="contract-15/2026"] [data-testid="contract-totals"]').text().replace(/\s+/g, ' '),
    ).toContain('2 invoices')
    expect(w.findAll('[data-testid="contract-15/2026"] tbody tr').map((r) => r.text())).toEqual([
      expect.stringContaining('A-1'),
      expect.stringContaining('A-2'),
    ])
    expect(w.find('[data-testid="contract-none"] tbody').exists()).toBe(false) // folded until opened
    await w.find('[data-testid="contract-none"] button').trigger('click')
    expect(w.find('[data-testid="contract-none"]').text()).toContain('and 2 more in the list')
    await w.find('[data-testid="contract-15/2026"] tbody button').trigger('click')
    expect(w.emitted('open')![0]![0]).toMatchObject({ invoiceNumber: 'A-1' })
  })

  it("shows the contract status in the invoices' colours, its history, filters by status and asks to close", async () => {
    const closed: ContractGroupDto = {
      contract: {
        ...groups[0].contract!,
        id: 2,
        number: '16/2026',
        status: 'closed',
        oldestDays: 0,
        closedOn: '2026-11-20',
        closedReason: 'Договор расторгнут',
        history: [],
      },
      totals: { amount: 0, paid: 0, remaining: 0, count: 0 },
      receivables: [],
    }
    const w = mount(ContractGroups, {
      props: { groups: [...groups, closed], loading: false, lang: 'ru', t: translator(dict, 'ru') as never },
      global: { plugins: [b24UiPlugin] },
    })
    const bar = w.find('[data-testid="contract-status-15/2026"]')
    expect(bar.find('[data-testid="contract-status-badge"]').text()).toBe('Есть просрочка: 12 дн.')
    await bar.find('[data-testid="contract-history-toggle"]').trigger('click')
    expect(bar.find('[data-testid="contract-history"]').text()).toContain(
      '03.11.2026: Действует → Есть просрочка (по оплатам)',
    )
    expect(w.find('[data-testid="contract-status-16/2026"]').text()).toContain('закрыт 20.11.2026: Договор расторгнут')
    await w.find('[data-testid="contract-filter-closed"]').trigger('click')
    expect(w.findAll('[data-testid^="contract-status-1"]').map((b) => b.attributes('data-testid'))).toEqual([
      'contract-status-16/2026',
    ])
    expect(w.find('[data-testid="contract-none"]').exists()).toBe(false)
    await w.find('[data-testid="contract-filter-settled"]').trigger('click')
    expect(w.find('[data-testid="contract-filter-empty"]').text()).toBe('Нет договоров с таким статусом')
    await w.find('[data-testid="contract-filter-all"]').trigger('click')
    await w.find('[data-testid="contract-status-15/2026"] [data-testid="contract-close"]').trigger('click')
    expect(w.emitted('closeContract')![0]![0]).toMatchObject({ number: '15/2026' })
  })
})
