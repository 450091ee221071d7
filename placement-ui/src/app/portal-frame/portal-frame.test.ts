// Our portal frame client against a fake portal: the message format both ways, origin checks, REST over
// HTTP with the token in `auth`, one refresh on 401, and batch answers matched back to their calls.
import { describe, expect, it } from 'vitest'
import { createMessenger, parseReply } from './messages.ts'
import { portalFrameOf, portalOrigin } from './portal-frame.ts'
import { queryOf } from './rest.ts'

const ORIGIN = 'https://portal.example'

/** A parent window answering each command with `answer(command, params)` from `origin`. */
function fakeParent(answer: (command: string, params: unknown) => unknown, origin = ORIGIN) {
  const sent: string[] = []
  const host = new EventTarget() as unknown as Window
  const target = {
    postMessage: (msg: string, to: string) => {
      sent.push(`${to} ${msg}`)
      const [command = '', ...rest] = msg.split(':')
      const id = rest[rest.length - 2]!
      const params = rest.length > 2 ? JSON.parse(rest.slice(0, -2).join(':')) : null
      const reply = answer(command, params)
      if (reply === undefined) return
      queueMicrotask(() =>
        host.dispatchEvent(Object.assign(new Event('message'), { origin, data: `${id}:${JSON.stringify(reply)}` })),
      )
    },
  } as unknown as Window
  return { sent, send: createMessenger(target, ORIGIN, 'sid1', host) }
}

describe('portal frame messages', () => {
  it('sends command:params:id:sid to the portal origin and resolves with its answer', async () => {
    const p = fakeParent((c, params) => ({ c, params }))
    expect(await p.send('setTitle', { title: 'a:b' })).toEqual({ c: 'setTitle', params: { title: 'a:b' } })
    expect(await p.send('getInitData')).toEqual({ c: 'getInitData', params: null })
    expect(p.sent[0]).toMatch(/^https:\/\/portal\.example setTitle:\{"title":"a:b"\}:\w+:sid1$/)
    expect(p.sent[1]).toMatch(/^https:\/\/portal\.example getInitData:\w+:sid1$/)
  })

  it('ignores answers from another origin; a size command settles by itself', async () => {
    const p = fakeParent(() => ({ evil: true }), 'https://evil.example')
    expect(await p.send('resizeWindow', { width: 1, height: 2 })).toEqual({})
  })

  it('reads replies: JSON after the id, a bare id as empty, junk as nothing', () => {
    expect(parseReply('ab:{"x":1}')).toEqual({ id: 'ab', value: { x: 1 } })
    expect(parseReply('ab')).toEqual({ id: 'ab', value: '' })
    expect(parseReply('ab:{oops')).toBeNull()
    expect(portalOrigin('p.example:443', true)).toBe('https://p.example')
    expect(portalOrigin('127.0.0.1:5182', false)).toBe('http://127.0.0.1:5182')
  })
})

describe('portal REST from the frame', () => {
  it('batches calls with the token, refreshes once on expired_token and matches answers to calls', async () => {
    const p = fakeParent((c) => (c === 'refreshAuth' ? { AUTH_ID: 't2', REFRESH_ID: 'r2', AUTH_EXPIRES: 3600 } : {}))
    const bodies: { url: string; body: Record<string, unknown> }[] = []
    const fetchFn = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>
      bodies.push({ url, body })
      if (body.auth === 't1') return new Response(JSON.stringify({ error: 'expired_token' }), { status: 401 })
      const result = { result: { c0: [{ ID: '5', NAME: 'Иван' }] }, result_error: { c1: { error: 'NOT_FOUND' } } }
      return new Response(JSON.stringify({ result }), { status: 200 })
    }) as unknown as typeof fetch
    const frame = portalFrameOf(
      { AUTH_ID: 't1', REFRESH_ID: 'r1', PLACEMENT_OPTIONS: '{"ID":"7"}' },
      ORIGIN,
      p.send,
      fetchFn,
    )
    expect(frame.options).toEqual({ ID: '7' })
    const out = await frame.batch([
      ['user.get', { ID: 5 }],
      ['user.get', { ID: 6 }],
    ])
    expect(out).toEqual([[{ ID: '5', NAME: 'Иван' }], undefined])
    expect(bodies.map((b) => [b.url, b.body.auth])).toEqual([
      [`${ORIGIN}/rest/batch`, 't1'],
      [`${ORIGIN}/rest/batch`, 't2'],
    ])
    expect(bodies[1]!.body.cmd).toEqual({ c0: 'user.get?ID=5', c1: 'user.get?ID=6' })
    expect(frame.accessToken()).toBe('t2')
    expect(queryOf({ filter: { '>ID': 3, ID: [1, 2] }, x: null })).toBe(
      'filter[%3EID]=3&filter[ID][0]=1&filter[ID][1]=2',
    )
  })

  it('opens portal pages in the slider and normalises the CRM chooser', async () => {
    const p = fakeParent((c) =>
      c === 'selectCRM' ? { company: { 0: { id: 'CO_3', title: 'А' } } } : { result: 'close' },
    )
    const frame = portalFrameOf({ AUTH_ID: 't' }, ORIGIN, p.send)
    await frame.openPath('/crm/type/1036/details/5/')
    expect(p.sent[0]).toContain('openPath:{"path":"/crm/type/1036/details/5/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER"}')
    expect(await frame.selectCRM({ entityType: ['company'], multiple: true })).toEqual({
      company: [{ id: 'CO_3', title: 'А' }],
    })
  })
})
