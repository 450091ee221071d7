// The Market of the portal page: the registered apps with their state, install and uninstall.
import type { FastifyInstance } from 'fastify'
import type { Sandbox } from '../index.ts'
import { esc } from './layout.ts'
import type { PageQuery, Render } from './routes.ts'

type MarketQuery = PageQuery & { uninstalled?: string }

export function registerMarketPages(
  app: FastifyInstance,
  portalId: number,
  holder: { sb?: Sandbox },
  render: Render,
  userOf: (q: PageQuery) => number,
) {
  const sb = () => holder.sb!
  const ps = () => sb().runtime.world.state(portalId)!

  const market = (q: MarketQuery, error?: string) => {
    const u = q.user ? `?user=${userOf(q)}` : ''
    const rows = sb()
      .runtime.world.apps.values()
      .map((a) => {
        const inst = ps().installFor(a.id)
        const state = inst?.installed ? (inst.finished ? 'установлено' : 'установка не завершена') : 'не установлено'
        // Bitrix24 asks before uninstalling and offers to delete the app's data too (CLEAN=1 in ONAPPUNINSTALL)
        const remove = `<details class="uninstall"><summary class="btn btn-grey" data-uninstall="${a.id}">Удалить</summary>
<form method="POST" action="/marketplace/uninstall/${a.id}/${u}"><label><input type="checkbox" name="clean" value="Y"> удалить и данные приложения</label>
<button class="btn btn-red" data-uninstall-confirm="${a.id}">Удалить приложение</button></form></details>`
        const action = inst?.installed
          ? `<a class="btn" href="/marketplace/app/${a.id}/${u}">Открыть</a> ${remove}`
          : `<form method="POST" action="/marketplace/install/${a.id}/"><button class="btn" data-install="${a.id}">Установить</button></form>`
        return `<tr><td>${esc(a.name)}</td><td>${esc(a.code)}</td><td>${state}</td><td>${action}</td></tr>`
      })
      .join('')
    const gone = q.uninstalled ? sb().runtime.world.apps.get(Number(q.uninstalled)) : undefined
    const msg =
      (error ? `<div class="msg error" role="alert"><p>${esc(error)}</p></div>` : '') +
      (gone ? `<div class="msg ok" role="status">Приложение «${esc(gone.name)}» удалено</div>` : '')
    return render(
      q,
      'Маркет',
      `${msg}<div class="card body"><table class="list">${rows}</table></div>`,
      '/marketplace/',
    )
  }

  app.get<{ Querystring: MarketQuery }>('/marketplace/', async (req, reply) =>
    reply.type('text/html').send(market(req.query)),
  )
  app.post<{ Params: { appId: string } }>('/marketplace/install/:appId/', async (req, reply) => {
    await sb().admin.installApp(portalId, Number(req.params.appId), { userId: 1 })
    return reply.redirect(`/marketplace/app/${req.params.appId}/?install=1`)
  })

  // Uninstall as Bitrix24 does it (api-reference/common/events/on-app-uninstall.md,
  // settings/app-uninstallation.md; reference 1.5): only an administrator may; the app's REST access
  // is revoked first, then ONAPPUNINSTALL (no tokens, CLEAN = the "delete data" tick) goes to the
  // handlers it bound, then its handlers and placements are gone. sandbox/market/install.ts does it,
  // the same code as admin.uninstallApp; installing again afterwards is a new install.
  app.post<{ Params: { appId: string }; Querystring: PageQuery; Body: { clean?: unknown } | undefined }>(
    '/marketplace/uninstall/:appId/',
    async (req, reply) => {
      const q = req.query
      const a = sb().runtime.world.apps.get(Number(req.params.appId))
      const refuse = (status: number, message: string) =>
        reply.status(status).type('text/html').send(market(q, message))
      if (!a) return refuse(404, `Приложение #${req.params.appId} не найдено`)
      const user = ps().users.get(userOf(q))
      if (!user?.active || !user.isAdmin) return refuse(403, 'Удалять приложения может только администратор портала')
      if (!ps().installFor(a.id)) return refuse(409, `Приложение «${a.name}» не установлено`)
      await sb().admin.uninstallApp(portalId, a.id, { clean: req.body?.clean === 'Y' })
      return reply.redirect(`/marketplace/?uninstalled=${a.id}${q.user ? `&user=${userOf(q)}` : ''}`, 303)
    },
  )
}
