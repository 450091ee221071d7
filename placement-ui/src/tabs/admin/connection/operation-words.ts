// A pending portal change of the connection card in words: "create field rc_claims.x" -> "создать поле
// rc_claims.x" (the target is the portal's code of the thing and stays as it is).
import type { Lang } from '../../../app/i18n.ts'

const ACTIONS = {
  ru: { create: 'создать', update: 'обновить', delete: 'удалить' },
  en: { create: 'create', update: 'update', delete: 'delete' },
} as const
const KINDS = {
  ru: {
    event: 'обработчик события',
    field: 'поле',
    item: 'элемент',
    pipeline: 'воронку',
    placement: 'встройку',
    robot: 'робота',
    'smart-process': 'смарт-процесс',
    stage: 'стадию',
  },
  en: {
    event: 'event handler',
    field: 'field',
    item: 'item',
    pipeline: 'pipeline',
    placement: 'placement',
    robot: 'robot',
    'smart-process': 'smart process',
    stage: 'stage',
  },
} as const

export function operationText(op: string, lang: Lang): string {
  const m = /^(create|update|delete) ([a-z-]+) (.*)$/.exec(op)
  if (!m) return op
  const kind = (KINDS[lang] as Record<string, string>)[m[2]] ?? m[2]
  return `${ACTIONS[lang][m[1] as 'create']} ${kind} ${m[3]}`
}
