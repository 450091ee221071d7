// Words of the "receivable statuses" card of the admin page (issue 22).
import type { Lang } from '../../../app/i18n.ts'

const words = {
  ru: {
    title: 'Статусы счетов',
    hint: '«Скоро срок» — до срока оплаты осталось не больше N дней. «Завис» — счёт просрочен, и N дней не было ни оплаты, ни смены стадии, ни контакта с клиентом.',
    dueSoonDays: 'Скоро срок: дней до срока',
    stuckDays: 'Завис: дней без движения',
    needDays: 'Целое число дней от 1 до 365',
  },
  en: {
    title: 'Invoice statuses',
    hint: '"Due soon": at most N days to the due date. "Stuck": overdue, and no payment, stage move or contact with the client for N days.',
    dueSoonDays: 'Due soon: days before due',
    stuckDays: 'Stuck: days without movement',
    needDays: 'A whole number of days from 1 to 365',
  },
}

export const statusDaysT = (lang: Lang) => (k: keyof (typeof words)['en']) => words[lang][k]
