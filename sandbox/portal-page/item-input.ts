// What a person typed into a smart-process item form of the portal page, checked the way the
// portal's own card checks it before anything is saved (an absurd amount or an impossible date is
// refused with a message, nothing is written). The accepted values go to crm.item.add/update.
import { itemSchema, type FieldDef } from '../methods/item-schema.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

/** Standard fields a person edits in the card; the rest are set by the portal itself. */
const STANDARD = new Set(['title', 'opportunity', 'begindate', 'closedate'])
const EDITABLE_TYPES = new Set([
  'string',
  'text',
  'url',
  'integer',
  'double',
  'money',
  'date',
  'enumeration',
  'boolean',
])
/** The largest amount the card accepts: one trillion roubles. */
const MAX_AMOUNT = 1_000_000_000_000

const RU: Record<string, string> = {
  title: 'Название',
  opportunity: 'Сумма',
  begindate: 'Дата начала',
  closedate: 'Дата завершения',
}

/** The field's name in the card: the user field's label, or the portal's Russian name of a standard field. */
export function fieldLabel(d: FieldDef): string {
  return d.dynamic ? d.title : (RU[d.key] ?? d.title)
}

export function editableFields(ps: PortalState, type: Rec): FieldDef[] {
  return itemSchema(ps, type).filter(
    (d) =>
      !d.readOnly &&
      !d.multiple &&
      EDITABLE_TYPES.has(d.type) &&
      (d.dynamic || STANDARD.has(d.key)) &&
      d.type !== 'crm_status',
  )
}

/** The stored value as the form shows it (money without its currency, dates as YYYY-MM-DD). */
export function shown(d: FieldDef, v: unknown): string {
  if (v === null || v === undefined) return ''
  if (d.type === 'money') return String(v).split('|')[0]
  if (d.type === 'date') return String(v).slice(0, 10)
  if (d.type === 'double') return String(v)
  return String(v)
}

type FormResult = { fields: Record<string, unknown>; errors: string[] }

const AMOUNT = /^\d{1,18}(\.\d{1,2})?$/

function amount(d: FieldDef, raw: string, errors: string[]): string | null {
  const s = raw.replace(/[\s\u00a0]/g, '').replace(',', '.')
  if (s.startsWith('-')) {
    errors.push(`«${fieldLabel(d)}»: сумма не может быть отрицательной (${raw})`)
    return null
  }
  if (!AMOUNT.test(s)) {
    errors.push(`«${fieldLabel(d)}»: «${raw}» — не сумма (цифры и не больше двух знаков после запятой)`)
    return null
  }
  if (Number(s) > MAX_AMOUNT) {
    errors.push(`«${fieldLabel(d)}»: сумма ${raw} больше допустимой (1 000 000 000 000)`)
    return null
  }
  return s
}

function day(d: FieldDef, raw: string, errors: string[]): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw)
  const [y, mo, da] = !m ? [0, 0, 0] : m[1].length === 4 ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]]
  const date = new Date(Date.UTC(y, mo - 1, da))
  if (!m || y < 1900 || y > 2100 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== da) {
    errors.push(`«${fieldLabel(d)}»: «${raw}» — не дата (ДД.ММ.ГГГГ, годы 1900–2100)`)
    return null
  }
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`
}

/** One field's typed text as the value crm.item takes, or null with a message in `errors`. */
function valueOf(d: FieldDef, raw: string, current: unknown, errors: string[]): unknown {
  switch (d.type) {
    case 'money': {
      const a = amount(d, raw, errors)
      const cur = typeof current === 'string' && current.includes('|') ? current.split('|')[1] : 'RUB'
      return a === null ? undefined : `${a}|${cur}`
    }
    case 'double': {
      const a = amount(d, raw, errors)
      return a === null ? undefined : Number(a)
    }
    case 'integer':
      if (!/^-?\d{1,10}$/.test(raw)) {
        errors.push(`«${fieldLabel(d)}»: «${raw}» — не целое число`)
        return undefined
      }
      return Number(raw)
    case 'date':
      return day(d, raw, errors) ?? undefined
    case 'boolean':
      if (raw !== 'Y' && raw !== 'N') {
        errors.push(`«${fieldLabel(d)}»: выберите «Да» или «Нет»`)
        return undefined
      }
      return raw
    case 'enumeration': {
      const ids = ((d.uf?.enum ?? []) as Rec[]).map((e) => String(e.id))
      if (!ids.includes(raw)) {
        errors.push(`«${fieldLabel(d)}»: такого варианта нет (${raw})`)
        return undefined
      }
      return Number(raw)
    }
    default:
      if (raw.length > (d.type === 'text' ? 10_000 : 255)) {
        errors.push(`«${fieldLabel(d)}»: слишком длинное значение (${raw.length} знаков)`)
        return undefined
      }
      return raw
  }
}

/**
 * The form's fields (`f[<UPPER_NAME>]`) checked against the type's schema. Only fields that differ
 * from `item` are returned; a field the card does not offer is refused, not ignored.
 */
export function readItemForm(defs: FieldDef[], item: Rec | null, form: unknown): FormResult {
  const errors: string[] = []
  const fields: Record<string, unknown> = {}
  const given = form && typeof form === 'object' && !Array.isArray(form) ? (form as Record<string, unknown>) : {}
  const byUpper = new Map(defs.map((d) => [d.upper, d]))
  for (const [name, value] of Object.entries(given)) {
    const d = byUpper.get(name)
    if (!d) {
      errors.push(`Поля «${name}» нет в карточке`)
      continue
    }
    if (typeof value !== 'string') {
      errors.push(`«${fieldLabel(d)}»: ожидается одно значение`)
      continue
    }
    const raw = value.trim()
    const current = item?.[d.key]
    if (raw === shown(d, current).trim()) continue
    if (raw === '') {
      if (d.required) errors.push(`«${fieldLabel(d)}»: обязательное поле`)
      else fields[d.camel] = '' // crm.item stores an empty value as null
      continue
    }
    const v = valueOf(d, raw, current, errors)
    if (v !== undefined) fields[d.camel] = v
  }
  if (!item) {
    for (const d of defs) if (d.required && !(d.camel in fields)) errors.push(`«${fieldLabel(d)}»: обязательное поле`)
  }
  return { fields: errors.length ? {} : fields, errors: [...new Set(errors)] }
}
