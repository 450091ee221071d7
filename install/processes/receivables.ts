import type { SmartProcessSpec } from '../manifest-types.ts'

// One item per invoice; the ten stages of seed 001 follow the money.
export const receivablesProcess: SmartProcessSpec = {
  key: 'receivables',
  title: { ru: 'Дебиторская задолженность', en: 'Receivables' },
  code: 'rc_receivables',
  pipelines: [
    {
      key: 'main',
      name: { ru: 'Счета', en: 'Invoices' },
      isDefault: true,
      stages: [
        { code: 'NEW', name: { ru: 'Новый счёт', en: 'New invoice' }, color: '#39A8EF', semantics: 'P' },
        { code: 'SENT', name: { ru: 'Отправлен клиенту', en: 'Sent to client' }, color: '#2FC6F6', semantics: 'P' },
        { code: 'AWAITING', name: { ru: 'Ожидание оплаты', en: 'Awaiting payment' }, color: '#55D0E0', semantics: 'P' },
        { code: 'CHECK', name: { ru: 'Проверка оплаты', en: 'Payment check' }, color: '#47E4C2', semantics: 'P' },
        {
          code: 'REMINDER',
          name: { ru: 'Напоминание об оплате', en: 'Payment reminder' },
          color: '#FFA900',
          semantics: 'P',
        },
        { code: 'PARTIAL', name: { ru: 'Частичная оплата', en: 'Partial payment' }, color: '#FFD000', semantics: 'P' },
        { code: 'OVERDUE', name: { ru: 'Просрочен', en: 'Overdue' }, color: '#FF5752', semantics: 'P' },
        { code: 'NEGOTIATION', name: { ru: 'Переговоры', en: 'Negotiations' }, color: '#E89B06', semantics: 'P' },
        { code: 'SUCCESS', name: { ru: 'Оплачен', en: 'Paid' }, color: '#7BD500', semantics: 'S' },
        { code: 'FAIL', name: { ru: 'Списан', en: 'Written off' }, color: '#A8ADB4', semantics: 'F' },
      ],
    },
  ],
  fields: [
    { key: 'invoiceNumber', suffix: 'INVOICE_NO', type: 'string', label: { ru: 'Номер счёта', en: 'Invoice number' } },
    { key: 'invoiceDate', suffix: 'INVOICE_DATE', type: 'date', label: { ru: 'Дата счёта', en: 'Invoice date' } },
    { key: 'dueDate', suffix: 'DUE_DATE', type: 'date', label: { ru: 'Срок оплаты', en: 'Due date' } },
    { key: 'amount', suffix: 'AMOUNT', type: 'money', label: { ru: 'Сумма', en: 'Amount' } },
    { key: 'paid', suffix: 'PAID', type: 'money', label: { ru: 'Оплачено', en: 'Paid' } },
    { key: 'remaining', suffix: 'REMAINING', type: 'money', label: { ru: 'Остаток', en: 'Remaining' } },
    { key: 'currency', suffix: 'CURRENCY', type: 'string', label: { ru: 'Валюта', en: 'Currency' } },
    {
      key: 'contractNumber',
      suffix: 'CONTRACT_NO',
      type: 'string',
      label: { ru: 'Номер договора', en: 'Contract number' },
    },
    { key: 'contractDate', suffix: 'CONTRACT_DATE', type: 'date', label: { ru: 'Дата договора', en: 'Contract date' } },
    {
      key: 'legalEntity',
      suffix: 'LEGAL_ENTITY',
      type: 'string',
      label: { ru: 'Наше юрлицо', en: 'Our legal entity' },
    },
    {
      key: 'riskSegment',
      suffix: 'RISK',
      type: 'enumeration',
      label: { ru: 'Сегмент риска', en: 'Risk segment' },
      options: [
        { xmlId: 'low', label: { ru: 'Низкий', en: 'Low' } },
        { xmlId: 'normal', label: { ru: 'Обычный', en: 'Normal' } },
        { xmlId: 'high', label: { ru: 'Высокий', en: 'High' } },
      ],
    },
    {
      key: 'nextDueDate',
      suffix: 'NEXT_DUE',
      type: 'date',
      label: { ru: 'Срок оплаты (рабочий день)', en: 'Payment due (working day)' },
    },
    {
      key: 'daysOverdue',
      suffix: 'DAYS_OVERDUE',
      type: 'integer',
      label: { ru: 'Дней просрочки', en: 'Days overdue' },
    },
    {
      key: 'nextReminderDate',
      suffix: 'NEXT_REMINDER',
      type: 'date',
      label: { ru: 'Следующее напоминание', en: 'Next reminder' },
    },
    {
      key: 'promisedDate',
      suffix: 'PROMISE_DATE',
      type: 'date',
      label: { ru: 'Обещанная дата оплаты', en: 'Promised payment date' },
    },
    {
      key: 'promisedAmount',
      suffix: 'PROMISE_AMOUNT',
      type: 'money',
      label: { ru: 'Обещанная сумма', en: 'Promised amount' },
    },
    {
      key: 'dunningPausedUntil',
      suffix: 'PAUSED_UNTIL',
      type: 'date',
      label: { ru: 'Напоминания на паузе до', en: 'Dunning paused until' },
    },
    {
      key: 'dunningPauseReason',
      suffix: 'PAUSE_REASON',
      type: 'string',
      label: { ru: 'Причина паузы', en: 'Pause reason' },
    },
    { key: 'doNotDun', suffix: 'DO_NOT_DUN', type: 'boolean', label: { ru: 'Не напоминать', en: 'Do not dun' } },
    { key: 'invoiceFile', suffix: 'INVOICE_FILE', type: 'file', label: { ru: 'Файл счёта', en: 'Invoice file' } },
  ],
}
