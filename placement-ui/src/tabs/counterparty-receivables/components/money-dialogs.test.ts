// The payment and new-invoice dialogs ask before money goes out: an advance, an absurd amount, a future
// invoice date; the contract is picked from the counterparty's contracts or created.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { defineComponent, h, reactive } from 'vue'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import B24App from '@bitrix24/b24ui-nuxt/components/App.vue'
import type { ContractDto, ReceivableRowDto } from '../../../../../contracts/receivables.ts'
import { translator } from '../../../app/i18n.ts'
import { dict } from '../i18n.ts'
import PaymentModal from './PaymentModal.vue'
import CreateReceivableModal from './CreateReceivableModal.vue'

const t = translator(dict, 'ru')
const row: ReceivableRowDto = {
  id: 5,
  itemId: 50,
  counterpartyId: 1,
  counterpartyName: 'ООО Ромашка',
  contractId: null,
  contractNumber: null,
  invoiceNumber: 'С-1027',
  invoiceDate: '2025-05-01',
  dueDate: '2025-05-31',
  effectiveDueDate: '2025-06-02',
  amount: 300_000_00,
  paid: 64_821_00,
  remaining: 235_179_00,
  currency: 'RUB',
  stage: 'OVERDUE',
  manualStage: false,
  daysOverdue: 20,
  status: 'overdue',
}
const contract = (id: number, number: string, contractDate: string | null): ContractDto =>
  ({ id, number, contractDate }) as ContractDto

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})
/** Mounted inside B24App; the returned props are reactive (open the dialog by setting them). */
function mountIn(component: unknown, initial: Record<string, unknown>) {
  const props = reactive(initial)
  wrapper = mount(
    defineComponent(() => () => h(B24App, null, () => h(component as never, props))),
    { global: { plugins: [b24UiPlugin] }, attachTo: document.body },
  )
  return props
}
const el = <T extends Element>(sel: string) => document.querySelector<T>(sel)
const input = (sel: string, value: string) => {
  const i = el<HTMLInputElement>(sel)!
  i.value = value
  i.dispatchEvent(new Event('input'))
}
const submit = async (testid: string) => {
  el<HTMLFormElement>(`[data-testid="${testid}-form"]`)!.dispatchEvent(new Event('submit'))
  await flushPromises()
}
const text = (sel: string) => (el(sel)?.textContent ?? '').replace(/\u00a0/g, ' ')

describe('payment dialog', () => {
  it('asks to confirm an advance and says how much, then sends confirmAdvance', async () => {
    const sent: unknown[] = []
    const p = mountIn(PaymentModal, {
      row: null,
      today: '2025-06-20',
      lang: 'ru',
      t,
      submit: async (_r: unknown, b: unknown) => void sent.push(b),
    })
    p.row = row
    await flushPromises()
    input('[data-testid="payment-amount"]', '300000')
    await flushPromises()
    await submit('payment')
    expect(sent).toEqual([])
    expect(text('[data-testid="payment-warning"]')).toContain('64 821,00 ₽ станет авансом')
    expect(text('[data-testid="payment-submit"]')).toBe('Подтвердить')
    await submit('payment')
    expect(sent).toEqual([expect.objectContaining({ amount: 300_000_00, confirmAdvance: true })])
  })

  it('refuses an absurd amount and sends nothing; a payment within the debt needs no confirmation', async () => {
    const sent: unknown[] = []
    const p = mountIn(PaymentModal, {
      row: null,
      today: '2025-06-20',
      lang: 'ru',
      t,
      submit: async (_r: unknown, b: unknown) => void sent.push(b),
    })
    p.row = row
    await flushPromises()
    input('[data-testid="payment-amount"]', '999999999')
    await flushPromises()
    await submit('payment')
    await submit('payment')
    expect(sent).toEqual([])
    expect(text('[data-testid="payment-problem"]')).toContain('Проверьте сумму')
    input('[data-testid="payment-amount"]', '1000')
    await flushPromises()
    await submit('payment')
    expect(sent).toEqual([expect.not.objectContaining({ confirmAdvance: true })])
  })
})

describe('new invoice dialog', () => {
  it('picks a contract of the counterparty, asks to confirm a future date, creates a new contract by number', async () => {
    const sent: Record<string, unknown>[] = []
    const p = mountIn(CreateReceivableModal, {
      open: false,
      today: '2025-06-20',
      lang: 'ru',
      contracts: [contract(7, 'Д-7', '2025-01-10'), contract(8, 'Д-8', null)],
      t,
      submit: async (b: Record<string, unknown>) => void sent.push(b),
    })
    p.open = true
    await flushPromises()
    const picker = wrapper!.findComponent(CreateReceivableModal).vm as unknown as {
      $: { setupState: { form: Record<string, string> } }
    }
    const form = picker.$.setupState.form
    Object.assign(form, {
      invoiceNumber: 'С-2001',
      amount: '1000',
      invoiceDate: '2025-07-01',
      dueDate: '2025-07-10',
      contract: '7',
    })
    await flushPromises()
    await submit('create')
    expect(sent).toEqual([])
    expect(text('[data-testid="create-warning"]')).toContain('01.07.2025')
    await submit('create')
    expect(sent[0]).toMatchObject({ invoiceNumber: 'С-2001', amount: 1000_00, contract: { number: 'Д-7' } })

    p.open = false
    await flushPromises()
    p.open = true
    await flushPromises()
    Object.assign(picker.$.setupState.form, {
      invoiceNumber: 'С-2002',
      amount: '10',
      contract: 'new',
      newNumber: ' д-8 ',
    })
    await flushPromises()
    await submit('create')
    expect(text('[data-testid="create-problem"]')).toContain('Договор № д-8 уже есть')
    Object.assign(picker.$.setupState.form, { newNumber: 'Д-9', newDate: '2025-06-01' })
    await flushPromises()
    await submit('create')
    expect(sent[1]).toMatchObject({ invoiceNumber: 'С-2002', contract: { number: 'Д-9', date: '2025-06-01' } })
  })
})
