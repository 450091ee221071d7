export const dict = {
  ru: {
    noClaim: 'Данных по претензии пока нет: сервер претензий не вернул эту карточку.', payouts: 'Выплаты по траншам', recovery: 'Взыскание долга',
    deadline: 'Срок', amount: 'Сумма', status: 'Статус', paidOn: 'Дата оплаты', paidBy: 'Кто оплатил', user: 'Сотрудник #{n}', planned: 'Запланирован', paid: 'Оплачен',
    add: 'Добавить транш', edit: 'Изменить', delete: 'Удалить', confirmDelete: 'Удалить транш на {a}?', empty: 'Траншей нет',
    total: 'Всего выплат', paidTotal: 'Выплачено', remaining: 'Осталось', agreed: 'Согласованная компенсация', matches: 'График совпадает с согласованной суммой.',
    over: 'График больше согласованной суммы на {a}.', short: 'До согласованной суммы не хватает {a}.', noAgreed: 'Согласованная сумма компенсации не указана в карточке.',
    trancheTitle: 'Транш', badAmount: 'Укажите положительную сумму, не больше двух знаков после запятой', badDate: 'Укажите дату', save: 'Сохранить',
    principal: 'Основной долг', penalty: 'Неустойка', interest: 'Проценты (ст. 395)', claimTotal: 'Итого к взысканию', method: 'Метод расчёта',
    claimSent: 'Претензия отправлена', pretrialEnds: 'Претензионный срок до', limitationEnds: 'Исковая давность до',
    letter: 'Претензионное письмо', openLetter: 'Открыть PDF', generated: 'сформировано {d}', generate: 'Сформировать', regenerate: 'Сформировать заново', noLetter: 'Письмо ещё не сформировано',
    courtCase: 'Судебное дело', noCourtCase: 'Номер дела не указан', documents: 'Документы', search: 'Поиск по документам', noDocs: 'Документов нет',
  },
  en: {
    noClaim: 'No claim data yet: the claims service did not return this card.', payouts: 'Payouts in tranches', recovery: 'Debt recovery',
    deadline: 'Deadline', amount: 'Amount', status: 'Status', paidOn: 'Paid on', paidBy: 'Paid by', user: 'User #{n}', planned: 'Planned', paid: 'Paid',
    add: 'Add a tranche', edit: 'Edit', delete: 'Delete', confirmDelete: 'Delete the tranche of {a}?', empty: 'No tranches',
    total: 'Total payouts', paidTotal: 'Paid', remaining: 'Remaining', agreed: 'Agreed compensation', matches: 'The schedule matches the agreed amount.',
    over: 'The schedule exceeds the agreed amount by {a}.', short: 'The schedule is {a} short of the agreed amount.', noAgreed: 'The agreed compensation is not set in the card.',
    trancheTitle: 'Tranche', badAmount: 'Enter a positive amount with at most two decimals', badDate: 'Enter a date', save: 'Save',
    principal: 'Principal', penalty: 'Penalty', interest: 'Interest (art. 395)', claimTotal: 'Total claimed', method: 'Method',
    claimSent: 'Claim sent', pretrialEnds: 'Pre-trial period ends', limitationEnds: 'Limitation period ends',
    letter: 'Claim letter', openLetter: 'Open PDF', generated: 'generated {d}', generate: 'Generate', regenerate: 'Regenerate', noLetter: 'No letter generated yet',
    courtCase: 'Court case', noCourtCase: 'No case number', documents: 'Documents', search: 'Search documents', noDocs: 'No documents',
  },
}
export type ClaimT = (k: keyof typeof dict.en & string, v?: Record<string, string | number>) => string
