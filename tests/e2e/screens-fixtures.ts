// API answers for the screenshot run of the approval, collection plan, claim and admin screens.
// The browser test serves them through Playwright routing, so the built UI renders realistic data.
import type { ApprovalSettingsDto, ApprovalViewDto } from '../../contracts/approvals.ts'
import type { DunningPlanDto } from '../../contracts/dunning.ts'
import type { AgeingDto, AgeingRowDto } from '../../contracts/receivables.ts'
import { claimsProcess } from '../../install/processes/claims.ts'

const approvalStep = {
  stage: 'S',
  kind: 'approval' as const,
  selfApproval: false,
  takenAt: null,
  decidedBy: null,
  substitute: false,
  reason: null,
  remindedAt: null,
  escalatedAt: null,
  nextSlaAt: null,
  nextSlaProvisional: false,
  elapsedWorkingMinutes: null,
  pausedAt: null,
  pauseReason: null,
}
export const approvalView: ApprovalViewDto = {
  id: 5,
  entityTypeId: 1040,
  itemId: 9,
  pipeline: 'payments',
  round: 2,
  status: 'in-progress',
  paused: false,
  currentStep: 1,
  steps: [
    {
      ...approvalStep,
      index: 0,
      id: 'head',
      role: 'head',
      assigneeId: 12,
      status: 'approved',
      slaStatus: 'reminded',
      startedAt: '2025-06-02T07:00:00Z',
      takenAt: '2025-06-04T06:10:00Z',
      remindedAt: '2025-06-04T06:00:00Z',
      decidedAt: '2025-06-04T06:30:00Z',
      decidedBy: 12,
    },
    {
      ...approvalStep,
      index: 1,
      id: 'finance',
      role: 'financeManager',
      assigneeId: 3,
      status: 'active',
      slaStatus: 'escalated',
      startedAt: '2025-06-04T06:30:00Z',
      remindedAt: '2025-06-06T06:30:00Z',
      escalatedAt: '2025-06-06T07:30:00Z',
      nextSlaAt: '2025-06-06T11:30:00Z',
      decidedAt: null,
    },
    {
      ...approvalStep,
      index: 2,
      id: 'accounting',
      role: 'chiefAccountant',
      kind: 'accounting',
      assigneeId: 8,
      status: 'waiting',
      slaStatus: 'on-time',
      startedAt: null,
      decidedAt: null,
    },
  ],
  accounting: { deadline: null, mainDone: false, subDone: false, tasks: [] },
  viewer: { userId: 3, canDecide: true, asSubstitute: false, canTake: true, canRestart: false },
  audit: [
    {
      id: 1,
      at: '2025-06-02T07:00:00Z',
      actor: 'user:21',
      source: 'portal',
      action: 'approval.started',
      details: { round: 2 },
    },
    {
      id: 2,
      at: '2025-06-04T06:00:00Z',
      actor: 'system',
      source: 'sla',
      action: 'approval.reminded',
      details: { step: 'head' },
    },
    {
      id: 3,
      at: '2025-06-04T06:30:00Z',
      actor: 'user:12',
      source: 'ui',
      action: 'approval.approved',
      details: { step: 'head' },
    },
    {
      id: 4,
      at: '2025-06-06T07:30:00Z',
      actor: 'system',
      source: 'sla',
      action: 'approval.escalated',
      details: { step: 'finance', to: 4 },
    },
  ],
}

const s = (
  key: string,
  label: string,
  date: string,
  status: DunningPlanDto['receivables'][number]['steps'][number]['status'],
  extra: object = {},
) => ({
  key,
  kind: 'reminder' as const,
  label,
  date,
  status,
  overdue: status === 'missed',
  channels: ['email' as const],
  doneOn: status === 'done' ? date : null,
  detail: null,
  ...extra,
})
export const dunningPlan: DunningPlanDto = {
  today: '2025-06-20',
  counterparty: { id: 12, name: 'ООО «Ромашка»', status: 'escalated' },
  receivables: [
    {
      receivableId: 31,
      itemId: 501,
      invoiceNumber: 'A-1024',
      invoiceDate: '2025-05-20',
      dueDate: '2025-06-16',
      amount: 150_000_00,
      remaining: 100_000_00,
      daysOverdue: 4,
      riskSegment: 'high',
      ladderId: 'default',
      block: 'promise',
      pause: null,
      promise: { date: '2025-06-25', amount: 100_000_00, status: 'pending' },
      claim: null,
      nextReminderDate: '2025-06-26',
      manual: [{ key: 'm.1', on: '2025-06-18', actor: 'user:3', channels: ['email'] }],
      steps: [
        s('d-5', 'before-5', '2025-06-06', 'done', {
          when: { anchor: 'due' as const, offset: -5, unit: 'working' as const },
        }),
        s('d0', 'due-day', '2025-06-16', 'done', {
          when: { anchor: 'due' as const, offset: 0, unit: 'working' as const },
        }),
        s('d1', 'after-1', '2025-06-17', 'skipped', {
          when: { anchor: 'due' as const, offset: 1, unit: 'working' as const },
        }),
        s('d2', 'after-2', '2025-06-18', 'done', {
          when: { anchor: 'due' as const, offset: 2, unit: 'working' as const },
          channels: ['openline' as const, 'call' as const],
          detail: { channels: ['call'], skipped: { openline: 'no-open-line' } },
        }),
        s('d3', 'after-3', '2025-06-19', 'missed', {
          when: { anchor: 'due' as const, offset: 3, unit: 'working' as const },
        }),
        s('d10', 'after-10', '2025-06-26', 'waiting', {
          when: { anchor: 'due' as const, offset: 10, unit: 'working' as const },
          channels: ['openline' as const, 'call' as const],
        }),
        {
          key: 'e3',
          kind: 'escalation',
          label: 'esc-1: Позвонить клиенту',
          when: { daysOverdue: 3 },
          what: { tasks: ['Позвонить клиенту'], notifyHead: false, openClaim: false },
          date: '2025-06-19',
          status: 'done',
          overdue: false,
          channels: [],
          doneOn: '2025-06-19',
          detail: { tasks: [{ id: 881, done: false }] },
        },
      ],
    },
    {
      receivableId: 32,
      itemId: 502,
      invoiceNumber: 'A-0990',
      invoiceDate: '2025-03-01',
      dueDate: '2025-03-31',
      amount: 80_000_00,
      remaining: 80_000_00,
      daysOverdue: 81,
      riskSegment: 'normal',
      ladderId: 'default',
      block: 'paused',
      pause: { until: '2025-06-30', reason: 'Спор по акту поставки' },
      promise: null,
      claim: { itemId: 77 },
      nextReminderDate: null,
      manual: [],
      steps: [
        s('d10', 'after-10', '2025-04-10', 'done', {
          when: { anchor: 'due' as const, offset: 10, unit: 'working' as const },
        }),
        {
          key: 'e30',
          kind: 'escalation',
          label: 'esc-3: Претензионная работа',
          when: { daysOverdue: 30 },
          what: { tasks: [], notifyHead: true, openClaim: true },
          date: '2025-04-30',
          status: 'done',
          overdue: false,
          channels: [],
          doneOn: '2025-04-30',
          detail: { claimId: 77 },
        },
        s('t1', 'tail-1', '2025-06-23', 'paused', {
          when: { repeat: 1, of: 8, everyDays: 7, unit: 'working' as const },
        }),
      ],
    },
  ],
}

export const claimView = {
  id: 8,
  itemId: 40,
  kind: 'payout',
  stage: 'Payouts',
  counterparty: { name: 'Иванов И. И.' },
  agreedCompensation: 4_000_00,
  tranches: [
    {
      id: 't1',
      deadline: '2025-05-31',
      amount: 1_000_00,
      status: 'paid',
      paidOn: '2025-05-28',
      paidBy: 8,
      paidByName: 'Анна Смирнова',
    },
    {
      id: 't2',
      deadline: '2025-06-30',
      amount: 1_000_00,
      status: 'paid',
      paidOn: '2025-06-27',
      paidBy: 8,
      paidByName: 'Анна Смирнова',
    },
    { id: 't3', deadline: '2025-07-31', amount: 1_500_00, status: 'planned', paidOn: null, paidBy: null },
  ],
  totals: { total: 3_500_00, paid: 2_000_00, remaining: 1_500_00 },
  recovery: null,
  documents: [
    {
      id: 'mail-51',
      name: 'Определение по делу № А40-123456/2025 о принятии иска',
      url: null,
      source: 'email',
      addedAt: '2025-06-12T09:30:00+03:00',
    },
    {
      id: 'activity-44-4401',
      name: 'Акт сверки — вложение 1',
      url: 'https://portal.example/bitrix/tools/crm_activity_file.php?fileId=4401',
      source: 'activity',
      addedAt: '2025-06-02T12:00:00+03:00',
    },
    {
      id: 'task-90',
      name: 'Выплатить транш 1 000,00 ₽ (файлов: 1)',
      url: null,
      source: 'task',
      addedAt: '2025-05-27T10:00:00+03:00',
    },
  ],
}

export const approvalSettings: ApprovalSettingsDto = {
  roles: {
    financeManager: 3,
    operationsManager: 4,
    chiefAccountant: 8,
    juniorAccountant: 9,
    cfo: 2,
    lawyer: null,
    signatory: null,
  },
  sla: {
    ladders: {
      head: {
        checkEveryHours: 4,
        remindAfter: { days: 2, hours: 0 },
        escalateAfter: { days: 2, hours: 1 },
        untilTaken: true,
      },
      cfo: {
        checkEveryHours: 4,
        remindAfter: { days: 1, hours: 0 },
        escalateAfter: { days: 2, hours: 0 },
        untilTaken: false,
      },
      finance: { checkEveryHours: null, remindAfter: null, escalateAfter: { days: 2, hours: 0 }, untilTaken: false },
    },
    cfoRule: { minAmount: 500_000_00 },
    cutoff: '13:00',
    endOfDay: '18:00',
  },
}

export const dunningRules = {
  ladders: [
    {
      id: 'standard',
      window: { from: '10:00', to: '17:00' },
      tail: { everyDays: 7, unit: 'calendar', maxRepeats: 4, channels: ['email'], template: 'overdue' },
      steps: [
        {
          id: 'd-5',
          anchor: 'due',
          offset: -5,
          unit: 'working',
          dayOff: 'previous',
          channels: ['email'],
          template: 'before-due',
        },
        {
          id: 'd0',
          anchor: 'due',
          offset: 0,
          unit: 'working',
          dayOff: 'next',
          channels: ['email', 'telegram'],
          template: 'due-day',
        },
        {
          id: 'd1',
          anchor: 'due',
          offset: 1,
          unit: 'working',
          dayOff: 'next',
          channels: ['email'],
          template: 'overdue',
        },
        {
          id: 'd10',
          anchor: 'due',
          offset: 10,
          unit: 'working',
          dayOff: 'next',
          channels: ['email', 'openline', 'call'],
          template: 'overdue',
        },
      ],
    },
  ],
  templates: {
    'before-due': {
      ru: {
        subject: 'Напоминание: счёт {{invoice_number}} к оплате {{due_date}}',
        body: 'Здравствуйте, {{counterparty}}!\nНапоминаем, что {{due_date}} наступает срок оплаты счёта {{invoice_number}} на сумму {{remaining}}.',
      },
    },
    'due-day': { ru: { subject: 'Сегодня срок оплаты счёта {{invoice_number}}', body: 'Оплатите, пожалуйста.' } },
    overdue: { ru: { subject: 'Просрочен счёт {{invoice_number}}', body: 'Просрочка {{days_overdue}} дн.' } },
  },
  rules: [],
  headOfSalesId: null,
  lawyerId: null,
  legalNotifyIds: [],
  paymentDetails: 'р/с 40702810…',
  catchUpDays: 3,
}

const cell = (amount: number) => ({ amount, count: amount ? 1 : 0 })
const row = (a: number[]): AgeingRowDto => ({
  current: cell(a[0]!),
  d1_30: cell(a[1]!),
  d31_60: cell(a[2]!),
  d61_90: cell(a[3]!),
  d90_plus: cell(a[4]!),
  total: cell(a.reduce((x, y) => x + y, 0)),
})
const cp = (id: number, name: string, a: number[]) => ({
  counterparty: { id, type: 'company' as const, entityId: id, name, inn: null },
  ageing: row(a),
})
export const ageing: AgeingDto = {
  today: '2025-06-20',
  portal: row([420_000_00, 180_000_00, 95_000_00, 40_000_00, 220_000_00]),
  counterparties: [
    cp(1, 'ООО «Ромашка»', [150_000_00, 100_000_00, 0, 0, 80_000_00]),
    cp(2, 'АО «Вектор»', [200_000_00, 50_000_00, 95_000_00, 0, 0]),
    cp(3, 'ИП Петров', [70_000_00, 30_000_00, 0, 40_000_00, 140_000_00]),
  ],
  legalEntities: [
    {
      legalEntity: 'ООО «Контроль»',
      inn: '7701000001',
      ageing: row([300_000_00, 120_000_00, 95_000_00, 0, 80_000_00]),
    },
    { legalEntity: 'ООО «Контроль-Юг»', inn: '2301000002', ageing: row([90_000_00, 60_000_00, 0, 40_000_00, 0]) },
    { legalEntity: null, inn: null, ageing: row([30_000_00, 0, 0, 0, 140_000_00]) },
  ],
}

const stImport = {
  id: 5,
  fileName: 'kl_to_1c.txt',
  format: '1c',
  uploadedBy: 'user:1',
  createdAt: '2025-06-06T07:00:00.000Z',
  documents: 214,
  incoming: 180,
  outgoing: 34,
  duplicates: 0,
  matched: 176,
  review: 4,
  warnings: [],
  error: null,
  balances: [
    {
      account: '40702810900000000001',
      ok: true,
      difference: 0,
      message: 'account 40702810900000000001: balances agree',
    },
  ],
}
export const statementUpload = { ...stImport, status: 'processing', processed: 0, matched: 0, review: 0 }
export const statementDone = { ...stImport, status: 'done', processed: 180 }
const cand = (receivableId: number, invoiceNumber: string, remaining: number, counterpartyName = 'ООО «Ромашка»') => ({
  receivableId,
  invoiceNumber,
  invoiceDate: '2025-05-01',
  remaining,
  counterpartyName,
})
const line = (
  id: number,
  docNumber: string,
  amount: number,
  payerName: string,
  payerInn: string | null,
  purpose: string,
  reason: string,
  candidates: ReturnType<typeof cand>[],
) => ({
  id,
  importId: 5,
  docNumber,
  valueDate: '2025-06-05',
  amount,
  payerName,
  payerInn,
  purpose,
  status: 'review',
  rule: null,
  reason,
  candidates,
  allocations: [],
})
export const reviewQueue = {
  waiting: 3,
  lines: [
    line(
      41,
      '318',
      4_500_000,
      'ООО «Ромашка»',
      '7705000001',
      'Оплата по договору поставки, НДС 20%',
      'amount-mismatch',
      [cand(7, 'A-1024', 10_000_000), cand(8, 'A-1031', 2_500_000)],
    ),
    line(42, '12', 1_000_000, 'ИП Сидоров А. В.', '770512345678', 'Оплата за услуги', 'unknown-payer', []),
    line(43, '77', 300_000, 'ООО «Лютик»', '7705000002', 'Аванс по письму', 'no-open-invoices', []),
  ],
}
export const statementsOverview = {
  imports: [
    statementDone,
    {
      ...stImport,
      id: 4,
      fileName: 'statement-may.xml',
      format: 'camt053',
      status: 'done',
      processed: 12,
      documents: 12,
      matched: 12,
      review: 0,
      balances: [
        {
          account: '40702810900000000001',
          ok: false,
          difference: -100,
          message:
            'account 40702810900000000001: opening 0.00 + in 12.00 - out 0.00 = 12.00, but the closing balance is 13.00',
        },
      ],
    },
  ],
  waiting: 3,
  canResolve: true,
}

const weeks = [
  '2025-03-30',
  '2025-04-06',
  '2025-04-13',
  '2025-04-20',
  '2025-04-27',
  '2025-05-04',
  '2025-05-11',
  '2025-05-18',
  '2025-05-25',
  '2025-06-01',
  '2025-06-08',
  '2025-06-15',
]
export const collectionReport = {
  today: '2025-06-15',
  trend: weeks.map((day, i) => ({
    day,
    overdue: [0, 10, 10, 10, 10, 10, 6, 6, 11, 11, 11, 3][i] * 1_000_000 + i * 137_00,
    invoices: [0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1][i],
  })),
  dso: [
    ['2025-01', 0, 0, null],
    ['2025-02', 0, 0, null],
    ['2025-03', 10_000_000, 10_000_000, 31],
    ['2025-04', 10_000_000, 0, null],
    ['2025-05', 11_000_000, 5_000_000, 68.2],
    ['2025-06', 6_000_000, 3_000_000, 30],
  ].map(([month, outstanding, sales, dso]) => ({ month, outstanding, sales, dso })),
  effectiveness: [
    ['2025-01', 0, 0, null],
    ['2025-02', 4_000_000, 3_600_000, 90],
    ['2025-03', 8_000_000, 6_000_000, 75],
    ['2025-04', 10_000_000, 0, 0],
    ['2025-05', 5_000_000, 2_500_000, 50],
    ['2025-06', 0, 0, null],
  ].map(([month, due, collected, rate]) => ({ month, due, collected, rate })),
}
export const promisesReport = {
  today: '2025-06-15',
  total: { kept: 7, broken: 3, pending: 2 },
  months: [
    { month: '2025-04', kept: 2, broken: 1, pending: 0, keptAmount: 500_000, brokenAmount: 200_000 },
    { month: '2025-05', kept: 4, broken: 2, pending: 0, keptAmount: 900_000, brokenAmount: 400_000 },
    { month: '2025-06', kept: 1, broken: 0, pending: 2, keptAmount: 100_000, brokenAmount: 0 },
  ],
}
/** Claims by stage as the server answers ?lang=: the app's own stage titles in the UI's language. */
export const claimsReport = (lang: 'ru' | 'en') => {
  const stages = (
    [
      ['NEW', 4, 120_000_00],
      ['FIRST_NOTICE', 3, 80_000_00],
      ['CLAIM_SENT', 2, 150_000_00],
      ['PRETRIAL', 1, 45_000_00],
      ['IN_COURT', 1, 500_000_00],
    ] as const
  ).map(([stage, count, amount]) => ({ pipeline: 'recovery' as const, stage, count, amount }))
  const recovery = claimsProcess.pipelines.find((p) => p.key === 'recovery')!
  return {
    stages,
    names: Object.fromEntries(
      stages.map((x) => [`recovery:${x.stage}`, recovery.stages.find((st) => st.code === x.stage)!.name[lang]]),
    ),
  }
}
export const payoutsReport = {
  month: '2025-06',
  total: 550_000,
  rows: [
    {
      caseId: 1,
      itemId: 9,
      title: 'Компенсация Иванову',
      counterpartyName: 'Иванов И.',
      deadline: '2025-06-05',
      amount: 200_000,
      overdue: true,
    },
    {
      caseId: 1,
      itemId: 9,
      title: 'Компенсация Иванову',
      counterpartyName: 'Иванов И.',
      deadline: '2025-06-20',
      amount: 350_000,
      overdue: false,
    },
  ],
}
export const approvalsReport = {
  requests: 14,
  done: 9,
  rejected: 2,
  avgCycleHours: 26.5,
  approvers: [
    { approverId: 7, approverName: 'Иван Начальников', decided: 5, avgHours: 20, breaches: 2, substituted: 1 },
    { approverId: 5, approverName: 'Ольга Финансова', decided: 9, avgHours: 3, breaches: 0, substituted: 0 },
  ],
}

export const calendarView = {
  settings: {
    timezone: 'Europe/Moscow',
    workStart: '09:00',
    workEnd: '18:00',
    lunch: { start: '13:00', end: '14:00' },
    companyDaysOff: ['2025-12-31'],
    companyWorkingDays: [],
  },
  yearsPresent: [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
  loadedYears: [],
  missingYears: [2027],
  today: '2026-12-04',
}
export const keyRates = {
  rates: [
    ['2025-10-27', '16.50'],
    ['2025-09-15', '17.00'],
    ['2025-07-28', '18.00'],
    ['2025-06-09', '20.00'],
    ['2024-10-28', '21.00'],
    ['2024-09-16', '19.00'],
  ].map(([from, percent]) => ({ from, percent, added: false })),
}
export const legalEntity = {
  entity: {
    name: 'ООО «Поставщик»',
    inn: '7701234567',
    kpp: '770101001',
    ogrn: '1027700132195',
    address: 'Москва, ул. Ленина, 1',
    signer: 'И. И. Иванов',
    signerTitle: 'Генеральный директор',
    bankDetails: {
      bank: 'ПАО Сбербанк',
      bic: '044525225',
      account: '40702810900000000001',
      corrAccount: '30101810400000000225',
    },
  },
}
export const connectionView = {
  status: 'active',
  reason: null,
  domain: 'demo.bitrix24.ru',
  appVersion: '3',
  licence: 'company',
  plan: {
    count: 2,
    operations: ['create field rc_claims.courtCaseNumber', 'update robot claim-letter-generate'],
    error: null,
  },
  reconnectHint: 'Open the app from the Market page',
}
export const apiKeysList = [
  {
    id: 1,
    name: '1С:Бухгалтерия',
    prefix: 'rck_AbCdEf',
    createdBy: 'user:1',
    createdAt: '2026-11-20T10:00:00.000Z',
    lastUsedAt: '2026-12-03T17:42:00.000Z',
    revoked: false,
  },
]

export const letterTemplates = {
  templates: {
    ru: {
      body: 'Между {creditor} и {debtor} {contract}. Обязательства по оплате исполнены не полностью: задолженность по основному долгу составляет {principal} руб.',
      demand: 'Требуем в течение {pay_within_days} календарных дней, не позднее {pay_by}, перечислить {total} руб.',
    },
    en: { body: '{creditor} and {debtor} {contract}.', demand: 'We demand RUB {total}.' },
  },
  custom: { ru: false, en: false },
  variables: [
    'creditor',
    'debtor',
    'contract',
    'principal',
    'accrued',
    'total',
    'pay_within_days',
    'pay_by',
    'date',
    'number',
  ],
}
const moratorium = {
  id: 'moratorium-2022',
  label: 'Мораторий 2022 (постановление № 497)',
  from: '2022-04-01',
  to: '2022-10-01',
  appliesToObligationsBefore: '2022-04-01',
}
export const penaltyDefaults = {
  terms: {
    method: 'key-rate-fraction',
    fraction: 300,
    rateMode: 'payment-date',
    cap: { kind: 'percent', percent: '10' },
  },
  windows: [moratorium],
  optOuts: [{ entityType: 'company', entityId: 7, windowIds: ['moratorium-2022'], name: 'ООО «Вектор»' }],
  defaults: { terms: { method: '395' }, windows: [moratorium], optOuts: [] },
}
