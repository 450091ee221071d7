// Tall screens for the dialogs browser test: 20 plan cards, 40 invoices, 30 payments, 12 tranches, so the
// portal's iframe grows far beyond an 800 px window.
import type { DunningPlanDto, DunningCounterpartySettingsDto } from '../../contracts/dunning.ts'
import type {
  CounterpartySummaryDto,
  ContractsDto,
  PaymentDto,
  ReceivableDetailDto,
  ReceivableRowDto,
  ReceivablesPageDto,
} from '../../contracts/receivables.ts'
import { dunningPlan, claimView } from './screens-fixtures.ts'

export const TODAY = '2025-06-20'
const n3 = (i: number) => String(i).padStart(3, '0')

export const tallPlan: DunningPlanDto = {
  ...dunningPlan,
  receivables: Array.from({ length: 20 }, (_, i) => ({
    ...dunningPlan.receivables[0],
    receivableId: 100 + i,
    itemId: 600 + i,
    invoiceNumber: `П-${n3(i + 1)}`,
    block: null,
    promise: null,
  })),
}

const row = (i: number): ReceivableRowDto => ({
  id: 200 + i,
  itemId: 700 + i,
  counterpartyId: 1,
  counterpartyName: 'ООО «Ромашка»',
  contractId: 7,
  contractNumber: 'Д-7',
  invoiceNumber: `С-${n3(i + 1)}`,
  invoiceDate: '2025-04-01',
  dueDate: '2025-05-01',
  effectiveDueDate: '2025-05-05',
  amount: 300_000_00,
  paid: 64_821_00,
  remaining: 235_179_00,
  currency: 'RUB',
  stage: 'OVERDUE',
  manualStage: false,
  daysOverdue: 46,
  status: 'overdue',
})
export const rows = Array.from({ length: 40 }, (_, i) => row(i))
export const receivablesPage: ReceivablesPageDto = { rows, total: 40, page: 1, pageSize: 50, itemEntityTypeId: 1040 }
export const summary: CounterpartySummaryDto = {
  counterparty: { id: 1, type: 'company', entityId: 12, name: 'ООО «Ромашка»', inn: null },
  today: TODAY,
  totalDebt: 40 * 235_179_00,
  overdueDebt: 40 * 235_179_00,
  oldestOverdueDays: 46,
  advance: 0,
  openCount: 40,
  colour: 'red',
  dueInDays: null,
}
export const contracts = {
  groups: [
    {
      contract: {
        id: 7,
        number: 'Д-7',
        contractDate: '2025-01-10',
        legalEntity: null,
        paymentTermsDays: 30,
        paymentTermsKind: 'calendar',
        penaltyTerms: null,
        status: 'overdue',
        oldestDays: 46,
        closedOn: null,
        closedReason: null,
        history: [],
      },
      totals: { amount: 0, paid: 0, remaining: 0, count: 0 },
      receivables: [],
    },
  ],
} as unknown as ContractsDto

const payment = (i: number): PaymentDto => ({
  id: 900 + i,
  amount: 1_000_00 + i,
  paidOn: '2025-06-01',
  source: 'manual',
  sourceRef: `manual:ui-${i}`,
  reversalOf: null,
  reversedBy: null,
  comment: `п/п ${400 + i}`,
  actor: 'user:1',
  createdAt: '2025-06-01T10:00:00+03:00',
})
export const paymentsDetail: ReceivableDetailDto = {
  today: TODAY,
  receivable: rows[0],
  counterparty: summary.counterparty!,
  totals: { total: 300_000_00, paid: 64_821_00, remaining: 235_179_00, advance: 0, lastPayment: null },
  payments: Array.from({ length: 30 }, (_, i) => payment(i)),
  audit: [],
  numberClashes: [],
}

export const tallClaim = {
  ...claimView,
  today: TODAY,
  agreedCompensation: 100_000_00,
  tranches: Array.from({ length: 12 }, (_, i) => ({
    id: `t${i + 1}`,
    deadline: `2025-${String(7 + (i % 6)).padStart(2, '0')}-28`,
    amount: 1_000_00,
    status: 'planned',
    paidOn: null,
    paidBy: null,
  })),
  totals: { total: 12_000_00, paid: 0, remaining: 12_000_00 },
}

/** A long interaction history under the table (the counterparty card's frame grows well past the window). */
export const interactions = {
  items: Array.from({ length: 40 }, (_, i) => ({
    kind: 'comment',
    id: 5000 + i,
    title: `Звонок бухгалтеру клиента: обещали оплатить счёт С-${String(i + 1).padStart(3, '0')}`,
    at: '2025-06-18T10:00:00+03:00',
    deadline: null,
    responsibleId: 1,
    responsibleName: 'Ольга Финансова',
    status: 'posted',
    done: true,
    overdue: false,
  })),
}

/** The collection settings of company 12 (GET /dunning/counterparties/company/12/settings). */
export const collectionSettings: DunningCounterpartySettingsDto = {
  inLedger: true,
  segment: 'ключевой',
  riskSegment: 'high',
  doNotDun: false,
  timezone: 'Asia/Vladivostok',
  lang: null,
  override: { ladder: 'soft' },
  telegram: { linked: true, linkedOn: '2025-06-18' },
  ladders: ['standard', 'soft'],
  segments: ['ключевой'],
}
