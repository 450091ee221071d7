export const dict = {
  ru: {
    totalDebt: 'Общий долг', overdueDebt: 'Просрочено', oldest: 'Макс. просрочка', advance: 'Аванс', days: '{n} дн.',
    green: 'Без долгов', amber: 'Оплата через {n} дн.', red: 'Есть просрочка', grey: 'Закрыт',
    all: 'Все', open: 'Открытые', overdue: 'Просроченные', paid: 'Оплаченные', search: 'Поиск по номеру счёта или договора',
    invoiceNumber: 'Счёт', invoiceDate: 'Дата', dueDate: 'Срок', amount: 'Сумма', paidCol: 'Оплачено', remaining: 'Остаток', stage: 'Статус', daysOverdue: 'Просрочка', contractNumber: 'Договор',
    pay: 'Оплата', newReceivable: 'Новый счёт', empty: 'Счетов нет', rows: 'Всего: {n}',
    payTitle: 'Оплата по счёту {n}', payAmount: 'Сумма', payDate: 'Дата оплаты', payComment: 'Комментарий', record: 'Провести',
    badAmount: 'Укажите положительную сумму, не больше двух знаков после запятой', badDate: 'Укажите дату',
    dueBeforeInvoice: 'Срок оплаты не может быть раньше даты счёта', needNumber: 'Укажите номер счёта', create: 'Создать', contract: 'Договор (необязательно)',
    st_open: 'Ожидает оплаты', st_overdue: 'Просрочен', st_paid: 'Оплачен', 'st_written-off': 'Списан', saved: 'Сохранено',
  },
  en: {
    totalDebt: 'Total debt', overdueDebt: 'Overdue', oldest: 'Oldest overdue', advance: 'Advance', days: '{n} d',
    green: 'No debt', amber: 'Due in {n} days', red: 'Overdue', grey: 'Closed',
    all: 'All', open: 'Open', overdue: 'Overdue', paid: 'Paid', search: 'Search by invoice or contract number',
    invoiceNumber: 'Invoice', invoiceDate: 'Date', dueDate: 'Due', amount: 'Amount', paidCol: 'Paid', remaining: 'Remaining', stage: 'Status', daysOverdue: 'Overdue', contractNumber: 'Contract',
    pay: 'Payment', newReceivable: 'New invoice', empty: 'No invoices', rows: 'Total: {n}',
    payTitle: 'Payment for invoice {n}', payAmount: 'Amount', payDate: 'Payment date', payComment: 'Comment', record: 'Record',
    badAmount: 'Enter a positive amount with at most two decimals', badDate: 'Enter a date',
    dueBeforeInvoice: 'The due date cannot be before the invoice date', needNumber: 'Enter the invoice number', create: 'Create', contract: 'Contract (optional)',
    st_open: 'Awaiting payment', st_overdue: 'Overdue', st_paid: 'Paid', 'st_written-off': 'Written off', saved: 'Saved',
  },
}
