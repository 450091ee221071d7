// `npm run cli -- doctor --portal <member_id>`: checks a connected portal against what the app needs, reading
// only (scope, method.get, app.info, crm.type.list, crm.item.fields): the scopes granted vs needed, each method
// the app calls reachable, our smart processes' type settings and fields as the portal reports them, and the
// plan's rate limit. Nothing in the portal or our database is changed.
import type { AppDeps } from '../app-deps.ts'
import type { PortalClient } from '../../bitrix24/client/portal-client.ts'
import { APP_METHODS, NEEDED_SCOPES } from '../../bitrix24/app-methods.ts'
import { FLAGS } from '../../../install/resources/smart-processes.ts'

export interface DoctorProcess {
  key: string
  entityTypeId: number
  found: boolean
  /** type settings we rely on that the portal reports switched off */
  switchedOff: string[]
  /** our fields the portal does not list in crm.item.fields */
  missingFields: string[]
}
export interface DoctorReport {
  memberId: string
  ok: boolean
  scopes: { granted: string[]; missing: { scope: string; why: string }[] }
  methods: { checked: number; unavailable: { method: string; scope: string | null; exists: boolean }[] }
  processes: DoctorProcess[]
  rateLimit: { licence: string | null; perSecond: number; burst: number }
  problems: string[]
}

type TypeRow = { id: number; entityTypeId: number } & Record<string, unknown>

async function methodsReachable(client: PortalClient): Promise<DoctorReport['methods']['unavailable']> {
  const names = Object.keys(APP_METHODS)
  const cmds = Object.fromEntries(names.map((m, i) => [`m${i}`, { method: 'method.get', params: { name: m } }]))
  const res = await client.batch<{ isExisting: boolean; isAvailable: boolean }>(cmds, { halt: false })
  return names.flatMap((method, i) => {
    const r = res.results[`m${i}`]
    return r?.isAvailable ? [] : [{ method, scope: APP_METHODS[method], exists: !!r?.isExisting }]
  })
}

export async function doctorPortal(ctx: AppDeps, memberId: string): Promise<DoctorReport> {
  if (!ctx.b24) throw new Error('no Bitrix24 connection configured')
  const client = await ctx.b24.forPortal(memberId)
  const state = await ctx.repos.installState.get(memberId)
  const granted = (await client.call<string[]>('scope', {})).map(String)
  const missing = NEEDED_SCOPES.filter((s) => !granted.includes(s.scope))
  const unavailable = await methodsReachable(client)
  const info = await client.call<{ LICENSE_FAMILY?: string; LICENSE?: string }>('app.info', {})
  const family = String(info.LICENSE_FAMILY ?? '') || null
  // settings/performance/limits.md: 2 requests/s with a burst of 50, Enterprise 5/s and 250
  const rateLimit = { licence: family, perSecond: family === 'ent' ? 5 : 2, burst: family === 'ent' ? 250 : 50 }
  const processes: DoctorProcess[] = []
  const types = (await client.call<{ types: TypeRow[] }>('crm.type.list', {})).types ?? []
  for (const [key, p] of Object.entries(state?.processes ?? {})) {
    if (!p) continue
    const row = types.find((t) => Number(t.id) === p.typeId)
    if (!row) {
      processes.push({ key, entityTypeId: p.entityTypeId, found: false, switchedOff: [], missingFields: [] })
      continue
    }
    const switchedOff = Object.keys(FLAGS).filter((f) => f in row && String(row[f]) !== 'Y')
    const listed = (
      await client.call<{ fields: Record<string, unknown> }>('crm.item.fields', {
        entityTypeId: p.entityTypeId,
      })
    ).fields
    const missingFields = Object.values(p.fields)
      .map((f) => f.restName)
      .filter((n) => !(n in (listed ?? {})))
    processes.push({ key, entityTypeId: p.entityTypeId, found: true, switchedOff, missingFields })
  }
  const problems = [
    ...missing.map((s) => `scope "${s.scope}" is not granted (needed for ${s.why})`),
    ...unavailable.map((m) =>
      m.exists
        ? `method ${m.method} is not available (scope ${m.scope ?? 'basic'})`
        : `method ${m.method} does not exist`,
    ),
    ...processes.flatMap((p) => [
      ...(p.found ? [] : [`smart process "${p.key}" (entityTypeId ${p.entityTypeId}) is not in the portal`]),
      ...p.switchedOff.map((f) => `smart process "${p.key}": ${f} is switched off`),
      ...p.missingFields.map((f) => `smart process "${p.key}": field ${f} is not listed by crm.item.fields`),
    ]),
    ...(state ? [] : ['the app is not installed in this portal yet (no install state): run `install apply`']),
  ]
  return {
    memberId,
    ok: problems.length === 0,
    scopes: { granted, missing },
    methods: { checked: Object.keys(APP_METHODS).length, unavailable },
    processes,
    rateLimit,
    problems,
  }
}

export function formatDoctor(r: DoctorReport): string {
  const lines = [`Portal ${r.memberId}: ${r.ok ? 'OK, ready for the app' : `${r.problems.length} problem(s)`}`]
  lines.push(`Scopes granted: ${r.scopes.granted.join(', ') || '(none)'}`)
  lines.push(`Methods reachable: ${r.methods.checked - r.methods.unavailable.length} of ${r.methods.checked}`)
  for (const p of r.processes)
    lines.push(
      `Smart process ${p.key} (${p.entityTypeId}): ${!p.found ? 'missing' : p.switchedOff.length || p.missingFields.length ? 'needs attention' : 'OK'}`,
    )
  lines.push(
    `Rate limit: ${r.rateLimit.perSecond} requests/s, burst ${r.rateLimit.burst} (plan ${r.rateLimit.licence ?? 'unknown'})`,
  )
  for (const p of r.problems) lines.push(`  ✗ ${p}`)
  return lines.join('\n')
}
