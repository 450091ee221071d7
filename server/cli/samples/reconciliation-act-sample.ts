// Built-in sample data of the reconciliation act (`document sample reconciliation-act`): partial
// payments, a reversal and an advance, so every row kind shows.
import { buildReconciliationAct } from '../../domain/reconciliation/reconciliation-act.ts'
import type { ReconciliationActModel } from '../../documents/reconciliation-act-model.ts'

export function reconciliationActSample(lang: 'ru' | 'en'): ReconciliationActModel {
  const act = buildReconciliationAct(
    '2026-01-01',
    '2026-03-31',
    [
      { date: '2025-12-20', number: 'СЧ-101', amount: 12_000_000, contract: '15/2025' },
      { date: '2026-01-15', number: 'СЧ-117', amount: 3_333_333, contract: '15/2025' },
      { date: '2026-02-10', number: 'СЧ-125', amount: 8_765_432, contract: '15/2025' },
    ],
    [
      { date: '2025-12-28', amount: 5_000_000, invoiceNumber: 'СЧ-101', document: 'п/п № 811', contract: '15/2025' },
      { date: '2026-01-10', amount: 2_000_001, invoiceNumber: 'СЧ-101', document: 'п/п № 902', contract: '15/2025' },
      { date: '2026-01-20', amount: 1_000_000, invoiceNumber: 'СЧ-117', document: 'п/п № 915', contract: '15/2025' },
      { date: '2026-01-22', amount: -1_000_000, invoiceNumber: 'СЧ-117', document: null, contract: '15/2025' },
      { date: '2026-02-05', amount: 4_999_999, invoiceNumber: 'СЧ-101', document: 'п/п № 1040', contract: '15/2025' },
      { date: '2026-03-31', amount: 4_500_000, invoiceNumber: 'СЧ-117', document: 'п/п № 1203', contract: '15/2025' },
    ],
  )
  return {
    lang,
    number: 'АС-2026/1',
    date: '2026-04-02',
    us: {
      name: 'ООО «Поставщик»',
      inn: '7707083893',
      kpp: '770701001',
      signer: 'Иванов И. И.',
      signerTitle: lang === 'ru' ? 'Генеральный директор' : 'General director',
    },
    them: { name: 'ООО «Ромашка»', inn: '7728168971', kpp: '772801001' },
    contract: { number: '15/2025', date: '2025-01-15' },
    act,
  }
}
