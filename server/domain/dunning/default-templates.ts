// Default reminder texts (ru/en). Variables: see TEMPLATE_VARIABLES in render-template.ts.
import type { Lang, Template } from './types.ts'

type Texts = Record<string, Partial<Record<Lang, Template>>>

export const DEFAULT_TEMPLATES: Texts = {
  'before-due': {
    ru: {
      subject: 'Напоминание: счёт № {{invoice_number}} к оплате {{due_date}}',
      body: 'Здравствуйте, {{counterparty}}!\n\nНапоминаем, что {{due_date}} наступает срок оплаты счёта № {{invoice_number}} от {{invoice_date}} на сумму {{amount}}. К оплате: {{remaining}}.\n\nРеквизиты: {{payment_details}}\n\nС уважением, {{manager}}',
    },
    en: {
      subject: 'Reminder: invoice {{invoice_number}} is due on {{due_date}}',
      body: 'Hello {{counterparty}},\n\nInvoice {{invoice_number}} of {{invoice_date}} for {{amount}} is due on {{due_date}}. Amount to pay: {{remaining}}.\n\nPayment details: {{payment_details}}\n\nBest regards, {{manager}}',
    },
  },
  'due-day': {
    ru: {
      subject: 'Сегодня срок оплаты счёта № {{invoice_number}}',
      body: 'Здравствуйте, {{counterparty}}!\n\nСегодня, {{due_date}}, срок оплаты счёта № {{invoice_number}} от {{invoice_date}}. К оплате: {{remaining}}.\n\nРеквизиты: {{payment_details}}\n\nС уважением, {{manager}}',
    },
    en: {
      subject: 'Invoice {{invoice_number}} is due today',
      body: 'Hello {{counterparty}},\n\nInvoice {{invoice_number}} of {{invoice_date}} is due today ({{due_date}}). Amount to pay: {{remaining}}.\n\nPayment details: {{payment_details}}\n\nBest regards, {{manager}}',
    },
  },
  overdue: {
    ru: {
      subject: 'Просрочена оплата счёта № {{invoice_number}}',
      body: 'Здравствуйте, {{counterparty}}!\n\nСчёт № {{invoice_number}} от {{invoice_date}} просрочен на {{days_overdue}} дн. Остаток долга: {{remaining}}. Неустойка на сегодня: {{penalty}}.\n\nПросим оплатить по реквизитам: {{payment_details}}\n\nС уважением, {{manager}}',
    },
    en: {
      subject: 'Invoice {{invoice_number}} is overdue',
      body: 'Hello {{counterparty}},\n\nInvoice {{invoice_number}} of {{invoice_date}} is {{days_overdue}} days overdue. Remaining: {{remaining}}. Penalty so far: {{penalty}}.\n\nPlease pay to: {{payment_details}}\n\nBest regards, {{manager}}',
    },
  },
  'overdue-final': {
    ru: {
      subject: 'Последнее напоминание по счёту № {{invoice_number}}',
      body: 'Здравствуйте, {{counterparty}}!\n\nСчёт № {{invoice_number}} просрочен на {{days_overdue}} дн., долг {{remaining}}, неустойка {{penalty}}. Без оплаты мы будем вынуждены перейти к претензионной работе.\n\nРеквизиты: {{payment_details}}\n\n{{manager}}',
    },
    en: {
      subject: 'Final reminder: invoice {{invoice_number}}',
      body: 'Hello {{counterparty}},\n\nInvoice {{invoice_number}} is {{days_overdue}} days overdue, remaining {{remaining}}, penalty {{penalty}}. Without payment we will start a formal claim.\n\nPayment details: {{payment_details}}\n\n{{manager}}',
    },
  },
  consolidated: {
    ru: {
      subject: 'Напоминание об оплате счетов',
      body: 'Здравствуйте, {{counterparty}}!\n\nНапоминаем об оплате счетов:\n{{invoice_list}}\nИтого к оплате: {{total_remaining}}.\n\nРеквизиты: {{payment_details}}\n\nС уважением, {{manager}}',
    },
    en: {
      subject: 'Payment reminder for your invoices',
      body: 'Hello {{counterparty}},\n\nThis is a reminder about these invoices:\n{{invoice_list}}\nTotal to pay: {{total_remaining}}.\n\nPayment details: {{payment_details}}\n\nBest regards, {{manager}}',
    },
  },
  // a task step's text: the subject is the task's title, the body its description
  'task-check-invoice': {
    ru: {
      subject: 'Проверить, что {{counterparty}} получил счёт № {{invoice_number}}',
      body: 'Срок оплаты счёта № {{invoice_number}} от {{invoice_date}} на сумму {{amount}}: {{due_date}}. Свяжитесь с клиентом и убедитесь, что счёт получен и будет оплачен в срок. К оплате: {{remaining}}.',
    },
    en: {
      subject: 'Check that {{counterparty}} has invoice {{invoice_number}}',
      body: 'Invoice {{invoice_number}} of {{invoice_date}} for {{amount}} is due on {{due_date}}. Contact the client and make sure they have the invoice and will pay on time. Amount to pay: {{remaining}}.',
    },
  },
}
