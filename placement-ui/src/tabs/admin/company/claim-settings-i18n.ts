// Words of the "Claim work" form (company section of the admin page).
import { translator, type Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    title: 'Работа по претензиям',
    hint: 'Кто получает задачи на выплату траншей по претензиям, за сколько рабочих дней до срока транша они ставятся и кто завершает работу по претензии.',
    accountant: 'Бухгалтер для выплаты траншей',
    accountantHint: 'Ставится ответственным в задачу «Выплатить транш».',
    days: 'За сколько рабочих дней до срока ставить задачу',
    daysHint: 'От 0 (в день срока) до 30. По умолчанию — {n}.',
    specialist: 'Специалист по претензиям',
    specialistHint:
      'Получает задачи претензионной работы (ведение, урегулирование, закрытие оплаченной, «Завершить работу по претензии»), когда другой исполнитель не указан.',
    userId: 'ID сотрудника',
    pick: 'Выбрать',
    clear: 'По умолчанию',
    byDefault: 'По умолчанию: {name} — {role} из ролей согласования',
    role_juniorAccountant: 'бухгалтер',
    role_chiefAccountant: 'главный бухгалтер',
    role_lawyer: 'юрист',
    noAccountant: 'По умолчанию: ответственный за претензию (в ролях согласования нет бухгалтера)',
    noSpecialist: 'По умолчанию: ответственный за претензию (в ролях согласования нет юриста)',
    notChosen: 'по умолчанию',
    unknown: 'сотрудник не найден в портале',
    badUser: '«{f}»: ID сотрудника — целое положительное число',
    badDays: 'Число дней — целое от 0 до 30',
    save: 'Сохранить',
    saved: 'Сохранено',
  },
  en: {
    title: 'Claim work',
    hint: "Who gets the tasks to pay out the claim tranches, how many working days before a tranche's deadline they are set, and who completes the work on a claim.",
    accountant: 'Accountant paying out the tranches',
    accountantHint: 'Responsible for the "Pay out the tranche" tasks.',
    days: 'Working days before the deadline to set the task',
    daysHint: 'From 0 (on the deadline) to 30. By default, {n}.',
    specialist: 'Claim specialist',
    specialistHint:
      'Gets the claim work tasks (handling, settlement, closing a paid claim, "Complete the work on the claim") when no other assignee is set.',
    userId: 'Employee ID',
    pick: 'Pick',
    clear: 'Default',
    byDefault: 'By default: {name}, the {role} from the approval roles',
    role_juniorAccountant: 'accountant',
    role_chiefAccountant: 'chief accountant',
    role_lawyer: 'lawyer',
    noAccountant: 'By default: the person responsible for the claim (no accountant in the approval roles)',
    noSpecialist: 'By default: the person responsible for the claim (no lawyer in the approval roles)',
    notChosen: 'default',
    unknown: 'not found in the portal',
    badUser: '"{f}": the employee ID is a positive whole number',
    badDays: 'The number of days is a whole number from 0 to 30',
    save: 'Save',
    saved: 'Saved',
  },
}
export const claimSettingsT = (lang: Lang) => translator(dict, lang)
export const claimSettingsDict = dict
