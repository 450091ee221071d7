// Built-in sample data of an invoice, to look at the document without a portal
// (`npm run cli -- document sample invoice`) and to test it. The requisites are made up but valid
// in form (INN and account control digits aside).
import type { InvoiceModel } from './invoice-model.ts'

export function sampleInvoice(lang: 'ru' | 'en' = 'ru'): InvoiceModel {
  return {
    lang,
    number: 'А-15',
    date: '2025-06-10',
    dueDate: '2025-07-10',
    supplier: {
      name: 'ООО "Ромашка"',
      inn: '7707083893',
      kpp: '773601001',
      address: 'г. Москва, ул. Ленина, д. 1',
      signer: 'И. И. Иванов',
      signerTitle: lang === 'ru' ? 'Генеральный директор' : 'Director',
      accountant: 'А. А. Смирнова',
      bankDetails: {
        bank: 'ПАО Сбербанк',
        bic: '044525225',
        account: '40702810900000000001',
        corrAccount: '30101810400000000225',
      },
    },
    buyer: {
      name: 'ООО "Вектор"',
      inn: '7812345678',
      kpp: '781201001',
      address: 'г. Санкт-Петербург, Невский пр., д. 10',
    },
    basis: lang === 'ru' ? 'Договор № 45/2024 от 15.01.2024' : 'Contract No. 45/2024 of 2024-01-15',
    lines: [
      {
        name: lang === 'ru' ? 'Поставка оборудования по договору № 45/2024' : 'Equipment under contract No. 45/2024',
        quantity: 1,
        unit: lang === 'ru' ? 'шт.' : 'pc',
        price: 30_879_668,
        amount: 30_879_668,
      },
    ],
    vatRate: 20,
  }
}
