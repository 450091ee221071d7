// Built-in reminder templates, ladders and languages by name, not by id ("before-due" -> "До срока").
// A template or ladder the admin added keeps its id as its name.
import type { AdminT } from '../i18n.ts'

const NAMES: Record<string, { ru: string; en: string }> = {
  'before-due': { ru: 'До срока', en: 'Before the due date' },
  'due-day': { ru: 'В день оплаты', en: 'On the due date' },
  overdue: { ru: 'Просрочка', en: 'Overdue' },
  'overdue-final': { ru: 'Последнее напоминание', en: 'Final reminder' },
  consolidated: { ru: 'Несколько счетов', en: 'Several invoices' },
  'task-check-invoice': { ru: 'Задача: проверить счёт', en: 'Task: check the invoice' },
  standard: { ru: 'стандартная', en: 'standard' },
  soft: { ru: 'мягкая', en: 'soft' },
  ru: { ru: 'русский', en: 'Russian' },
  en: { ru: 'английский', en: 'English' },
}

/** The page's language, told by its own words (the admin sections receive only `t`). */
export const langOf = (t: AdminT): 'ru' | 'en' => (t('pick') === 'Выбрать' ? 'ru' : 'en')

export function nameOf(id: string, t: AdminT): string {
  return NAMES[id]?.[langOf(t)] ?? id
}

/** Items for a NativeSelect: the id as the value, the name as the label. */
export const namedItems = (ids: readonly string[], t: AdminT) => ids.map((id) => ({ value: id, label: nameOf(id, t) }))
