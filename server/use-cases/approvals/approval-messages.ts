// Texts of approval notifications (ru / en). Plain text: the same string goes to the portal and Telegram.
import { formatRubles } from '../../domain/money/index.ts'
import type { ApprovalState } from '../../domain/approvals/index.ts'

type Lang = 'ru' | 'en'
export interface RequestRef {
  title: string
  url: string | null
}

const amountOf = (s: ApprovalState, lang: Lang) =>
  s.facts.amount === null ? '' : `, ${formatRubles(s.facts.amount, lang)}`
const ref = (r: RequestRef) => (r.url ? `«${r.title}» ${r.url}` : `«${r.title}»`)

export const approvalMessages = {
  approveRequest: (lang: Lang, r: RequestRef, s: ApprovalState) =>
    lang === 'ru'
      ? `Нужно ваше согласование: ${ref(r)}${amountOf(s, lang)}`
      : `Your approval is needed: ${ref(r)}${amountOf(s, lang)}`,
  approveInCard: (lang: Lang, r: RequestRef) =>
    lang === 'ru'
      ? `Вы руководитель — согласуйте заявку прямо в карточке: ${ref(r)}`
      : `You are the head: approve the request right in its card: ${ref(r)}`,
  reminder: (lang: Lang, r: RequestRef) =>
    lang === 'ru'
      ? `Напоминание: заявка ждёт вашего согласования уже 2 рабочих дня: ${ref(r)}`
      : `Reminder: the request has waited for your approval for 2 working days: ${ref(r)}`,
  escalation: (lang: Lang, r: RequestRef, assignee: number | null) =>
    lang === 'ru'
      ? `Заявка зависла${assignee ? ` у сотрудника #${assignee}` : ''}; вы можете согласовать её вместо него: ${ref(r)}`
      : `A request is stuck${assignee ? ` with user #${assignee}` : ''}; you may approve it instead: ${ref(r)}`,
  rejected: (lang: Lang, r: RequestRef, reason: string) =>
    lang === 'ru'
      ? `Заявка отклонена: ${ref(r)}. Причина: ${reason}. Исправьте её и запустите согласование заново.`
      : `The request was rejected: ${ref(r)}. Reason: ${reason}. Fix it and restart the approval.`,
  paid: (lang: Lang, r: RequestRef) =>
    lang === 'ru' ? `Счёт оплачен: ${ref(r)}` : `The invoice has been paid: ${ref(r)}`,
  approved: (lang: Lang, r: RequestRef) =>
    lang === 'ru' ? `Согласование завершено: ${ref(r)}` : `The approval is complete: ${ref(r)}`,
  refusedMove: (lang: Lang, r: RequestRef, why: string) =>
    lang === 'ru' ? `Перемещение заявки ${ref(r)} отменено: ${why}` : `The move of ${ref(r)} was undone: ${why}`,
  mainTaskTitle: (lang: Lang) => (lang === 'ru' ? 'Выполнить оплату' : 'Make the payment'),
  subTaskTitle: (lang: Lang) =>
    lang === 'ru'
      ? 'Прикрепить платёжное поручение с отметкой банка'
      : "Attach the payment order with the bank's stamp",
  checklist: (lang: Lang) =>
    lang === 'ru'
      ? [
          'Сверить реквизиты получателя со счётом',
          'Проверить сумму и назначение платежа',
          'Провести платёж в банке',
          'Передать платёжку младшему бухгалтеру',
        ]
      : [
          "Check the payee's details against the invoice",
          'Check the amount and the payment purpose',
          'Make the payment in the bank',
          'Hand the payment order to the junior accountant',
        ],
  paymentDetails: (lang: Lang, r: RequestRef, s: ApprovalState, deadline: string) =>
    [
      lang === 'ru' ? `Заявка: ${ref(r)}` : `Request: ${ref(r)}`,
      lang === 'ru'
        ? `Сумма: ${s.facts.amount === null ? '—' : formatRubles(s.facts.amount, lang)}`
        : `Amount: ${s.facts.amount === null ? '—' : formatRubles(s.facts.amount, lang)}`,
      lang === 'ru' ? `Статья расходов: ${s.facts.costItem ?? '—'}` : `Cost item: ${s.facts.costItem ?? '—'}`,
      lang === 'ru' ? `Срок: ${deadline}` : `Due: ${deadline}`,
    ].join('\n'),
}
