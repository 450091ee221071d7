// What a person changes in a smart-process item card: the stage, the fields, a new item. Every change
// is the REST call the portal's own card makes (crm.item.update / crm.item.add, run in-process as that
// person), so validation, automation and events (ONCRMDYNAMICITEMUPDATE / ONCRMDYNAMICITEMADD, with
// the person's user_id in `auth`) are exactly those of a REST call. A refused change writes nothing.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Sandbox } from '../index.ts'
import { RestError } from '../rest/errors.ts'
import { stagesOf } from '../methods/spa-setup.ts'
import { crmCard } from './crm-pages.ts'
import { editableFields, readItemForm } from './item-input.ts'
import { newItemForm, type FormState } from './item-form.ts'
import { esc } from './layout.ts'
import type { PageQuery, Render } from './routes.ts'

type Params = { etid: string; id: string }
type Body = { f?: unknown; stageId?: unknown } | undefined

export function registerItemRoutes(
  app: FastifyInstance,
  portalId: number,
  holder: { sb?: Sandbox },
  render: Render,
  userOf: (q: PageQuery) => number,
) {
  const sb = () => holder.sb!
  const ps = () => sb().runtime.world.state(portalId)!
  const back = (etid: number, id: number, q: PageQuery, flag: string) =>
    `/crm/type/${etid}/details/${id}/?tab=0&${flag}=1${q.user ? `&user=${userOf(q)}` : ''}`

  /** A refusal page (unknown type, item or person): the reason and a way back, nothing changed. */
  const refuse = (reply: FastifyReply, q: PageQuery, status: number, message: string, backTo: string) =>
    reply
      .status(status)
      .type('text/html')
      .send(
        render(
          q,
          'Изменение не выполнено',
          `<div class="card body"><div class="msg error" role="alert"><p>${esc(message)}</p></div><p><a href="${esc(backTo)}">Назад</a></p></div>`,
          backTo,
        ),
      )

  /** The card (or the new-item form) again, with the refusal and what the person typed. */
  const again = (reply: FastifyReply, q: PageQuery, etid: number, id: number, state: FormState, status = 400) => {
    const type = ps().typeByEntityTypeId(etid)!
    const base = `/crm/type/${etid}/details/${id}/`
    if (id === 0) {
      const html = newItemForm(ps(), type, base, q.user ? `?user=${userOf(q)}` : '', state)
      return reply
        .status(status)
        .type('text/html')
        .send(render(q, `${String(type.title)}: новый элемент`, html, `/crm/type/${etid}/`))
    }
    const card = crmCard(sb(), portalId, 'item', etid, id, { ...q, tab: '0' }, userOf(q), state)
    return reply
      .status(status)
      .type('text/html')
      .send(render(q, card.title, card.html, `/crm/type/${etid}/`, card.script))
  }

  /** The type, the item (null for details/0/) and the person, or a refusal already sent. */
  const resolve = (reply: FastifyReply, p: Params, q: PageQuery) => {
    const etid = Number(p.etid)
    const id = Number(p.id)
    const type = Number.isInteger(etid) ? ps().typeByEntityTypeId(etid) : undefined
    if (!type) return void refuse(reply, q, 404, `Смарт-процесс ${p.etid} не найден`, '/')
    const list = `/crm/type/${etid}/`
    const item = Number.isInteger(id) && id > 0 ? ps().items(etid).get(id) : undefined
    if (id !== 0 && !item) return void refuse(reply, q, 404, `Элемент #${p.id} не найден`, list)
    const user = ps().users.get(userOf(q))
    if (!user?.active) return void refuse(reply, q, 403, `Пользователь ${userOf(q)} не найден на портале`, list)
    return { etid, id, type, item: item ?? null, user }
  }

  const restMessage = (e: unknown) =>
    e instanceof RestError ? `Портал отказал: ${e.message} (${e.code})` : `Портал отказал: ${String(e)}`

  app.get<{ Params: { etid: string }; Querystring: PageQuery }>('/crm/type/:etid/details/0/', async (req, reply) => {
    const r = resolve(reply, { etid: req.params.etid, id: '0' }, req.query)
    if (!r) return reply
    return again(reply, req.query, r.etid, 0, {}, 200)
  })

  app.post<{ Params: Params; Querystring: PageQuery; Body: Body }>(
    '/crm/type/:etid/details/:id/',
    async (req, reply) => {
      const q = req.query
      const r = resolve(reply, req.params, q)
      if (!r) return reply
      const typed = (req.body?.f ?? {}) as Record<string, unknown>
      const { fields, errors } = readItemForm(editableFields(ps(), r.type), r.item, req.body?.f)
      if (errors.length) return again(reply, q, r.etid, r.id, { errors, typed })
      if (r.item && Object.keys(fields).length === 0) return reply.redirect(back(r.etid, r.id, q, 'unchanged'), 303)
      try {
        const method = r.item ? 'crm.item.update' : 'crm.item.add'
        const params = r.item ? { entityTypeId: r.etid, id: r.id, fields } : { entityTypeId: r.etid, fields }
        const out = await sb().admin.call<{ item: { id: number } }>(portalId, method, params, { userId: r.user.id })
        return reply.redirect(back(r.etid, out.result.item.id, q, r.item ? 'saved' : 'created'), 303)
      } catch (e) {
        return again(reply, q, r.etid, r.id, { errors: [restMessage(e)], typed })
      }
    },
  )

  app.post<{ Params: Params; Querystring: PageQuery; Body: Body }>(
    '/crm/type/:etid/details/:id/stage/',
    async (req, reply) => {
      const q = req.query
      const r = resolve(reply, req.params, q)
      if (!r) return reply
      if (!r.item) return refuse(reply, q, 404, 'Сначала создайте элемент', `/crm/type/${r.etid}/`)
      const stageId = typeof req.body?.stageId === 'string' ? req.body.stageId : ''
      if (r.type.isStagesEnabled !== 'Y')
        return again(reply, q, r.etid, r.id, { errors: ['У этого смарт-процесса нет стадий'] })
      // the card offers the stages of the item's own pipeline only (a move to another pipeline is a
      // different action in Bitrix24)
      const stages = stagesOf(ps(), r.etid, Number(r.item.categoryId))
      if (!stages.some((s) => s.STATUS_ID === stageId))
        return again(reply, q, r.etid, r.id, {
          errors: [`Стадии «${stageId}» нет в воронке этого элемента: стадия не изменена`],
        })
      if (stageId === r.item.stageId) return reply.redirect(back(r.etid, r.id, q, 'unchanged'), 303)
      try {
        await sb().admin.call(
          portalId,
          'crm.item.update',
          { entityTypeId: r.etid, id: r.id, fields: { stageId } },
          { userId: r.user.id },
        )
        return reply.redirect(back(r.etid, r.id, q, 'moved'), 303)
      } catch (e) {
        return again(reply, q, r.etid, r.id, { errors: [restMessage(e)] })
      }
    },
  )
}
