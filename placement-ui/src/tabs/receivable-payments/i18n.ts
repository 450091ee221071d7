export const dict = {
  ru: {
    total: 'Сумма счёта', paid: 'Оплачено', remaining: 'Остаток', advance: 'Аванс контрагента', lastPayment: 'Последняя оплата',
    payments: 'Оплаты', audit: 'Журнал', date: 'Дата', amount: 'Сумма', source: 'Источник', reference: 'Основание', actor: 'Кто', reverse: 'Сторнировать',
    reversed: 'сторнирована', reversal: 'сторно', add: 'Добавить оплату', none: 'Оплат нет', notLinked: 'Этот элемент ещё не связан со счётом в реестре',
    src_manual: 'вручную', 'src_bank-statement': 'выписка', src_robot: 'робот', src_api: 'API', src_reversal: 'сторно', confirmReverse: 'Сторнировать оплату {a}?',
    openClaim: 'Претензионная работа', confirmClaim: 'Открыть претензионную работу по этому счёту? Юрист получит задачу; если претензия уже открыта, откроется она.',
  },
  en: {
    total: 'Invoice amount', paid: 'Paid', remaining: 'Remaining', advance: 'Counterparty advance', lastPayment: 'Last payment',
    payments: 'Payments', audit: 'Audit log', date: 'Date', amount: 'Amount', source: 'Source', reference: 'Reference', actor: 'By', reverse: 'Reverse',
    reversed: 'reversed', reversal: 'reversal', add: 'Add payment', none: 'No payments', notLinked: 'This item is not linked to a ledger receivable yet',
    src_manual: 'manual', 'src_bank-statement': 'bank statement', src_robot: 'robot', src_api: 'API', src_reversal: 'reversal', confirmReverse: 'Reverse the payment of {a}?',
    openClaim: 'Claim work', confirmClaim: 'Open claim work for this invoice? The lawyer gets a task; if a claim is already open, it is shown.',
  },
}
