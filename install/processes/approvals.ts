import type { SmartProcessSpec } from '../manifest-types.ts'

// Payment requests and contracts through the same route and SLA machinery (seed 004).
export const approvalsProcess: SmartProcessSpec = {
  key: 'approvals',
  title: { ru: 'Согласование платежей', en: 'Payment approval' },
  code: 'rc_approvals',
  pipelines: [
    {
      key: 'payments',
      name: { ru: 'Заявки на оплату', en: 'Payment requests' },
      isDefault: true,
      stages: [
        { code: 'NEW', name: { ru: 'Новая', en: 'New' }, color: '#39A8EF', semantics: 'P' },
        {
          code: 'HEAD_APPROVAL',
          name: { ru: 'Согласование руководителем', en: 'Head of department approval' },
          color: '#2FC6F6',
          semantics: 'P',
        },
        {
          code: 'FINANCE_REVIEW',
          name: { ru: 'Проверка финансистом', en: 'Finance review' },
          color: '#55D0E0',
          semantics: 'P',
        },
        {
          code: 'DOCS_REQUEST',
          name: { ru: 'Запрос документов', en: 'Documents request' },
          color: '#FFA900',
          semantics: 'P',
        },
        { code: 'FROZEN', name: { ru: 'Заморожена', en: 'Frozen' }, color: '#A8ADB4', semantics: 'P' },
        { code: 'ACCOUNTING', name: { ru: 'Бухгалтерия', en: 'Accounting' }, color: '#9DCF00', semantics: 'P' },
        { code: 'SUCCESS', name: { ru: 'Оплачена', en: 'Paid' }, color: '#7BD500', semantics: 'S' },
        { code: 'FAIL', name: { ru: 'Отклонена', en: 'Rejected' }, color: '#FF5752', semantics: 'F' },
      ],
    },
    {
      key: 'contracts',
      name: { ru: 'Договоры', en: 'Contracts' },
      isDefault: false,
      stages: [
        { code: 'NEW', name: { ru: 'Новый', en: 'New' }, color: '#39A8EF', semantics: 'P' },
        {
          code: 'LEGAL_REVIEW',
          name: { ru: 'Проверка юристом', en: 'Legal review' },
          color: '#2FC6F6',
          semantics: 'P',
        },
        {
          code: 'HEAD_APPROVAL',
          name: { ru: 'Согласование руководителем', en: 'Head approval' },
          color: '#55D0E0',
          semantics: 'P',
        },
        { code: 'SIGNING', name: { ru: 'Подписание', en: 'Signing' }, color: '#FFA900', semantics: 'P' },
        { code: 'SUCCESS', name: { ru: 'Подписан', en: 'Signed' }, color: '#7BD500', semantics: 'S' },
        { code: 'FAIL', name: { ru: 'Отклонён', en: 'Rejected' }, color: '#FF5752', semantics: 'F' },
      ],
    },
  ],
  fields: [
    {
      key: 'counterparty',
      suffix: 'COUNTERPARTY',
      type: 'crm',
      crmLinks: ['COMPANY', 'CONTACT'],
      label: { ru: 'Контрагент', en: 'Counterparty' },
    },
    { key: 'amount', suffix: 'AMOUNT', type: 'money', label: { ru: 'Сумма', en: 'Amount' } },
    {
      key: 'costItem',
      suffix: 'COST_ITEM',
      type: 'enumeration',
      label: { ru: 'Статья расходов', en: 'Cost item' },
      options: [
        { xmlId: 'goods', label: { ru: 'Товары', en: 'Goods' } },
        { xmlId: 'services', label: { ru: 'Услуги', en: 'Services' } },
        { xmlId: 'rent', label: { ru: 'Аренда', en: 'Rent' } },
        { xmlId: 'marketing', label: { ru: 'Маркетинг', en: 'Marketing' } },
        { xmlId: 'it', label: { ru: 'ИТ', en: 'IT' } },
        { xmlId: 'taxes', label: { ru: 'Налоги', en: 'Taxes' } },
        { xmlId: 'other', label: { ru: 'Прочее', en: 'Other' } },
      ],
    },
    { key: 'invoiceFile', suffix: 'INVOICE_FILE', type: 'file', label: { ru: 'Счёт', en: 'Invoice file' } },
    // a contract-approval request carries the contract itself (issue 24 item 4), not an invoice
    {
      key: 'contractFile',
      suffix: 'CONTRACT_FILE',
      type: 'file',
      label: { ru: 'Договор (файл)', en: 'Contract file' },
    },
    { key: 'paymentDeadline', suffix: 'DEADLINE', type: 'date', label: { ru: 'Срок оплаты', en: 'Payment deadline' } },
    { key: 'initiator', suffix: 'INITIATOR', type: 'employee', label: { ru: 'Инициатор', en: 'Initiator' } },
    { key: 'approver', suffix: 'APPROVER', type: 'employee', label: { ru: 'Согласующий', en: 'Approver' } },
    {
      key: 'rejectionReason',
      suffix: 'REJECT_REASON',
      type: 'string',
      label: { ru: 'Причина отклонения', en: 'Rejection reason' },
    },
    { key: 'pauseReason', suffix: 'PAUSE_REASON', type: 'string', label: { ru: 'Причина паузы', en: 'Pause reason' } },
    {
      key: 'paymentOrderFile',
      suffix: 'PAYMENT_ORDER',
      type: 'file',
      label: { ru: 'Платёжное поручение', en: 'Payment order file' },
    },
  ],
}
