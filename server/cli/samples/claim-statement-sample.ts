// Built-in sample data of the statement of claim (`document sample claim-statement`): one invoice of
// 500 000,00 due 10.07.2024, 200 000,00 paid on 15.11.2024, art. 395 interest to 20.06.2025 with
// the built-in key rates, the state duty by art. 333.21.
import pino from 'pino'
import { calculateStateDuty } from '../../domain/claims/state-duty.ts'
import { builtinKeyRateTable, defaultPenaltyDefaults } from '../../domain/penalties/index.ts'
import type { ClaimStatementModel } from '../../documents/claim-statement-model.ts'
import { letterAccruals } from '../../use-cases/claims/claim-letter-accruals.ts'
import { claimStatementAttachments } from '../../use-cases/claims/claim-statement-parts.ts'

export function claimStatementSample(lang: 'ru' | 'en'): ClaimStatementModel {
  const date = '2025-06-20'
  const accruals = letterAccruals(
    [
      {
        receivableId: 1,
        invoiceNumber: 'СЧ-42',
        invoiceDate: '2024-06-10',
        dueDate: '2024-07-10',
        amount: 50_000_000,
        remaining: 30_000_000,
        debtor: { entityType: 'company', entityId: 1 },
        contract: { number: '15/2024', penaltyTerms: null },
        payments: [{ date: '2024-11-15', amount: 20_000_000 }],
      },
    ],
    date,
    builtinKeyRateTable(),
    defaultPenaltyDefaults(),
    lang,
    pino({ level: 'silent' }),
  )
  const principal = 30_000_000
  const claimValue = principal + accruals.interest + accruals.penalty
  const contracts = [{ number: '15/2024', date: '2024-01-15' }]
  return {
    lang,
    date,
    court: lang === 'ru' ? 'Арбитражный суд города Москвы' : 'The Moscow Arbitration Court',
    number: 'ИЗ-2025/1',
    plaintiff: {
      name: 'ООО «Поставщик»',
      inn: '7707083893',
      kpp: '770701001',
      ogrn: '1027700132195',
      address: 'г. Москва, ул. Ленина, д. 1',
      bankDetails: {
        bank: 'ПАО Сбербанк',
        bic: '044525225',
        account: '40702810900000000001',
        corrAccount: '30101810400000000225',
      },
      signer: 'Иванов И. И.',
      signerTitle: lang === 'ru' ? 'Генеральный директор' : 'General director',
    },
    defendant: { name: 'ООО «Ромашка»', inn: '7728168971', kpp: '772801001', ogrn: '1037739877295' },
    contracts,
    invoices: [
      {
        number: 'СЧ-42',
        date: '2024-06-10',
        dueDate: '2024-07-10',
        amount: 50_000_000,
        paid: 20_000_000,
        remaining: principal,
      },
    ],
    claimLetter: { number: 'П-2025/1-1', date: '2025-04-01', sentOn: '2025-04-02', pretrialEndsOn: '2025-05-05' },
    principal,
    interest: accruals.interest,
    penalty: accruals.penalty,
    accruals: accruals.tables,
    claimValue,
    duty: calculateStateDuty(claimValue, 'arbitration'),
    attachments: claimStatementAttachments(lang, contracts, 'П-2025/1-1', '2025-04-01', accruals),
  }
}
