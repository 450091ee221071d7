// Ill-formed Unicode in request bodies: a lone UTF-16 surrogate ("\ud800" in JSON) in any field of any
// /api route that takes a JSON body, and a percent-encoded lone surrogate in a portal form body
// (/bitrix/*), is refused at the body parser with 400 and writes nothing (it used to reach the
// database and fail there with 500 after the first writes of a request were committed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import qs from 'qs'
import { startFuzzWorld, type FuzzWorld } from './fuzz-world.ts'
import { apiRoutes, routeKey } from './route-list.ts'
import { routeSpecs } from './fuzz-route-specs.ts'

let w: FuzzWorld
beforeAll(async () => {
  w = await startFuzzWorld()
}, 120_000)
afterAll(async () => w?.close())

/** The template with every text value (and, when it has none, one extra key) made a lone surrogate. */
function poisoned(v: unknown, lone: string): unknown {
  if (typeof v === 'string') return `${v}${lone}`
  if (Array.isArray(v)) return v.map((x) => poisoned(x, lone))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poisoned(x, lone)]))
  return v
}

describe('lone surrogates', () => {
  it.each(['\ud800', '\udfff', 'a\udc00b'])(
    'JSON %j in every text field of every /api route with a body: 400, nothing written',
    async (lone) => {
      const specs = routeSpecs(w.ids, Buffer.alloc(0))
      const registered = new Set((await apiRoutes(w.app)).map(routeKey))
      const withBody = specs.filter((s) => typeof s.body === 'object' && registered.has(routeKey(s)))
      expect(withBody.length).toBeGreaterThan(20)
      const before = await w.snapshot()
      for (const s of withBody) {
        let url = s.url
        for (const [k, v] of Object.entries(s.params)) url = url.replace(`:${k}`, encodeURIComponent(v))
        const template = (s.body as { template: Record<string, unknown> }).template
        const body = { ...(poisoned(template, lone) as object), [`note${lone}`]: lone }
        const res = await w.app.inject({
          method: s.method as 'POST',
          url,
          headers: {
            authorization: `Bearer ${s.apiKey ? w.apiKey : w.admin}`,
            ...(s.apiKey ? {} : { 'x-b24-member-id': w.memberId }),
            'content-type': 'application/json',
          },
          payload: JSON.stringify(body),
        })
        expect([res.statusCode, res.json().error], routeKey(s)).toEqual([400, 'request.ill-formed-unicode'])
      }
      expect(await w.snapshot()).toEqual(before)
    },
    120_000,
  )

  it('a percent-encoded lone surrogate (or a cut UTF-8 sequence) in a portal form body: 400 before anything else', async () => {
    const appToken = (await w.ctx.repos.portals.get(w.memberId))!.applicationToken!
    const before = await w.snapshot()
    const auth = { member_id: w.memberId, application_token: appToken, domain: w.portal.domain }
    for (const bad of ['%ED%A0%80', '%ED%BF%BF', '%D0']) {
      for (const [url, body] of [
        [
          '/bitrix/events',
          `${qs.stringify({ event: 'ONCRMDYNAMICITEMUPDATE', ts: '1', auth })}&data[FIELDS][ID]=${bad}`,
        ],
        ['/bitrix/robots/penalty-calculate', `${qs.stringify({ code: 'x', auth })}&properties[note]=${bad}`],
        ['/bitrix/placements/admin', `member_id=${w.memberId}&PLACEMENT_OPTIONS=${bad}`],
        ['/bitrix/install', `member_id=${w.memberId}&LANG=${bad}`],
      ]) {
        const res = await w.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: body,
        })
        expect([res.statusCode, res.json().error], `${url} ${bad}`).toEqual([400, 'request.ill-formed-unicode'])
      }
    }
    expect(await w.snapshot()).toEqual(before)
  })
})
