// The "General" tab of a smart-process item card: the stage bar (a click moves the item), the
// editable fields and, below, every stored field read-only. Also the empty form of a new item.
import { esc } from './layout.ts'
import { editableFields, fieldLabel, shown } from './item-input.ts'
import { stagesOf } from '../methods/spa-setup.ts'
import type { FieldDef } from '../methods/item-schema.ts'
import type { PortalState } from '../state/portal-state.ts'
import type { Rec } from '../state/types.ts'

export type FormState = {
  /** refusals to show above the form */
  errors?: string[]
  /** a line saying what was just done */
  notice?: string
  /** what the person typed (kept when the form is refused) */
  typed?: Record<string, unknown>
}

const NOTICES: Record<string, string> = {
  saved: 'Изменения сохранены',
  unchanged: 'Изменений нет: ничего не сохранено',
  moved: 'Стадия изменена',
  created: 'Элемент создан',
}

export function noticeOf(q: Record<string, unknown>): string | undefined {
  const k = Object.keys(NOTICES).find((n) => q[n] === '1')
  return k ? NOTICES[k] : undefined
}

function messages(s: FormState): string {
  const errs = (s.errors ?? []).map((e) => `<p>${esc(e)}</p>`).join('')
  return (
    (errs ? `<div class="msg error" role="alert">${errs}</div>` : '') +
    (s.notice ? `<div class="msg ok" role="status">${esc(s.notice)}</div>` : '')
  )
}

function input(d: FieldDef, value: string): string {
  const name = `f[${d.upper}]`
  const attrs = `name="${esc(name)}" data-field="${esc(d.upper)}"${d.required ? ' required' : ''}`
  if (d.type === 'date') return `<input type="date" ${attrs} value="${esc(value)}">`
  if (d.type === 'text') return `<textarea ${attrs} rows="3">${esc(value)}</textarea>`
  if (d.type === 'boolean')
    return `<select ${attrs}>${[
      ['', '—'],
      ['Y', 'Да'],
      ['N', 'Нет'],
    ]
      .map(([v, l]) => `<option value="${v}"${v === value ? ' selected' : ''}>${l}</option>`)
      .join('')}</select>`
  if (d.type === 'enumeration') {
    const opts = ((d.uf?.enum ?? []) as Rec[])
      .map((e) => `<option value="${esc(e.id)}"${String(e.id) === value ? ' selected' : ''}>${esc(e.value)}</option>`)
      .join('')
    return `<select ${attrs}><option value="">—</option>${opts}</select>`
  }
  const mode =
    d.type === 'money' || d.type === 'double'
      ? ' inputmode="decimal"'
      : d.type === 'integer'
        ? ' inputmode="numeric"'
        : ''
  const suffix = d.type === 'money' ? ' <span class="hint">₽</span>' : ''
  return `<input type="text" ${attrs}${mode} value="${esc(value)}">${suffix}`
}

function fieldsForm(defs: FieldDef[], item: Rec | null, action: string, s: FormState): string {
  const rows = defs
    .map((d) => {
      const typed = s.typed?.[d.upper]
      const value = typeof typed === 'string' ? typed : shown(d, item?.[d.key])
      return `<tr><td><label>${esc(fieldLabel(d))}${d.required ? ' *' : ''}</label></td><td>${input(d, value)}</td></tr>`
    })
    .join('')
  const button = item ? 'Сохранить' : 'Создать'
  return `<form method="POST" action="${esc(action)}" class="item-form"><table class="fields">${rows}</table>
<p><button class="btn" type="submit" data-action="${item ? 'save' : 'create'}">${button}</button></p></form>`
}

function stageBar(ps: PortalState, type: Rec, item: Rec, action: string): string {
  if (type.isStagesEnabled !== 'Y') return ''
  const stages = stagesOf(ps, Number(type.entityTypeId), Number(item.categoryId))
  const buttons = stages
    .map((st) => {
      const on = st.STATUS_ID === item.stageId
      return `<button type="submit" name="stageId" value="${esc(st.STATUS_ID)}" class="stage${on ? ' on' : ''}" style="--c:${esc(st.COLOR ?? '#2fc6f6')}"${on ? ' aria-current="step"' : ''}>${esc(st.NAME)}</button>`
    })
    .join('')
  return `<form method="POST" action="${esc(action)}" class="stages" aria-label="Стадии">${buttons}</form>`
}

/** The General tab of an existing item. `base`: the card's path; `u`: the `?user=` query or ''. */
export function itemGeneral(ps: PortalState, type: Rec, item: Rec, base: string, u: string, s: FormState): string {
  const all = `<h3>Все поля</h3><table class="fields">${Object.entries(item)
    .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
    .slice(0, 40)
    .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`)
    .join('')}</table>`
  return (
    messages(s) +
    stageBar(ps, type, item, `${base}stage/${u}`) +
    fieldsForm(editableFields(ps, type), item, `${base}${u}`, s) +
    all
  )
}

/** The empty form of a new item (Bitrix24 opens it at /crm/type/<id>/details/0/). */
export function newItemForm(ps: PortalState, type: Rec, base: string, u: string, s: FormState): string {
  return `<div class="card"><div class="body">${messages(s)}${fieldsForm(editableFields(ps, type), null, `${base}${u}`, s)}</div></div>`
}
