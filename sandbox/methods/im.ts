// im.notify.system.add / im.notify.personal.add (reference 12): recorded, readable via SandboxClient.
import { RestError } from '../rest/errors.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'

function notify(kind: 'system' | 'personal') {
  return (ctx: Ctx, p: Params) => {
    const userId = Number(p.USER_ID ?? p.user_id ?? 0)
    const message = String(p.MESSAGE ?? p.message ?? '')
    if (!userId) throw new RestError('USER_ID_EMPTY', 'Recipient ID not specified', 400)
    if (!message.trim()) throw new RestError('MESSAGE_EMPTY', 'Message text not specified', 400)
    if (!ctx.ps.users.get(userId)) throw new RestError('USER_NOT_FOUND', 'Recipient not found', 400)
    const tag = p.TAG === undefined ? null : String(p.TAG)
    if (tag) {
      for (const n of ctx.ps.notifications.filter(
        (n) => n.tag === tag && n.appId === (ctx.app?.id ?? null) && !n.removed,
      )) {
        ctx.ps.notifications.save({ ...n, removed: true })
      }
    }
    const row = ctx.ps.notifications.insert({
      kind,
      userId,
      fromUserId: kind === 'personal' ? ctx.user.id : null,
      message,
      messageOut: p.MESSAGE_OUT ?? null,
      tag,
      subTag: p.SUB_TAG ?? null,
      attach: p.ATTACH ?? null,
      appId: ctx.app?.id ?? null,
      at: ctx.now,
      removed: false,
    })
    return { result: row.id }
  }
}

export const imMethods: MethodTable = {
  'im.notify.system.add': { scope: 'im', write: true, handler: notify('system') },
  'im.notify.personal.add': { scope: 'im', write: true, handler: notify('personal') },
}
