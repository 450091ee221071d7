// One app iframe inside a portal page: the frame POST (form auto-submitted into the named
// iframe) plus the init data the host script answers getInitData with.
import { randomBytes } from 'node:crypto'
import type { Sandbox } from '../index.ts'
import { esc } from './layout.ts'

export interface FrameSpec {
  portalId: number
  appId: number
  userId: number
  placement: string
  options: Record<string, unknown>
  handler?: string
  install?: boolean
}

export function appFrame(sb: Sandbox, f: FrameSpec): { html: string; script: string } {
  const appSid = randomBytes(8).toString('hex')
  const post = sb.admin.framePost(f.portalId, f.appId, f.userId, f.placement, f.options, f.handler)
  const ps = sb.runtime.world.state(f.portalId)!
  const user = ps.users.get(f.userId)
  const windowName = post.windowName.replace(/\|[^|]*$/, `|${appSid}`)
  const url = post.url.replace(/APP_SID=[^&]*/, `APP_SID=${appSid}`)
  const origin = new URL(url).origin
  const init = {
    DOMAIN: ps.portal.domain,
    PROTOCOL: 0,
    PATH: '/',
    LANG: post.query.LANG,
    MEMBER_ID: ps.portal.memberId,
    AUTH_ID: post.fields.AUTH_ID,
    REFRESH_ID: post.fields.REFRESH_ID,
    AUTH_EXPIRES: Number(post.fields.AUTH_EXPIRES),
    IS_ADMIN: Boolean(user?.isAdmin),
    PLACEMENT: f.placement,
    PLACEMENT_OPTIONS: f.options,
    INSTALL: Boolean(f.install),
    FIRST_RUN: Boolean(f.install),
    APP_OPTIONS: {},
    USER_OPTIONS: {},
  }
  const inputs = Object.entries(post.fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')
  const html = `<form id="f-${appSid}" method="POST" action="${esc(url)}" target="${esc(windowName)}">${inputs}</form>
<iframe class="app" name="${esc(windowName)}" data-app-frame="${esc(f.placement)}"></iframe>`
  const script = `window.__frames=window.__frames||{};window.__frames[${JSON.stringify(appSid)}]=${JSON.stringify({ init, origin, appId: f.appId, userId: f.userId, name: windowName })};
document.getElementById(${JSON.stringify(`f-${appSid}`)}).submit();`
  return { html, script }
}
