// The sandbox reproduces the reference payload examples (tests/fixtures/b24) field for field:
// the same keys at every level (extras only where the reference says they may appear) and the
// same kind of value (integer, URL, hex token, JSON, text).
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, makeSpa, setup, waitFor, type World } from './harness.ts'

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/b24/${name}.json`, import.meta.url), 'utf8'))

function kind(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  const s = String(v)
  if (/^\d+$/.test(s)) return 'int'
  if (/^\d+\.\d+$/.test(s)) return 'float'
  if (/^https?:\/\//.test(s)) return 'url'
  if (/^[0-9a-f]{16,}$/.test(s)) return 'hex'
  if (/^[[{]/.test(s)) return 'json'
  return s === '' ? 'empty' : 'text'
}

/** Differences between an example and an actual payload; `extras` lists allowed additional key paths. */
function diff(expected: unknown, actual: unknown, extras: string[], path = '', strictTypes = false): string[] {
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null)
      return [`${path}: expected an object/array, got ${JSON.stringify(actual)}`]
    const out: string[] = []
    for (const k of Object.keys(expected)) {
      if (!(k in (actual as object))) out.push(`${path}.${k}: missing`)
      else
        out.push(
          ...diff(
            (expected as Record<string, unknown>)[k],
            (actual as Record<string, unknown>)[k],
            extras,
            `${path}.${k}`,
            strictTypes,
          ),
        )
    }
    for (const k of Object.keys(actual))
      if (!(k in expected) && !extras.includes(`${path}.${k}`)) out.push(`${path}.${k}: unexpected`)
    return out
  }
  if (strictTypes && typeof expected !== typeof actual) return [`${path}: ${typeof expected} vs ${typeof actual}`]
  return kind(expected) === kind(actual)
    ? []
    : [`${path}: ${kind(expected)} (${String(expected)}) vs ${kind(actual)} (${String(actual)})`]
}

let w: World
let spa: { id: number; entityTypeId: number }
const posted = (path: string) => w.rx.received.filter((r) => r.path === path).map((r) => r.body)

beforeAll(async () => {
  w = await setup()
  spa = await makeSpa(w.b24)
})
afterAll(async () => w.close())

describe('payloads match the reference examples', () => {
  it('token refresh answer (reference 1.3)', async () => {
    const t = w.sb.admin.issueTokens(w.portalId, w.appId)
    const q = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: w.app.clientId,
      client_secret: w.app.clientSecret,
      refresh_token: String(t.refresh_token),
    })
    const body: unknown = await (await fetch(`${w.sb.baseUrl}/oauth/token/?${q.toString()}`)).json()
    expect(diff(fixture('token-refresh'), body, [], '', true)).toEqual([])
  })

  it('ONAPPINSTALL (reference 1.4) and frame POST (reference 1.2)', () => {
    expect(diff(fixture('onappinstall'), posted('/install-event')[0], ['.auth.expires', '.auth.user_id'])).toEqual([])
    const f = w.sb.admin.framePost(w.portalId, w.appId, 1, 'CRM_COMPANY_DETAIL_TAB', { ID: '5' }, `${w.rx.url}/tab`)
    expect(diff(fixture('frame-post'), { query: f.query, fields: f.fields }, [])).toEqual([])
  })

  it('ONCRMDYNAMICITEMUPDATE and ONTASKADD (reference 7.2)', async () => {
    await call(w.b24, 'event.bind', { event: 'ONCRMDYNAMICITEMUPDATE', handler: `${w.rx.url}/ev` })
    await call(w.b24, 'event.bind', { event: 'ONTASKADD', handler: `${w.rx.url}/ev` })
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'x' } })
    await call(w.b24, 'crm.item.update', { entityTypeId: spa.entityTypeId, id: item.id, fields: { title: 'y' } })
    await call(w.b24, 'tasks.task.add', { fields: { TITLE: 't', RESPONSIBLE_ID: 1 } })
    await w.sb.admin.flush()
    // two deliveries at once may arrive in either order
    const of = (event: string) => posted('/ev').find((b) => (b as { event?: string }).event === event)
    const [upd, task] = [of('ONCRMDYNAMICITEMUPDATE'), of('ONTASKADD')]
    expect(diff(fixture('oncrmdynamicitemupdate'), upd, [])).toEqual([])
    expect(diff(fixture('ontaskadd'), task, [])).toEqual([])
  })

  it('robot call (reference 8.2)', async () => {
    await call(w.b24, 'bizproc.robot.add', {
      CODE: 'calc_margin',
      HANDLER: `${w.rx.url}/robot`,
      AUTH_USER_ID: 1,
      USE_SUBSCRIPTION: 'Y',
      NAME: 'Calc',
      PROPERTIES: { rate: { Name: 'Rate', Type: 'double' } },
    })
    w.sb.admin.setAutomation(w.portalId, spa.entityTypeId, `DT${spa.entityTypeId}_1:CLIENT`, [
      { robot: 'calc_margin', properties: { rate: '1.5' } },
    ])
    const { item } = await call(w.b24, 'crm.item.add', { entityTypeId: spa.entityTypeId, fields: { title: 'r' } })
    await call(w.b24, 'crm.item.update', {
      entityTypeId: spa.entityTypeId,
      id: item.id,
      fields: { stageId: `DT${spa.entityTypeId}_1:CLIENT` },
    })
    const body = await waitFor(() => posted('/robot')[0])
    expect(diff(fixture('robot-call'), body, [])).toEqual([])
  })

  it('ONAPPUNINSTALL (reference 1.5)', async () => {
    await call(w.b24, 'event.bind', { event: 'ONAPPUNINSTALL', handler: `${w.rx.url}/bye` })
    await w.sb.admin.uninstallApp(w.portalId, w.appId, { clean: true })
    expect(diff(fixture('onappuninstall'), posted('/bye')[0], ['.event_handler_id'])).toEqual([])
  })
})
