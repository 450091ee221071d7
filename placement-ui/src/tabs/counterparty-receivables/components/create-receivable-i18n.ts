// ru/en words of the new-invoice dialog's contract picker (CreateReceivableModal.vue).
import type { Dict, Lang } from '../../../app/i18n.ts'

export const createWords = {
  ru: {
    contractPick: 'Договор',
    contractNone: 'Без договора',
    contractNew: 'Новый договор…',
    contractNumber: 'Номер нового договора',
    contractDate: 'Дата договора',
    contractOf: '№ {n} от {d}',
    needContractNumber: 'Укажите номер нового договора',
    contractExists: 'Договор № {n} уже есть у контрагента: выберите его в списке',
  },
  en: {
    contractPick: 'Contract',
    contractNone: 'No contract',
    contractNew: 'New contract…',
    contractNumber: 'New contract number',
    contractDate: 'Contract date',
    contractOf: 'No. {n} of {d}',
    needContractNumber: 'Enter the new contract number',
    contractExists: 'The counterparty already has contract {n}: pick it from the list',
  },
} satisfies Record<Lang, Dict>
