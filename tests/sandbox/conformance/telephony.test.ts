// Conformance: telephony lines and the callback through raw HTTP (exact error bodies), as their pages say
// (api-reference/telephony/voximplant/lines/voximplant-line-get.md, …/lines/voximplant-line-outgoing-get.md,
// …/voximplant-callback-start.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setup, type World } from '../harness.ts'

let w: World

beforeAll(async () => {
  w = await setup()
})
afterAll(async () => w.close())

async function raw(method: string, params: Record<string, unknown> = {}) {
  const res = await fetch(`${String(w.tokens.client_endpoint)}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, auth: w.tokens.access_token }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}
const start = (extra: Record<string, unknown> = {}) =>
  raw('voximplant.callback.start', {
    FROM_LINE: 'reg151083',
    TO_NUMBER: '+7 (495) 123-45-67',
    TEXT_TO_PRONOUNCE: 'Calling Romashka LLC about invoice 7',
    ...extra,
  })
const me = async () => Number(((await raw('profile')).body.result as { ID: string }).ID)

describe('telephony lines and callbacks', () => {
  it('voximplant.line.get: an object LINE_ID -> name (empty without lines; then no default line either)', async () => {
    expect((await raw('voximplant.line.get')).body.result).toEqual({})
    expect((await raw('voximplant.line.outgoing.get')).body.result).toBe('')
    w.sb.admin.seedTelephony(w.portalId, {
      lines: [
        { id: 'reg151083', name: 'Cloud PBX (9)' },
        { id: 'sip7', name: 'Office PBX 1' },
      ],
      outgoing: 'sip7',
    })
    const lines = await raw('voximplant.line.get')
    expect([lines.status, lines.body.result]).toEqual([200, { reg151083: 'Cloud PBX (9)', sip7: 'Office PBX 1' }])
  })

  it('voximplant.line.outgoing.get: the default line id, a string', async () => {
    const r = await raw('voximplant.line.outgoing.get')
    expect([r.status, r.body.result]).toEqual([200, 'sip7'])
  })

  it('voximplant.callback.start: required parameters, an unknown line and a wrong number are refused', async () => {
    for (const name of ['FROM_LINE', 'TO_NUMBER', 'TEXT_TO_PRONOUNCE']) {
      const r = await start({ [name]: '' })
      expect([r.status, r.body.error, r.body.error_description]).toEqual([
        400,
        'ERROR_ARGUMENT',
        `Argument ${name} is null or empty`,
      ])
    }
    const line = await start({ FROM_LINE: 'reg000000' })
    expect([line.status, line.body.error, line.body.error_description]).toEqual([
      400,
      'ERROR_CORE',
      'Could not find line reg000000',
    ])
    const number = await start({ TO_NUMBER: 'call the secretary' })
    expect([number.status, number.body.error, number.body.error_description]).toEqual([
      400,
      'ERROR_CORE',
      'Phone number is not correct',
    ])
    expect(w.sb.admin.callbacks(w.portalId)).toEqual([])
  })

  it('voximplant.callback.start: answers {RESULT: true, CALL_ID} and the portal keeps the callback', async () => {
    const r = await start({ VOICE: 'ruinternalfemale' })
    expect(r.status).toBe(200)
    const result = r.body.result as { RESULT: boolean; CALL_ID: string }
    expect(result).toEqual({ RESULT: true, CALL_ID: expect.stringMatching(/^callback\.[0-9a-f]{32}\.\d+$/) })
    expect(w.sb.admin.callbacks(w.portalId)).toEqual([
      expect.objectContaining({
        callId: result.CALL_ID,
        fromLine: 'reg151083',
        toNumber: '+7 (495) 123-45-67',
        text: 'Calling Romashka LLC about invoice 7',
        voice: 'ruinternalfemale',
      }),
    ])
  })

  it('voximplant: an employee without the telephony rights gets 403 ACCESS_DENIED', async () => {
    const user = await me()
    w.sb.admin.seedTelephony(w.portalId, { lines: [{ id: 'reg151083' }], deniedUsers: [user] })
    try {
      const r = await start()
      expect([r.status, r.body.error, r.body.error_description]).toEqual([403, 'ACCESS_DENIED', 'Access denied'])
      for (const m of ['voximplant.line.get', 'voximplant.line.outgoing.get']) {
        const l = await raw(m)
        expect([l.status, l.body.error, l.body.error_description]).toEqual([403, 'ACCESS_DENIED', 'Access denied!'])
      }
    } finally {
      w.sb.admin.seedTelephony(w.portalId, { lines: [{ id: 'reg151083' }] })
    }
    expect(w.sb.admin.callbacks(w.portalId)).toHaveLength(1)
  })

  it('voximplant: an app without telephony is refused (403 insufficient_scope)', async () => {
    const before = w.sb.admin.registerApp({ clientId: w.app.clientId }).scopes
    w.sb.admin.registerApp({ clientId: w.app.clientId, scopes: ['crm', 'im'] })
    try {
      for (const m of ['voximplant.line.get', 'voximplant.line.outgoing.get', 'voximplant.callback.start']) {
        const r = await (m === 'voximplant.callback.start' ? start() : raw(m))
        expect([m, r.status, r.body.error]).toEqual([m, 403, 'insufficient_scope'])
      }
    } finally {
      w.sb.admin.registerApp({ clientId: w.app.clientId, scopes: before })
    }
  })
})
