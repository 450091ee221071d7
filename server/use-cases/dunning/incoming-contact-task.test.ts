import { describe, expect, it } from 'vitest'
import { invoiceLines } from './incoming-contact-task.ts'
import type { DunningRow } from '../../storage/repositories/dunning.ts'

const row = (invoiceNumber: string, dueDate: string, remaining: number) =>
  ({ invoiceNumber, dueDate, remaining }) as DunningRow

describe('the invoices named in the "answer the debtor" task', () => {
  const rows = [row('17/2026', '2026-11-09', 123_456_78), row('18/2026', '2026-12-21', 5_000_00)]
  it('ru: dd.mm.yyyy, "123 456,78 ₽", days overdue or not yet due', () => {
    expect(invoiceLines(rows, '2026-12-09', 'ru').replace(/\u00a0/g, ' ')).toBe(
      '— счёт № 17/2026: остаток 123 456,78 ₽, просрочка 30 дн. (срок 09.11.2026)\n' +
        '— счёт № 18/2026: остаток 5 000,00 ₽, срок 21.12.2026, не просрочен',
    )
  })
  it('en: ISO dates, "RUB 123,456.78"', () => {
    expect(invoiceLines(rows, '2026-12-09', 'en')).toBe(
      '— invoice 17/2026: RUB 123,456.78 left, 30 days overdue (due 2026-11-09)\n' +
        '— invoice 18/2026: RUB 5,000.00 left, due 2026-12-21, not overdue',
    )
  })
})
