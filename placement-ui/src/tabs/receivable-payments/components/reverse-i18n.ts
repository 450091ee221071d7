// ru/en words of the reversal dialog (ReverseModal.vue).
import type { Dict, Lang } from '../../../app/i18n.ts'

export const reverseWords = {
  ru: {
    title: 'Сторнировать оплату {a} от {d}',
    explain: 'В истории останется отрицательная запись на ту же сумму, остаток долга вырастет.',
    reason: 'Причина сторно',
    needReason: 'Укажите причину: она попадёт в журнал',
    submit: 'Сторнировать',
  },
  en: {
    title: 'Reverse the payment of {a} of {d}',
    explain: 'A negative entry of the same amount stays in the history and the remaining debt grows.',
    reason: 'Reason for the reversal',
    needReason: 'Enter the reason: it goes into the log',
    submit: 'Reverse',
  },
} satisfies Record<Lang, Dict>
