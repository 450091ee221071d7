// The portal page: CRM cards with app tabs, the app's main and install pages, the Market.
import type { FastifyInstance } from 'fastify'
import type { Sandbox } from '../index.ts'
import { esc, page } from './layout.ts'
import { appFrame } from './app-frame.ts'
import { boundPlacements } from './placements.ts'
import { frameHostScript } from './frame-host-script.ts'
import { hostHelpersScript } from './host-helpers-script.ts'
import { crmPickerScript } from './crm-picker-script.ts'
import { canReadParty } from '../methods/crm-permissions.ts'
import type { Ctx } from '../rest/context.ts'
import { crmCard, crmList } from './crm-pages.ts'
import { registerItemRoutes } from './item-routes.ts'
import { registerMarketPages } from './market-page.ts'

type Q = { user?: string; tab?: string; install?: string }
export type PageQuery = Q
/** A portal page: the chrome (top bar, menu of this person) around `body`. */
export type Render = (q: Q, title: string, body: string, active: string, scripts?: string) => string

export function registerPortalPages(app: FastifyInstance, portalId: number, holder: { sb?: Sandbox }) {
  const sb = () => holder.sb!
  const ps = () => sb().runtime.world.state(portalId)!
  const userOf = (q: Q) => Math.max(1, Number(q.user) || 1)
  const menu = (q: Q): [string, string][] => {
    const s = q.user ? `?user=${userOf(q)}` : ''
    return [
      [`/${s}`, 'Главная'],
      [`/crm/company/${s}`, 'Компании'],
      [`/crm/contact/${s}`, 'Контакты'],
      ...ps()
        .types.values()
        .map((t) => [`/crm/type/${t.entityTypeId}/${s}`, String(t.title)] as [string, string]),
      ...boundPlacements(sb(), portalId, 'LEFT_MENU').map(
        (p) => [`/marketplace/app/${p.appId}/${s}`, p.title] as [string, string],
      ),
      [`/marketplace/${s}`, 'Маркет'],
    ]
  }
  const render: Render = (q, title, body, active, scripts = '') => {
    const u = ps().users.get(userOf(q))
    return page(title, `${body}<script>${frameHostScript}${hostHelpersScript}${crmPickerScript}${scripts}</script>`, {
      user: u ? `${u.name} ${u.lastName}` : `user ${userOf(q)}`,
      menu: menu(q),
      active,
    })
  }

  app.get('/favicon.ico', async (_req, reply) => reply.status(204).send())
  app.get<{ Querystring: Q }>('/', async (req, reply) => {
    const apps = sb()
      .runtime.world.apps.values()
      .filter((a) => ps().installFor(a.id)?.installed)
    const body = `<div class="card body"><p>Портал <b>${esc(ps().portal.title)}</b> (member_id ${esc(ps().portal.memberId)}).</p>
      <p>Установленные приложения: ${apps.map((a) => `<a href="/marketplace/app/${a.id}/">${esc(a.name)}</a>`).join(', ') || 'нет'}</p></div>`
    return reply.type('text/html').send(render(req.query, 'Главная', body, '/'))
  })

  for (const kind of ['company', 'contact'] as const) {
    app.get<{ Querystring: Q }>(`/crm/${kind}/`, async (req, reply) =>
      reply
        .type('text/html')
        .send(
          render(
            req.query,
            kind === 'company' ? 'Компании' : 'Контакты',
            crmList(sb(), portalId, kind, null),
            `/crm/${kind}/`,
          ),
        ),
    )
    app.get<{ Params: { id: string }; Querystring: Q }>(`/crm/${kind}/details/:id/`, async (req, reply) => {
      const card = crmCard(sb(), portalId, kind, null, Number(req.params.id), req.query, userOf(req.query))
      return reply.type('text/html').send(render(req.query, card.title, card.html, `/crm/${kind}/`, card.script))
    })
  }
  app.get<{ Params: { etid: string }; Querystring: Q }>('/crm/type/:etid/', async (req, reply) =>
    reply
      .type('text/html')
      .send(
        render(
          req.query,
          'Элементы',
          crmList(sb(), portalId, 'item', Number(req.params.etid), req.query),
          `/crm/type/${req.params.etid}/`,
        ),
      ),
  )
  registerItemRoutes(app, portalId, holder, render, userOf)
  app.get<{ Params: { etid: string; id: string }; Querystring: Q }>(
    '/crm/type/:etid/details/:id/',
    async (req, reply) => {
      const card = crmCard(
        sb(),
        portalId,
        'item',
        Number(req.params.etid),
        Number(req.params.id),
        req.query,
        userOf(req.query),
      )
      return reply
        .type('text/html')
        .send(render(req.query, card.title, card.html, `/crm/type/${req.params.etid}/`, card.script))
    },
  )

  registerMarketPages(app, portalId, holder, render, userOf)
  app.get<{ Params: { appId: string }; Querystring: Q }>('/marketplace/app/:appId/', async (req, reply) => {
    const a = sb().admin.app(Number(req.params.appId))
    const inst = ps().installFor(a.id)
    if (!inst?.installed) return reply.redirect('/marketplace/')
    const installing = !inst.finished && a.installUrl !== null
    const handler = installing ? a.installUrl! : (a.appUrl ?? a.installUrl ?? '')
    const f = appFrame(sb(), {
      portalId,
      appId: a.id,
      userId: userOf(req.query),
      placement: 'DEFAULT',
      options: {},
      handler,
      install: installing,
    })
    const after = `document.addEventListener('portal:install-finished',function(){setTimeout(function(){location.href='/marketplace/app/${a.id}/'},300)});`
    return reply
      .type('text/html')
      .send(
        render(req.query, a.name, `<div class="card">${f.html}</div>`, `/marketplace/app/${a.id}/`, f.script + after),
      )
  })

  app.post<{ Body: { appId: number; userId: number } }>('/_portal/refresh', async (req) => {
    const t = sb().admin.issueTokens(portalId, Number(req.body.appId), Number(req.body.userId) || 1)
    return { AUTH_ID: t.access_token, REFRESH_ID: t.refresh_token, AUTH_EXPIRES: t.expires_in }
  })
  app.post<{ Body: { appId: number } }>('/_portal/finish', async (req) => ({
    result: sb().admin.finishInstall(portalId, Number(req.body.appId)),
  }))
  app.get('/_portal/users', async () =>
    ps()
      .users.values()
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: `${u.name} ${u.lastName}`, position: u.workPosition })),
  )
  // the records behind the CRM chooser (crm-picker-script.ts): what this user's CRM role lets them read
  app.get<{ Querystring: { types?: string; user?: string } }>('/_portal/crm', async (req) => {
    const u = ps().users.get(userOf(req.query))
    if (!u) return []
    const ctx = { user: u } as Ctx
    const types = String(req.query.types ?? '').split(',')
    const rows = (type: 'company' | 'contact', prefix: string) =>
      !types.includes(type)
        ? []
        : (type === 'company' ? ps().companies : ps().contacts)
            .values()
            .filter((r) => canReadParty(ctx, r))
            .slice(0, 500)
            .map((r) => ({
              id: `${prefix}${r.id}`,
              type,
              place: type,
              title:
                type === 'company'
                  ? String(r.TITLE ?? `#${r.id}`)
                  : [r.NAME, r.LAST_NAME].filter(Boolean).join(' ') || `#${r.id}`,
              desc: '',
              url: `/crm/${type}/details/${r.id}/`,
            }))
    return [...rows('company', 'CO_'), ...rows('contact', 'C_')]
  })
  return boundPlacements
}
