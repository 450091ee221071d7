import { describe, expect, it } from 'vitest'
import { sourceProblemText, type SourceProblem } from './source-messages.ts'

describe('why a deal did not become an invoice, in ru and en', () => {
  const cases: [SourceProblem, string, string][] = [
    [
      { code: 'source.no-counterparty', title: 'Поставка' },
      'Счёт по «Поставка» не создан: не указаны компания или контакт.',
      'No invoice was created for "Поставка": it has no company or contact.',
    ],
    [
      { code: 'source.no-contract', title: 'Поставка', counterparty: 'ООО Ромашка' },
      'Счёт по «Поставка» не создан: у контрагента «ООО Ромашка» нет действующего договора.',
      'No invoice was created for "Поставка": the counterparty "ООО Ромашка" has no open contract.',
    ],
    [
      { code: 'source.no-payment-terms', title: 'Поставка', contract: 'Д-7' },
      'Счёт по «Поставка» не создан: в договоре № Д-7 не указан срок оплаты.',
      'No invoice was created for "Поставка": contract No. Д-7 has no payment terms.',
    ],
    [
      { code: 'source.amount-after-sent', title: 'Поставка', invoiceNumber: 'D-5', amount: 250_000 },
      'Сумма «Поставка» изменилась на 2 500,00 ₽, но счёт № D-5 уже отправлен клиенту: сумма счёта не изменена.',
      'The amount of "Поставка" changed to RUB 2,500.00, but invoice No. D-5 has already been sent to the client',
    ],
  ]
  it('another currency is named by its code', () => {
    const p: SourceProblem = {
      code: 'source.amount-after-sent',
      title: 'X',
      invoiceNumber: 'D-1',
      amount: 100,
      currency: 'USD',
    }
    expect(sourceProblemText(p, 'ru')).toContain('изменилась на 1,00 USD')
    expect(sourceProblemText(p, 'en')).toContain('changed to USD 1.00')
  })
  it.each(cases)('%o', (problem, ru, en) => {
    expect(sourceProblemText(problem, 'ru')).toBe(ru)
    expect(sourceProblemText(problem, 'en')).toContain(en)
    expect(sourceProblemText(problem, 'en')).not.toMatch(/[а-яё]{3,} (не|у|в) /i)
  })
})
