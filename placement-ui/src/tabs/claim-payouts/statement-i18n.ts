// Texts of the statement of claim button of the claim tab ("Court preparation").
export const statementDict = {
  ru: {
    stTitle: 'Исковое заявление',
    stHint: 'Черновик DOCX для арбитражного суда: стороны, счета, претензия, расчёт по дату подачи, госпошлина',
    stDate: 'Дата подачи',
    stCourt: 'Суд',
    stMake: 'Скачать черновик (DOCX)',
  },
  en: {
    stTitle: 'Statement of claim',
    stHint:
      'A DOCX draft for the arbitration court: parties, invoices, claim letter, accruals to the filing date, state duty',
    stDate: 'Filing date',
    stCourt: 'Court',
    stMake: 'Download the draft (DOCX)',
  },
}
