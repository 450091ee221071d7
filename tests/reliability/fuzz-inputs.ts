// Generated bad requests for one /api route: each input breaks at least one thing on purpose (the
// credentials, a path parameter, the body's envelope, the body itself, or the query), and may
// leave the other parts valid so the broken one is what the server has to catch.
import fc from 'fast-check'
import qs from 'qs'
import type { RouteSpec } from './fuzz-route-specs.ts'

export interface FuzzRequest {
  axis: 'auth' | 'param' | 'envelope' | 'body' | 'query'
  role: 'admin' | 'clerk' | 'bad'
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

const nasty = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '01',
  '9'.repeat(20),
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '../',
  '../../etc/passwd',
  '/etc/passwd',
  '..\\..\\win.ini',
  'a\u0000b',
  '%00',
  '%2e%2e%2f',
  '<script>',
  "' OR 1=1 --",
  'ö',
  '😀',
  // ill-formed Unicode and numeric character references (red-team issue 21)
  '\ud800',
  'a\udfffb',
  '&#x110000;',
  '&#0;',
  '&#xD800;',
  'x'.repeat(300),
]
/** A path segment that is never a valid id, type, export name or INN. */
const badSegment = fc
  .oneof(
    fc.constantFrom(...nasty),
    fc.string({ maxLength: 20 }).filter((s) => !/^[1-9]\d{0,14}$/.test(s)),
  )
  .filter((s) => !['company', 'contact', 'receivables.csv', 'receivables.xlsx', 'reports.xlsx'].includes(s))

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...nasty),
  fc.constant(1e300),
  fc.constant(-0),
)
const key = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '$where', 'a.b', 'a[b]'),
)
export const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.dictionary(key, tie('node'), { maxKeys: 5 }),
    fc.array(tie('node'), { maxLength: 4 }),
  ),
})).node
/** An object with at least one key nobody expects: never a valid body of any route. */
const junkObject = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 })
/** Values of the wrong kind for a required field (never null: null means "clear" on some routes). */
const wrongKind = (v: unknown) =>
  typeof v === 'number'
    ? fc.constantFrom<unknown>('abc', '', true, [], {}, [v], { v }, 'x'.repeat(3000), -1, 0, 1.5, 1e300)
    : typeof v === 'string'
      ? fc.constantFrom<unknown>(12345, true, [], {}, [v], { v }, 'x'.repeat(20_000), '\u0000', '')
      : fc.constantFrom<unknown>('x', 7, [], { v: 1 })

function badBody(spec: RouteSpec): fc.Arbitrary<unknown> {
  const near =
    spec.body && typeof spec.body === 'object'
      ? fc.constantFrom(...spec.body.required).chain((f) =>
          wrongKind(spec.body && typeof spec.body === 'object' ? spec.body.template[f] : null).map((v) => ({
            ...(spec.body as { template: object }).template,
            [f]: v,
          })),
        )
      : null
  const notObject = fc.oneof(fc.array(tree, { maxLength: 4 }), fc.string({ maxLength: 40 }), fc.integer(), fc.boolean())
  return near ? fc.oneof(junkObject, notObject, near, near) : fc.oneof(junkObject, notObject)
}

const notJson = (s: string) => {
  try {
    JSON.parse(s)
    return false
  } catch {
    return true
  }
}
const badEnvelope = fc.oneof(
  fc.tuple(
    fc.constant('application/json'),
    fc.oneof(
      fc
        .string({ maxLength: 60 })
        .map((s) => `{${s}`)
        .filter(notJson),
      fc.constantFrom(
        '{',
        '[',
        '{"a":',
        '\u0000',
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{}}}',
        '{}}',
        'nul',
      ),
    ),
  ),
  // valid JSON nested far deeper than any body of ours: parsed, then refused without a stack overflow
  fc.tuple(
    fc.constant('application/json'),
    fc.integer({ min: 1_000, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  ),
  fc.tuple(
    fc.constant('application/json'),
    fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"name":${'['.repeat(n)}${']'.repeat(n)}}`),
  ),
  fc.tuple(
    fc.constantFrom(
      'text/html',
      'multipart/form-data; boundary=x',
      'application/x-msgpack',
      'image/png',
      'application/jsonp',
    ),
    fc.string({ maxLength: 60 }),
  ),
)

const badKey = (good: string) =>
  fc.oneof(
    fc.constant<Record<string, string>>({}),
    badSegment.map((t) => ({ authorization: `Bearer ${t}` })),
    fc.constant({ authorization: `Basic ${good}` }),
    fc.constant({ authorization: `Bearer ${good.slice(0, -1)}` }),
    fc.constant({ authorization: `Bearer ${good}x` }),
    fc.constant({ authorization: `Bearer ${'x'.repeat(600)}` }),
  )

const badAuth = (memberId: string, good: string) =>
  fc.oneof(
    fc.constant<Record<string, string>>({}),
    fc.constant({ authorization: `Bearer ${good}` }),
    fc.constant({ 'x-b24-member-id': memberId }),
    badSegment.map((t) => ({ authorization: `Bearer ${t}`, 'x-b24-member-id': memberId })),
    badSegment.map((m) => ({ authorization: `Bearer ${good}`, 'x-b24-member-id': m })),
    fc.constant({ authorization: `Basic ${good}`, 'x-b24-member-id': memberId }),
    fc.constant({ authorization: `Bearer ${'x'.repeat(600)}`, 'x-b24-member-id': memberId }),
    fc.constant({ authorization: `Bearer ${good}`, 'x-b24-member-id': 'member-of-nobody' }),
  )

const queryJunk = (keys: string[]) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom(...keys, 'x'), key),
    fc.oneof(
      fc.constantFrom(...nasty),
      fc.string({ maxLength: 20 }),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }),
    ),
    { minKeys: 1, maxKeys: 4 },
  )

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its ill-formed UTF-8 bytes. */
function encodeSegment(s: string): string {
  return s
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((part) =>
      part.length === 1 && /[\ud800-\udfff]/.test(part)
        ? `%${[0xe0 | (part.charCodeAt(0) >> 12), 0x80 | ((part.charCodeAt(0) >> 6) & 0x3f), 0x80 | (part.charCodeAt(0) & 0x3f)].map((b) => b.toString(16).toUpperCase()).join('%')}`
        : encodeURIComponent(part),
    )
    .join('')
}

export interface FuzzContext {
  memberId: string
  admin: string
  clerk: string
  apiKey: string
}

export function requests(spec: RouteSpec, c: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const params = Object.keys(spec.params)
  const axes: FuzzRequest['axis'][] = spec.public ? [] : ['auth']
  if (params.length) axes.push('param')
  if (spec.method !== 'GET') axes.push('envelope')
  if (spec.method !== 'GET' && spec.body !== 'none') axes.push('body')
  if (spec.query.length) axes.push('query')
  const okBody = spec.raw
    ? fc.constant(spec.raw)
    : spec.body && typeof spec.body === 'object'
      ? fc.constant(spec.body.template)
      : fc.constant({})
  return fc
    .record({
      axis: fc.constantFrom(...axes),
      role: fc.constantFrom<'admin' | 'clerk'>('admin', 'admin', 'clerk'),
      badParam: fc.nat(Math.max(0, params.length - 1)),
      params: fc.tuple(...params.map((p) => fc.oneof(fc.constant(spec.params[p]), badSegment)), fc.constant(null)),
      forcedParam: badSegment,
      auth: spec.apiKey ? badKey(c.apiKey) : badAuth(c.memberId, c.admin),
      envelope: badEnvelope,
      body: fc.oneof(okBody, badBody(spec)),
      forcedBody: spec.raw
        ? fc.oneof(
            fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
            fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)),
          )
        : badBody(spec),
      query: spec.query.length ? fc.oneof(fc.constant({}), queryJunk(spec.query)) : fc.constant({}),
      forcedQuery: queryJunk(spec.query.length ? spec.query : ['x']),
    })
    .map((g) => {
      // broken credentials go with an otherwise valid request: exactly the credentials must be refused
      const values = params.map((p, i) =>
        g.axis === 'param' && i === g.badParam
          ? g.forcedParam
          : g.axis === 'auth'
            ? spec.params[p]
            : (g.params[i] as string),
      )
      if (g.axis === 'auth') {
        g.query = {}
        g.body = spec.raw ?? (spec.body && typeof spec.body === 'object' ? spec.body.template : {})
      }
      let url = spec.url
      params.forEach((p, i) => {
        url = url.replace(`:${p}`, encodeSegment(values[i]))
      })
      const query = g.axis === 'query' ? g.forcedQuery : g.query
      if (Object.keys(query).length) url += `?${qs.stringify(query)}`
      const token = spec.apiKey ? c.apiKey : g.role === 'admin' ? c.admin : c.clerk
      const headers: Record<string, string> =
        g.axis === 'auth'
          ? { ...g.auth }
          : { authorization: `Bearer ${token}`, ...(spec.apiKey ? {} : { 'x-b24-member-id': c.memberId }) }
      let payload: string | Buffer | undefined
      if (spec.method !== 'GET') {
        if (g.axis === 'envelope') {
          headers['content-type'] = g.envelope[0]
          payload = g.envelope[1]
        } else if (spec.raw) {
          headers['content-type'] = 'application/octet-stream'
          payload =
            g.axis === 'body'
              ? (g.forcedBody as Buffer)
              : Buffer.isBuffer(g.body)
                ? g.body
                : Buffer.from(JSON.stringify(g.body))
        } else {
          headers['content-type'] = 'application/json'
          payload = JSON.stringify(g.axis === 'body' ? g.forcedBody : g.body) ?? 'null'
        }
      }
      return { axis: g.axis, role: g.axis === 'auth' ? 'bad' : g.role, url, headers, payload }
    })
}
