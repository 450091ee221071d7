// Words of the statuses people asked for (issue 22): filters, badges and the header's chips.
export const statusWords = {
  ru: {
    sent: 'Отправлены клиенту',
    'due-soon': 'Скоро срок',
    stuck: 'Зависшие',
    st_sent: 'Отправлен клиенту',
    'st_due-soon': 'Скоро срок',
    st_stuck: 'Завис',
    chip_sent: 'Отправлено клиенту: {n}',
    'chip_due-soon': 'Скоро срок: {n}',
    chip_stuck: 'Зависло: {n}',
    stuckHint: 'Просрочен, и давно не было ни оплаты, ни смены стадии, ни контакта с клиентом',
  },
  en: {
    sent: 'Sent to client',
    'due-soon': 'Due soon',
    stuck: 'Stuck',
    st_sent: 'Sent to client',
    'st_due-soon': 'Due soon',
    st_stuck: 'Stuck',
    chip_sent: 'Sent to client: {n}',
    'chip_due-soon': 'Due soon: {n}',
    chip_stuck: 'Stuck: {n}',
    stuckHint: 'Overdue, and no payment, stage move or contact for a long time',
  },
}
