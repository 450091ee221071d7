// Texts of the reconciliation act panel of the counterparty tab.
export const actDict = {
  ru: {
    actTitle: 'Акт сверки',
    actFrom: 'С',
    actTo: 'По',
    actContract: 'Договор',
    actAll: 'Все договоры',
    actMake: 'Сформировать акт сверки',
    actMade: 'Акт № {n}: сальдо на начало {o}, на конец {c}',
    actAdvance: '(аванс контрагента)',
    actPdf: 'Скачать PDF',
    actXlsx: 'Скачать XLSX',
    actNeedFrom: 'Укажите начало периода',
  },
  en: {
    actTitle: 'Reconciliation statement',
    actFrom: 'From',
    actTo: 'To',
    actContract: 'Contract',
    actAll: 'All contracts',
    actMake: 'Make the reconciliation statement',
    actMade: 'Statement {n}: opening {o}, closing {c}',
    actAdvance: "(the counterparty's advance)",
    actPdf: 'Download PDF',
    actXlsx: 'Download XLSX',
    actNeedFrom: 'Set the start of the period',
  },
}
