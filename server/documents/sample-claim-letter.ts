// Built-in sample data of a claim letter (`npm run cli -- document sample claim-letter`).
import type { ClaimLetterModel } from './claim-letter-model.ts'
import { sampleInvoice } from './sample-invoice.ts'

export function sampleClaimLetter(lang: 'ru' | 'en' = 'ru'): ClaimLetterModel {
  const inv = sampleInvoice(lang)
  const s = inv.supplier
  return {
    lang,
    number: 'П-2025/17',
    date: '2025-09-20',
    creditor: {
      name: s.name,
      inn: s.inn,
      kpp: s.kpp,
      address: s.address,
      signer: s.signer ?? '',
      signerTitle: s.signerTitle ?? '',
      bankDetails: s.bankDetails,
    },
    debtor: inv.buyer,
    contracts: [{ number: '45/2024', date: '2024-01-15' }],
    invoices: [{ number: inv.number, date: inv.date, dueDate: inv.dueDate, amount: 30_879_668, paid: 10_000_000 }],
    principal: 20_879_668,
    accruals: [
      {
        title: lang === 'ru' ? 'Расчёт процентов по ст. 395 ГК РФ' : 'Art. 395 interest',
        kind: 'interest',
        perYear: true,
        uncapped: 760_821,
        cap: null,
        total: 760_821,
        rows: [
          {
            from: '2025-07-11',
            to: '2025-07-27',
            days: 17,
            base: 20_879_668,
            ratePercent: '20',
            yearDays: 365,
            amount: 194_496,
          },
          {
            from: '2025-07-28',
            to: '2025-09-20',
            days: 55,
            base: 20_879_668,
            ratePercent: '18',
            yearDays: 365,
            amount: 566_325,
          },
        ],
      },
    ],
    total: 21_640_489,
    payWithinDays: 30,
    payBy: '2025-10-20',
    attachments:
      lang === 'ru'
        ? ['Копия договора № 45/2024', 'Копия счёта № А-15', 'Расчёт процентов']
        : ['Copy of contract No. 45/2024', 'Copy of invoice А-15', 'Interest calculation'],
  }
}
