import type { SmartProcessSpec } from '../manifest-types.ts'

// Debts we recover (seeds 001, 002) and compensations we pay out in tranches (seed 003).
export const claimsProcess: SmartProcessSpec = {
  key: 'claims',
  title: { ru: 'Претензионная работа', en: 'Claim work' },
  code: 'rc_claims',
  pipelines: [
    {
      key: 'recovery',
      name: { ru: 'Взыскание долга', en: 'Debt recovery' },
      isDefault: true,
      stages: [
        { code: 'NEW', name: { ru: 'Просрочка', en: 'Overdue' }, color: '#FF5752', semantics: 'P' },
        {
          code: 'FIRST_NOTICE',
          name: { ru: 'Первое уведомление', en: 'First notice' },
          color: '#FFA900',
          semantics: 'P',
        },
        {
          code: 'CLAIM_SENT',
          name: { ru: 'Претензия направлена', en: 'Claim sent' },
          color: '#E89B06',
          semantics: 'P',
        },
        {
          code: 'PRETRIAL',
          name: { ru: 'Досудебное урегулирование', en: 'Pre-trial settlement' },
          color: '#2FC6F6',
          semantics: 'P',
        },
        {
          code: 'COURT_PREP',
          name: { ru: 'Подготовка иска', en: 'Court preparation' },
          color: '#9DCF00',
          semantics: 'P',
        },
        { code: 'IN_COURT', name: { ru: 'В суде', en: 'In court' }, color: '#3A5EB9', semantics: 'P' },
        {
          code: 'ENFORCEMENT',
          name: { ru: 'Исполнительное производство', en: 'Enforcement' },
          color: '#8E52EC',
          semantics: 'P',
        },
        { code: 'SUCCESS', name: { ru: 'Взыскано', en: 'Recovered' }, color: '#7BD500', semantics: 'S' },
        {
          code: 'FAIL',
          name: { ru: 'Закрыто без взыскания', en: 'Closed unrecovered' },
          color: '#A8ADB4',
          semantics: 'F',
        },
      ],
    },
    {
      key: 'compensation',
      name: { ru: 'Компенсации клиентам', en: 'Customer compensation' },
      isDefault: false,
      stages: [
        { code: 'NEW', name: { ru: 'Зарегистрирована', en: 'Registered' }, color: '#39A8EF', semantics: 'P' },
        {
          code: 'SCHEDULE_AGREED',
          name: { ru: 'График выплат согласован', en: 'Payout schedule agreed' },
          color: '#2FC6F6',
          semantics: 'P',
        },
        { code: 'PAYING_OUT', name: { ru: 'Выплаты', en: 'Paying out' }, color: '#FFA900', semantics: 'P' },
        { code: 'SUCCESS', name: { ru: 'Завершена', en: 'Completed' }, color: '#7BD500', semantics: 'S' },
        { code: 'FAIL', name: { ru: 'Отклонена', en: 'Rejected' }, color: '#A8ADB4', semantics: 'F' },
      ],
    },
  ],
  fields: [
    { key: 'debtPrincipal', suffix: 'PRINCIPAL', type: 'money', label: { ru: 'Основной долг', en: 'Debt principal' } },
    { key: 'penalty', suffix: 'PENALTY', type: 'money', label: { ru: 'Неустойка', en: 'Penalty' } },
    {
      key: 'interest',
      suffix: 'INTEREST',
      type: 'money',
      label: { ru: 'Проценты по ст. 395', en: 'Interest (art. 395)' },
    },
    {
      key: 'claimSentDate',
      suffix: 'CLAIM_SENT',
      type: 'date',
      label: { ru: 'Дата направления претензии', en: 'Claim sent date' },
    },
    {
      key: 'pretrialDeadline',
      suffix: 'PRETRIAL_DEADLINE',
      type: 'date',
      label: { ru: 'Срок ответа (30 дней)', en: '30-day deadline' },
    },
    {
      key: 'limitationExpires',
      suffix: 'LIMITATION',
      type: 'date',
      label: { ru: 'Истечение исковой давности', en: 'Limitation expires' },
    },
    {
      key: 'courtCaseNumber',
      suffix: 'CASE_NO',
      type: 'string',
      label: { ru: 'Номер судебного дела', en: 'Court case number' },
    },
    {
      key: 'compensationAmount',
      suffix: 'COMPENSATION',
      type: 'money',
      label: { ru: 'Сумма компенсации', en: 'Compensation amount' },
    },
    {
      key: 'payoutsTotal',
      suffix: 'PAYOUTS_TOTAL',
      type: 'money',
      label: { ru: 'Выплаты: всего', en: 'Payouts: total' },
    },
    {
      key: 'payoutsPaid',
      suffix: 'PAYOUTS_PAID',
      type: 'money',
      label: { ru: 'Выплаты: выплачено', en: 'Payouts: paid' },
    },
    {
      key: 'payoutsRemaining',
      suffix: 'PAYOUTS_LEFT',
      type: 'money',
      label: { ru: 'Выплаты: осталось', en: 'Payouts: remaining' },
    },
    {
      key: 'receivables',
      suffix: 'RECEIVABLES',
      type: 'crm',
      multiple: true,
      crmLinks: ['receivables'],
      label: { ru: 'Счета (дебиторка)', en: 'Receivables' },
    },
    {
      key: 'claimLetterFile',
      suffix: 'LETTER',
      type: 'file',
      label: { ru: 'Претензия (PDF)', en: 'Claim letter (PDF)' },
    },
  ],
}
