// crm.timeline.comment.add|get|update|delete|list (reference 10): comments in an item's timeline.
import { RestError, notFound } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { isoAt } from '../util/time.ts'
import { obj, reqInt, selectKeys } from './common.ts'
import { ownerExists } from './timeline-owners.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'

// api-reference/crm/timeline/comments/crm-timeline-comment-get.md: ID, ENTITY_ID and AUTHOR_ID are strings;
// FILES is an object keyed by file id ({ id, date, type, name, size, authorId, urlShow, urlDownload, … });
// without files it is PHP's empty array, `[]`.
function commentOut(ctx: Ctx, c: Rec): Record<string, unknown> {
  const files = Array.isArray(c.FILES) ? (c.FILES as unknown[]) : []
  const out: Record<string, Record<string, unknown>> = {}
  files.forEach((f, i) => {
    const [name, data] = Array.isArray(f) ? f.map(String) : [String(obj(f).name ?? `file${i + 1}`), '']
    const id = Number(c.id) * 1000 + i + 1
    const url = `http://${ctx.ps.portal.domain}/disk/downloadFile/${id}/?&ncc=1&filename=${encodeURIComponent(name)}`
    out[String(id)] = {
      id,
      date: isoAt(Number(c.CREATED), ctx.zone),
      type: 'file',
      name,
      size: Math.floor((data.length * 3) / 4),
      authorId: Number(c.AUTHOR_ID),
      urlShow: url.replace('downloadFile', 'showFile'),
      urlDownload: url,
    }
  })
  return {
    ID: String(c.id),
    CREATED: isoAt(Number(c.CREATED), ctx.zone),
    ENTITY_ID: String(c.ENTITY_ID),
    ENTITY_TYPE: c.ENTITY_TYPE,
    AUTHOR_ID: String(c.AUTHOR_ID),
    COMMENT: c.COMMENT,
    FILES: files.length ? out : [],
  }
}

function commentById(ctx: Ctx, p: Params): Rec {
  const c = ctx.ps.comments.get(reqInt(p, 'id', 'ID'))
  if (!c) throw notFound('Comment not found')
  return c
}

function commentAdd(ctx: Ctx, p: Params) {
  const f = obj(p.fields)
  const type = String(f.ENTITY_TYPE ?? '').toLowerCase()
  const id = Number(f.ENTITY_ID)
  if (!type || !id) throw new RestError('INVALID_ARG_VALUE', 'ENTITY_ID and ENTITY_TYPE are required', 400)
  if (!f.COMMENT) throw new RestError('INVALID_ARG_VALUE', 'Comment is empty', 400)
  const own = ownerExists(ctx, type, id)
  if (own === 'type') throw new RestError('OWNER_NOT_FOUND', 'Owner not found', 400)
  if (own === 'item') throw notFound('Owner item not found')
  const c = ctx.ps.comments.insert({
    ENTITY_TYPE: type,
    ENTITY_ID: id,
    COMMENT: String(f.COMMENT),
    AUTHOR_ID: ctx.user.id,
    CREATED: ctx.now,
    FILES: f.FILES ?? [],
  })
  return { result: c.id }
}

export const timelineCommentMethods: MethodTable = {
  'crm.timeline.comment.add': { scope: 'crm', write: true, handler: commentAdd },
  'crm.timeline.comment.get': { scope: 'crm', handler: (ctx, p) => ({ result: commentOut(ctx, commentById(ctx, p)) }) },
  'crm.timeline.comment.update': {
    scope: 'crm',
    write: true,
    handler: (ctx, p) => {
      const c = commentById(ctx, p)
      const f = obj(p.fields)
      if (f.COMMENT !== undefined && !f.COMMENT) throw new RestError('INVALID_ARG_VALUE', 'Comment is empty', 400)
      ctx.ps.comments.save({
        ...c,
        ...(f.COMMENT !== undefined ? { COMMENT: String(f.COMMENT) } : {}),
        ...(f.FILES !== undefined ? { FILES: f.FILES } : {}),
      })
      return { result: c.id }
    },
  },
  'crm.timeline.comment.delete': {
    scope: 'crm',
    write: true,
    handler: (ctx, p) => {
      ctx.ps.comments.remove(commentById(ctx, p).id)
      return { result: true }
    },
  },
  'crm.timeline.comment.list': {
    scope: 'crm',
    handler: (ctx, p) => {
      const f = { ...obj(p.filter) }
      if (!f.ENTITY_ID || !f.ENTITY_TYPE)
        throw new RestError('INVALID_ARG_VALUE', 'ENTITY_ID and ENTITY_TYPE are required in filter', 400)
      f.ENTITY_TYPE = String(f.ENTITY_TYPE).toLowerCase()
      const conds = parseFilter(f, (k) => k.toUpperCase())
      let rows = ctx.ps.comments
        .values()
        .map((c) => commentOut(ctx, c))
        .filter((c) => matches(conds, (k) => c[k], ctx.zone))
      rows = sortRows(
        rows,
        p.order ?? { CREATED: 'DESC', ID: 'DESC' },
        (r, k) => (k === 'ID' ? Number(r.ID) : r[k]),
        (k) => k.toUpperCase(),
        ctx.zone,
      )
      const pg = page(rows, startOf(p))
      return { result: pg.rows.map((r) => selectKeys(r, p.select, ['ID'])), total: pg.total, next: pg.next }
    },
  },
}
