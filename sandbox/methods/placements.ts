// placement.bind|unbind|get|list (reference 9). Handlers are shown only after installFinish.
import { RestError } from '../rest/errors.ts'
import { obj } from './common.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'

const ENTITIES = ['LEAD', 'DEAL', 'CONTACT', 'COMPANY', 'QUOTE', 'SMART_INVOICE', 'ORDER']
const SUFFIXES = [
  'DETAIL_TAB',
  'DETAIL_TOOLBAR',
  'DETAIL_ACTIVITY',
  'LIST_MENU',
  'LIST_TOOLBAR',
  'DOCUMENTGENERATOR_BUTTON',
  'ACTIVITY_TIMELINE_MENU',
  'ROBOT_DESIGNER_TOOLBAR',
  'FUNNELS_TOOLBAR',
]
const OTHER = [
  'LEFT_MENU',
  'REST_APP_URI',
  'PAGE_BACKGROUND_WORKER',
  'TASK_VIEW_TAB',
  'TASK_VIEW_SIDEBAR',
  'USER_PROFILE_MENU',
  'CRM_ANALYTICS_MENU',
]

export function placementCodes(ctx: Ctx): string[] {
  const out: string[] = [...OTHER]
  for (const e of ENTITIES) for (const s of SUFFIXES) out.push(`CRM_${e}_${s}`)
  for (const t of ctx.ps.types.values())
    for (const s of SUFFIXES) out.push(`CRM_DYNAMIC_${String(t.entityTypeId)}_${s}`)
  return out
}

function bind(ctx: Ctx, p: Params) {
  const placement = String(p.PLACEMENT ?? p.placement ?? '').toUpperCase()
  const handler = String(p.HANDLER ?? p.handler ?? '')
  if (!placement) throw new RestError('ERROR_ARGUMENT', 'Argument PLACEMENT is empty', 400, { argument: 'PLACEMENT' })
  if (!placementCodes(ctx).includes(placement))
    throw new RestError('ERROR_PLACEMENT_NOT_FOUND', 'Placement not found', 400)
  if (!handler) throw new RestError('EMPTY_ERROR_HANDLER_URL', 'Handler URL is empty', 400)
  if (!/^https?:\/\//.test(handler)) throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400)
  if (ctx.ps.placements.find((x) => x.appId === ctx.app?.id && x.placement === placement && x.handler === handler)) {
    throw new RestError('', 'Unable to set placement handler: Handler already binded', 400)
  }
  const langAll = obj(p.LANG_ALL)
  ctx.ps.placements.insert({
    appId: ctx.app?.id,
    placement,
    handler,
    title: String(p.TITLE ?? obj(langAll.en).TITLE ?? ctx.app?.name ?? ''),
    description: String(p.DESCRIPTION ?? ''),
    groupName: String(p.GROUP_NAME ?? ''),
    langAll,
    options: obj(p.OPTIONS),
    userId: Number(p.USER_ID ?? 0),
  })
  return { result: true }
}

function unbind(ctx: Ctx, p: Params) {
  const placement = String(p.PLACEMENT ?? '').toUpperCase()
  const handler = p.HANDLER
  let count = 0
  for (const x of ctx.ps.placements.filter((x) => x.appId === ctx.app?.id && x.placement === placement)) {
    if (handler !== undefined && x.handler !== String(handler)) continue
    ctx.ps.placements.remove(x.id)
    count++
  }
  return { result: { count } }
}

export const placementMethods: MethodTable = {
  'placement.bind': { scope: 'placement', appOnly: 'WRONG_AUTH_TYPE', admin: true, write: true, handler: bind },
  'placement.unbind': { scope: 'placement', appOnly: 'WRONG_AUTH_TYPE', admin: true, write: true, handler: unbind },
  'placement.get': {
    scope: 'placement',
    appOnly: 'WRONG_AUTH_TYPE',
    handler: (ctx) => ({
      result: ctx.ps.placements
        .filter((x) => x.appId === ctx.app?.id)
        .map((x) => ({
          placement: x.placement,
          userId: x.userId,
          handler: x.handler,
          options: x.options,
          title: x.title,
          description: x.description,
          langAll: x.langAll,
        })),
    }),
  },
  'placement.list': {
    scope: 'placement',
    appOnly: 'WRONG_AUTH_TYPE',
    handler: (ctx) => ({ result: placementCodes(ctx) }),
  },
}
