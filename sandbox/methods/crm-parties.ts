// crm.company.*, crm.contact.*, crm.requisite.* (UPPER_CASE legacy API).
import { notFound, RestError } from '../rest/errors.ts'
import { parseFilter, matches } from '../rest/filter.ts'
import { page, sortRows, startOf } from '../rest/paging.ts'
import { obj, reqInt } from './common.ts'
import { assertReadParty, canReadParty } from './crm-permissions.ts'
import { companyRecord, contactRecord, partyOut, partySelect, requisiteRecord } from './crm-party-records.ts'
import type { MethodTable } from '../rest/registry-types.ts'
import type { Ctx, Params } from '../rest/context.ts'
import type { Rec } from '../state/types.ts'
import type { Table } from '../state/table.ts'

type Kind = { name: 'company' | 'contact'; event: string; table: (ctx: Ctx) => Table<Rec>; make: typeof companyRecord }

const KINDS: Kind[] = [
  { name: 'company', event: 'ONCRMCOMPANY', table: (ctx) => ctx.ps.companies, make: companyRecord },
  { name: 'contact', event: 'ONCRMCONTACT', table: (ctx) => ctx.ps.contacts, make: contactRecord },
]

function byId(ctx: Ctx, table: Table<Rec>, p: Params, what: string): Rec {
  const r = table.get(reqInt(p, 'id', 'ID'))
  if (!r) throw notFound(`${what} is not found`)
  return r
}

export function listRows(ctx: Ctx, rows: Rec[], p: Params) {
  const conds = parseFilter(p.filter ?? p.FILTER, (f) => f.toUpperCase())
  let out = rows.map((r) => partyOut(ctx, r)).filter((r) => matches(conds, (f) => r[f], ctx.zone))
  out = sortRows(
    out,
    p.order ?? p.ORDER ?? { ID: 'ASC' },
    (r, f) => r[f],
    (f) => f.toUpperCase(),
    ctx.zone,
  )
  const pg = page(out, startOf(p))
  return { result: pg.rows.map((r) => partySelect(r, p.select ?? p.SELECT)), total: pg.total, next: pg.next }
}

function kindMethods(k: Kind): MethodTable {
  const N = k.name === 'company' ? 'Company' : 'Contact'
  return {
    [`crm.${k.name}.add`]: {
      scope: 'crm',
      write: true,
      handler: (ctx, p) => {
        const row = k.table(ctx).insert(k.make(ctx, obj(p.fields), null))
        ctx.hooks.emit(ctx, `${k.event}ADD`, { FIELDS: { ID: String(row.id) } })
        return { result: row.id }
      },
    },
    [`crm.${k.name}.get`]: {
      scope: 'crm',
      handler: (ctx, p) => ({ result: partyOut(ctx, assertReadParty(ctx, byId(ctx, k.table(ctx), p, N))) }),
    },
    [`crm.${k.name}.list`]: {
      scope: 'crm',
      handler: (ctx, p) =>
        listRows(
          ctx,
          k
            .table(ctx)
            .values()
            .filter((r) => canReadParty(ctx, r)),
          p,
        ),
    },
    [`crm.${k.name}.update`]: {
      scope: 'crm',
      write: true,
      handler: (ctx, p) => {
        const prev = byId(ctx, k.table(ctx), p, N)
        k.table(ctx).save(k.make(ctx, obj(p.fields), prev))
        ctx.hooks.emit(ctx, `${k.event}UPDATE`, { FIELDS: { ID: String(prev.id) } })
        return { result: true }
      },
    },
    [`crm.${k.name}.delete`]: {
      scope: 'crm',
      write: true,
      handler: (ctx, p) => {
        const prev = byId(ctx, k.table(ctx), p, N)
        k.table(ctx).remove(prev.id)
        ctx.hooks.emit(ctx, `${k.event}DELETE`, { FIELDS: { ID: String(prev.id) } })
        return { result: true }
      },
    },
  }
}

export const crmPartyMethods: MethodTable = {
  ...kindMethods(KINDS[0]),
  ...kindMethods(KINDS[1]),
  'crm.requisite.list': { scope: 'crm', handler: (ctx, p) => listRows(ctx, ctx.ps.requisites.values(), p) },
  'crm.requisite.get': {
    scope: 'crm',
    handler: (ctx, p) => ({ result: partyOut(ctx, byId(ctx, ctx.ps.requisites, p, 'Requisite')) }),
  },
  'crm.requisite.add': {
    scope: 'crm',
    write: true,
    handler: (ctx, p) => {
      const f = obj(p.fields)
      if (!f.ENTITY_TYPE_ID || !f.ENTITY_ID) throw new RestError('', 'ENTITY_TYPE_ID and ENTITY_ID are required', 400)
      return { result: ctx.ps.requisites.insert(requisiteRecord(ctx, f)).id }
    },
  },
  'crm.requisite.update': {
    scope: 'crm',
    write: true,
    handler: (ctx, p) => {
      const prev = byId(ctx, ctx.ps.requisites, p, 'Requisite')
      ctx.ps.requisites.save({
        ...prev,
        ...Object.fromEntries(Object.entries(obj(p.fields)).map(([k, v]) => [k.toUpperCase(), v])),
        DATE_MODIFY: ctx.now,
      })
      return { result: true }
    },
  },
}
