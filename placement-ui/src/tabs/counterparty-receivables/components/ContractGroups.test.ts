import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import type { ContractGroupDto, ReceivableRowDto } from '../../../../../server/http/contracts/receivables.ts'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import ContractGroups from './ContractGroups.vue'

const row = (id: number, n: string, remaining: number, status: ReceivableRowDto['status']): ReceivableRowDto => ({
  id, itemId: 100 + id, counterpartyId: 1, counterpartyName: 'ООО Ромашка', contractId: null, contractNumber: null, invoiceNumber: n, invoiceDate: '2026-10-01',
  dueDate: '2026-10-31', effectiveDueDate: '2026-11-02', amount: 100_000, paid: 100_000 - remaining, remaining, currency: 'RUB', stage: 'NEW', manualStage: false, daysOverdue: 0, status,
} as ReceivableRowDto)
const groups: ContractGroupDto[] = [
  { contract: { id: 1, number: '15/2026', contractDate: '2026-01-15', legalEntity: 'ООО Поставщик', paymentTermsDays: 30, penaltyTerms: { method: 'per-day', percentPerDay: '0.1', cap: { kind: 'percent', percent: '10' } } }, totals: { amount: 200_000, paid: 100_000, remaining: 100_000, count: 2 }, receivables: [row(1, 'A-1', 100_000, 'overdue'), row(2, 'A-2', 0, 'paid')] },
  { contract: null, totals: { amount: 100_000, paid: 0, remaining: 100_000, count: 3 }, receivables: [row(3, 'B-1', 100_000, 'open')] },
]

describe('contracts with their receivables nested', () => {
  it('shows each contract with its totals, nests its invoices, folds, and opens an invoice', async () => {
    const w = mount(ContractGroups, { props: { groups, loading: false, lang: 'en', t: translator(dict, 'en') as never }, global: { plugins: [b24UiPlugin] } })
    expect(w.find('[data-testid="contract-15/2026"]').text()).toContain('Contract 15/2026')
    expect(w.find('[data-testid="contract-15/2026"]').text()).toContain('30 days to pay')
    expect(w.find('[data-testid="contract-penalty"]').text()).toBe('penalty 0.1 % a day, at most 10 %')
    expect(w.find('[data-testid="contract-15/2026"] [data-testid="contract-totals"]').text().replace(/\s+/g, ' ')).toContain('2 invoices')
    expect(w.findAll('[data-testid="contract-15/2026"] tbody tr').map((r) => r.text())).toEqual([expect.stringContaining('A-1'), expect.stringContaining('A-2')])
    expect(w.find('[data-testid="contract-none"] tbody').exists()).toBe(false) // folded until opened
    await w.find('[data-testid="contract-none"] button').trigger('click')
    expect(w.find('[data-testid="contract-none"]').text()).toContain('and 2 more in the list')
    await w.find('[data-testid="contract-15/2026"] tbody button').trigger('click')
    expect(w.emitted('open')![0]![0]).toMatchObject({ invoiceNumber: 'A-1' })
  })
})
