// CRM lists and cards of the portal page; a card's tabs are "General" plus every app placement.
import type { Sandbox } from '../index.ts'
import type { Rec } from '../state/types.ts'
import { esc } from './layout.ts'
import { appFrame } from './app-frame.ts'
import { boundPlacements } from './placements.ts'
import { itemGeneral, noticeOf, type FormState } from './item-form.ts'

type Kind = 'company' | 'contact' | 'item'

function table(sb: Sandbox, portalId: number, kind: Kind, etid: number | null) {
  const ps = sb.runtime.world.state(portalId)!
  return kind === 'company' ? ps.companies : kind === 'contact' ? ps.contacts : ps.items(etid!)
}

function titleOf(r: Record<string, unknown>, kind: Kind): string {
  if (kind === 'contact') return [r.NAME, r.LAST_NAME].filter(Boolean).join(' ') || `#${r.id}`
  return String(r.TITLE ?? r.title ?? `#${r.id}`)
}

const base = (kind: Kind, etid: number | null) => (kind === 'item' ? `/crm/type/${etid}` : `/crm/${kind}`)

export function crmList(
  sb: Sandbox,
  portalId: number,
  kind: Kind,
  etid: number | null,
  q: { user?: string } = {},
): string {
  const rows = table(sb, portalId, kind, etid)
    .values()
    .slice(0, 500)
    .map(
      (r) =>
        `<tr><td>${r.id}</td><td><a href="${base(kind, etid)}/details/${r.id}/">${esc(titleOf(r, kind))}</a></td></tr>`,
    )
    .join('')
  // Bitrix24 opens the form of a new item at details/0/
  const create =
    kind === 'item' && sb.runtime.world.state(portalId)!.typeByEntityTypeId(etid!)
      ? `<p><a class="btn" href="${base(kind, etid)}/details/0/${q.user ? `?user=${esc(q.user)}` : ''}" data-action="new-item">Создать</a></p>`
      : ''
  return `<div class="card body">${create}<table class="list">${rows || '<tr><td>Пусто</td></tr>'}</table></div>`
}

export function crmCard(
  sb: Sandbox,
  portalId: number,
  kind: Kind,
  etid: number | null,
  id: number,
  q: { user?: string; tab?: string } & Record<string, unknown>,
  userId: number,
  /** refusals and typed values when a change of the General tab was refused */
  state: FormState = {},
) {
  const rec = table(sb, portalId, kind, etid).get(id) as Record<string, unknown> | undefined
  const title = rec ? titleOf(rec, kind) : `Не найдено: #${id}`
  const code =
    kind === 'company'
      ? 'CRM_COMPANY_DETAIL_TAB'
      : kind === 'contact'
        ? 'CRM_CONTACT_DETAIL_TAB'
        : `CRM_DYNAMIC_${etid}_DETAIL_TAB`
  const ps = sb.runtime.world.state(portalId)!
  const type = kind === 'item' ? ps.typeByEntityTypeId(etid!) : undefined
  const tabs = rec ? boundPlacements(sb, portalId, code) : []
  const active = q.tab === undefined ? (tabs.length ? 1 : 0) : Number(q.tab)
  const u = q.user ? `&user=${userId}` : ''
  const tabLinks = [
    `<a href="?tab=0${u}" class="${active === 0 ? 'on' : ''}">Общие</a>`,
    ...tabs.map(
      (t, i) =>
        `<a href="?tab=${i + 1}${u}" class="${active === i + 1 ? 'on' : ''}" data-tab="${esc(t.title)}">${esc(t.title)}</a>`,
    ),
  ].join('')
  let body: string
  let script = ''
  if (!rec) body = '<p>Элемент не найден</p>'
  else if (type && (active === 0 || !tabs[active - 1])) {
    const st = { ...state, notice: state.notice ?? noticeOf(q) }
    const u = q.user ? `?user=${userId}` : ''
    body = itemGeneral(ps, type, rec as Rec, `${base(kind, etid)}/details/${id}/`, u, st)
  } else if (active === 0 || !tabs[active - 1]) {
    body = `<table class="fields">${Object.entries(rec)
      .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
      .slice(0, 40)
      .map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`)
      .join('')}</table>`
  } else {
    const t = tabs[active - 1]
    const f = appFrame(sb, {
      portalId,
      appId: t.appId,
      userId,
      placement: code,
      options: { ID: String(id) },
      handler: t.handler,
    })
    body = f.html
    script = f.script
  }
  return {
    title,
    html: `<div class="card"><div class="tabs">${tabLinks}</div><div class="body">${body}</div></div>`,
    script,
  }
}
