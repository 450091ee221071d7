// Words of the "Who hears about statement lines" form (statements section of the admin page).
import { translator, type Lang } from '../../../app/i18n.ts'

const dict = {
  ru: {
    title: 'Кому сообщать о платежах на разбор',
    hint: 'Эти сотрудники получают уведомление, когда строки выписки или платежи из API ждут разбора, и могут разбирать очередь (кроме администраторов).',
    people: 'Сотрудники',
    none: 'Никто не выбран.',
    byDefault: 'По умолчанию — бухгалтеры из ролей согласования: {names}.',
    noDefault: 'По умолчанию — бухгалтеры из ролей согласования, но роли не заполнены: уведомлять некого.',
    add: 'ID сотрудника',
    addButton: 'Добавить',
    pick: 'Выбрать',
    remove: 'Убрать {name}',
    unknown: 'сотрудник не найден в портале',
    badUser: 'ID сотрудника — целое положительное число',
    tooMany: 'Не больше {n} сотрудников',
    already: 'Этот сотрудник уже в списке',
    save: 'Сохранить',
    saved: 'Сохранено',
  },
  en: {
    title: 'Who hears about payments to review',
    hint: 'These people are notified when statement lines or payments from the API wait for review, and may work the review queue (besides the administrators).',
    people: 'People',
    none: 'Nobody is chosen.',
    byDefault: 'By default, the accountants from the approval roles: {names}.',
    noDefault: 'By default, the accountants from the approval roles, but the roles are empty: nobody is notified.',
    add: 'Employee ID',
    addButton: 'Add',
    pick: 'Pick',
    remove: 'Remove {name}',
    unknown: 'not found in the portal',
    badUser: 'The employee ID is a positive whole number',
    tooMany: 'At most {n} people',
    already: 'This person is already on the list',
    save: 'Save',
    saved: 'Saved',
  },
}
export const statementSettingsT = (lang: Lang) => translator(dict, lang)
export const statementSettingsDict = dict
